package io.parkpulse.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the server binaries: an explicit {@code PARKPULSE_*_BIN} variable, then {@code PATH}, then
 * Debian's install location ({@code /usr/sbin} is often missing from a non-root {@code PATH}). The
 * environment and the file check are injected so the "nothing installed" path can be tested on a
 * machine that has both installed.
 *
 * <p>Immutable and thread-safe if the injected map and predicate are.
 */
final class BinaryLocator {

    enum Binary {
        MOSQUITTO("mosquitto", "PARKPULSE_MOSQUITTO_BIN", "/usr/sbin/mosquitto", "mosquitto"),
        INFLUXD("influxd", "PARKPULSE_INFLUXD_BIN", "/usr/bin/influxd", "influxdb");

        final String command;
        final String variable;
        final String debianPath;
        final String debianPackage;

        Binary(String command, String variable, String debianPath, String debianPackage) {
            this.command = command;
            this.variable = variable;
            this.debianPath = debianPath;
            this.debianPackage = debianPackage;
        }

        /** Where {@link BinaryLocator#find} looks, for error messages. */
        String searched() {
            return "$" + variable + ", PATH, " + debianPath;
        }
    }

    private final Map<String, String> environment;
    private final Predicate<Path> isExecutable;

    BinaryLocator(Map<String, String> environment, Predicate<Path> isExecutable) {
        this.environment = Map.copyOf(environment);
        this.isExecutable = isExecutable;
    }

    static BinaryLocator system() {
        return new BinaryLocator(System.getenv(), path -> Files.isRegularFile(path) && Files.isExecutable(path));
    }

    /**
     * @throws IllegalStateException if the variable is set but names no executable: a typo there should
     *                               fail loudly rather than silently test against another binary
     */
    Optional<Path> find(Binary binary) {
        String explicit = environment.get(binary.variable);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!isExecutable.test(path)) {
                throw new IllegalStateException(binary.variable + "=" + explicit + " is not an executable file");
            }
            return Optional.of(path);
        }
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, binary.command);
                if (isExecutable.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path debian = Path.of(binary.debianPath);
        return isExecutable.test(debian) ? Optional.of(debian) : Optional.empty();
    }
}
