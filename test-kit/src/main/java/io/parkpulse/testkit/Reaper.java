package io.parkpulse.testkit;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Last line of defence: a JVM shutdown hook that kills every child server still alive and deletes
 * every temporary directory not yet closed, so Ctrl-C or a Surefire fork timeout leaves no orphan
 * broker holding a port and no stray data directory.
 *
 * <p>Thread-safe: the registries are concurrent sets.
 */
final class Reaper {

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::reap, "parkpulse-test-kit-reaper"));
    }

    private Reaper() {
    }

    static void watch(Process process) {
        PROCESSES.add(process);
        process.onExit().thenRun(() -> PROCESSES.remove(process));
    }

    static void watch(Path directory) {
        DIRECTORIES.add(directory);
    }

    static void forget(Path directory) {
        DIRECTORIES.remove(directory);
    }

    private static void reap() {
        PROCESSES.forEach(Process::destroyForcibly);
        for (Process process : PROCESSES) {
            try {
                // the directory cannot be deleted reliably while the child may still write to it
                process.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort while the JVM is going down
            }
        }
        DIRECTORIES.forEach(TempDir::deleteQuietly);
    }
}
