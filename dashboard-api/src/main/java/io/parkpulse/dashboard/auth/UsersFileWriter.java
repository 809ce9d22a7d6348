package io.parkpulse.dashboard.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a users file with freshly generated passwords, for the demo and for first installs: the file holds only
 * the hashes; the passwords are returned once, to be shown to whoever starts the demo, and are not kept anywhere.
 */
public final class UsersFileWriter {

    /** No look-alikes (0/O, 1/l/I), so a password read off a screen can be typed. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 20 characters of a 57-letter alphabet: about 116 bits. */
    static final int PASSWORD_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UsersFileWriter() {
    }

    /** An account to write: its access (whose name is the username) and the name the UI shows. */
    public record Account(Caller access, String displayName) {
    }

    /**
     * Writes {@code file} (replacing it; owner-only permissions where the file system has them) with one entry per
     * account, each with a new random password, and returns username → password in the accounts' order.
     */
    public static Map<String, String> writeWithGeneratedPasswords(Path file, List<Account> accounts, PasswordHasher hasher)
            throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder yaml = new StringBuilder("# ParkPulse dashboard users (docs/accounts.md); passwords are kept only as Argon2id hashes\nusers:\n");
        for (Account a : accounts) {
            Caller c = a.access();
            if (!Users.USERNAME.matcher(c.name()).matches()) {
                throw new IllegalArgumentException("\"" + c.name() + "\" is not a valid username");
            }
            String password = generatePassword();
            if (passwords.putIfAbsent(c.name(), password) != null) {
                throw new IllegalArgumentException("user " + c.name() + " is listed twice");
            }
            yaml.append("  - username: ").append(c.name()).append('\n');
            if (a.displayName() != null && !a.displayName().equals(c.name())) {
                yaml.append("    name: ").append(quoted(a.displayName())).append('\n');
            }
            yaml.append("    role: ").append(c.role().id()).append('\n');
            switch (c.role()) {
                case OPERATOR -> yaml.append("    parks: [").append(String.join(", ", c.parks().stream().map(UsersFileWriter::quoted).toList())).append("]\n");
                case ENTERPRISE -> yaml.append("    park: ").append(c.park()).append('\n')
                        .append("    enterprise: ").append(c.enterprise()).append('\n');
                case ADMIN -> { }
            }
            yaml.append("    password_hash: ").append(quoted(hasher.hash(password))).append('\n');
        }
        Users.parse(file.toString(), yaml.toString()); // what we write must read back
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".users", ".yaml");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions are all there is
            }
            Files.writeString(temp, yaml, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return passwords;
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
