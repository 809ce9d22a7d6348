package io.parkpulse.tools.accounts;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.auth.PasswordHasher;
import io.parkpulse.dashboard.auth.UsersFileWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo-users}: writes a dashboard users file for a demo — an operator of one park ({@code operator}) and a user
 * of one of its enterprises ({@code enterprise}) — with fresh random passwords, and prints "username password" per
 * line. The file holds only Argon2id hashes; the passwords exist nowhere else.
 */
@Command(name = "demo-users", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a dashboard users file with two accounts, an operator of PARK and a user of ENTERPRISE, "
                + "with fresh random passwords (docs/accounts.md).",
            "Prints \"username password\" per line; the file keeps only Argon2id hashes."})
public final class DemoUsersCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, description = "The users file to write (replaced; owner-only permissions).")
    Path file;

    @Option(names = "--park", required = true, description = "The park the operator runs and the enterprise belongs to.")
    String park;

    @Option(names = "--enterprise", required = true, description = "The enterprise id of the enterprise user.")
    String enterprise;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-tools demo-users", () -> {
            Map<String, String> passwords = UsersFileWriter.writeWithGeneratedPasswords(file, List.of(
                    new UsersFileWriter.Account(Caller.operator("operator", List.of(park)), "控制室"),
                    new UsersFileWriter.Account(Caller.enterprise("enterprise", park, enterprise), enterprise)), new PasswordHasher());
            passwords.forEach((user, password) -> System.out.println(user + " " + password));
            return 0;
        });
    }
}
