package io.parkpulse.dashboard.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the Argon2id PHC hash of a password read from standard input (its first line), for the users file:
 * {@code printf %s "$PASSWORD" | java -cp dashboard-api.jar io.parkpulse.dashboard.auth.PasswordHashCommand}.
 * Reading stdin keeps the password out of the process list and the shell history.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {
    }

    public static void main(String[] args) throws IOException {
        String password;
        if (System.console() != null && System.in.available() == 0) {
            char[] typed = System.console().readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("no password on standard input; usage: printf %s \"$PASSWORD\" | java -cp dashboard-api.jar "
                    + PasswordHashCommand.class.getName());
            System.exit(2);
            return;
        }
        try {
            System.out.println(new PasswordHasher().hash(password));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
