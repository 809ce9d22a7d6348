package io.parkpulse.dashboard.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -cp parkpulse-dashboard-api.jar io.parkpulse.dashboard.auth.DemoUsersCommand FILE PARK ENTERPRISE}: writes a
 * users file for a demo — an operator of PARK ({@code operator}) and a user of ENTERPRISE ({@code enterprise}) — with
 * fresh random passwords, and prints "username password" per line. The passwords exist nowhere else.
 */
public final class DemoUsersCommand {

    private DemoUsersCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoUsersCommand USERS_FILE PARK ENTERPRISE");
            System.exit(2);
        }
        Map<String, String> passwords = UsersFileWriter.writeWithGeneratedPasswords(Path.of(args[0]), List.of(
                new UsersFileWriter.Account(Caller.operator("operator", List.of(args[1])), "控制室 Control room"),
                new UsersFileWriter.Account(Caller.enterprise("enterprise", args[1], args[2]), args[2])), new PasswordHasher());
        passwords.forEach((user, password) -> System.out.println(user + " " + password));
    }
}
