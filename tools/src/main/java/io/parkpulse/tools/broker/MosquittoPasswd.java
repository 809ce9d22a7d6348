package io.parkpulse.tools.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes a Mosquitto {@code password_file} with the hashes Mosquitto 2 wants ({@code $7$}, PBKDF2-SHA512)
 * by running Mosquitto's own {@code mosquitto_passwd -U} on a plain {@code user:password} file, so no
 * password appears on a command line and the hash format is always the broker's.
 */
public final class MosquittoPasswd {

    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin/mosquitto_passwd"),
            Path.of("/usr/local/bin/mosquitto_passwd"), Path.of("/usr/sbin/mosquitto_passwd"),
            Path.of("/opt/homebrew/bin/mosquitto_passwd"));

    private final Path binary;

    public MosquittoPasswd(Path binary) {
        this.binary = binary;
    }

    /**
     * {@code explicit} if given, else {@code mosquitto_passwd} on the PATH or in the usual places.
     *
     * @throws IllegalStateException saying what to install when there is none
     */
    public static MosquittoPasswd locate(Path explicit) {
        if (explicit != null) {
            if (!Files.isExecutable(explicit)) {
                throw new IllegalStateException("--mosquitto-passwd " + explicit + " is not an executable file");
            }
            return new MosquittoPasswd(explicit);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mosquitto_passwd");
                if (Files.isExecutable(candidate)) {
                    return new MosquittoPasswd(candidate);
                }
            }
        }
        return USUAL_PLACES.stream().filter(Files::isExecutable).findFirst().map(MosquittoPasswd::new)
                .orElseThrow(() -> new IllegalStateException("mosquitto_passwd not found on the PATH: it hashes the "
                        + "passwords the way the broker checks them. Install Mosquitto (Debian/Ubuntu: apt-get install "
                        + "mosquitto; macOS: brew install mosquitto) or pass --mosquitto-passwd /path/to/mosquitto_passwd"));
    }

    /** Writes {@code target} holding a hash of every password, readable by its owner and group (the broker's). */
    public void writePasswordFile(Map<String, String> passwords, Path target) {
        Path work = target.resolveSibling("." + target.getFileName() + ".hashing");
        try {
            Files.deleteIfExists(work);
            Files.createFile(work, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder plain = new StringBuilder();
            passwords.forEach((user, password) -> plain.append(user).append(':').append(password).append('\n'));
            Files.writeString(work, plain, StandardCharsets.UTF_8);
            run(work);
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rw-r-----"));
            Files.move(work, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the password file " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(work);
            } catch (IOException ignored) {
                // the plain file is owner-only; a leftover is reported by nothing worse than its presence
            }
        }
    }

    private void run(Path plainFile) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "-U", plainFile.toString()).redirectErrorStream(true).start();
        // its output is a line or two; read to the end (the process's exit) before asking for the exit code
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(binary + " -U did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + binary + " was hashing the passwords", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(binary + " -U failed (exit " + process.exitValue() + "): " + output);
        }
        String hashed = Files.readString(plainFile, StandardCharsets.UTF_8);
        for (String line : hashed.split("\n")) {
            if (!line.isBlank() && !line.substring(line.indexOf(':') + 1).startsWith("$")) {
                throw new IllegalStateException(binary + " -U left a password unhashed (user "
                        + line.substring(0, Math.max(0, line.indexOf(':'))) + "); is it Mosquitto's mosquitto_passwd?");
            }
        }
    }
}
