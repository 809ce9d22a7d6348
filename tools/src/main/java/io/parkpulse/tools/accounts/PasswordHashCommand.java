package io.parkpulse.tools.accounts;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.dashboard.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code password-hash}: prints the Argon2id PHC hash of a password for the users file. The password is read from
 * standard input (its first line) or typed at a prompt, never taken as an argument, so it stays out of the process list
 * and the shell history.
 */
@Command(name = "password-hash", mixinStandardHelpOptions = true,
        description = {"Print the Argon2id hash of a password for the dashboard's users file (docs/accounts.md).",
            "The password is read from standard input, e.g. printf %%s \"$PASSWORD\" | parkpulse-tools password-hash, "
                + "or typed at a prompt."})
public final class PasswordHashCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-tools password-hash", () -> {
            String password = readPassword();
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input; usage: printf %s \"$PASSWORD\" | "
                        + "java -jar parkpulse-tools.jar password-hash");
            }
            System.out.println(new PasswordHasher().hash(password));
            return 0;
        });
    }

    private static String readPassword() throws java.io.IOException {
        if (System.console() != null && System.in.available() == 0) {
            char[] typed = System.console().readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
