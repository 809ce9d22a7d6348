package io.parkpulse.dashboard.auth;

import java.util.Objects;

/**
 * One account of the users file: what it may see ({@link #access()}, whose name is the username) and its password's
 * Argon2id PHC hash. {@link #toString()} leaves the hash out, so an account can be logged.
 *
 * @param displayName  shown in the UI; the username when the file gives none
 */
public record User(String username, String displayName, Caller access, String passwordHash) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!access.name().equals(username)) {
            throw new IllegalArgumentException("the access of user " + username + " is named " + access.name());
        }
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + access.role().id() + ", parks " + access.park()
                + (access.enterprise() == null ? "" : ", enterprise " + access.enterprise()) + "]";
    }
}
