package io.parkpulse.testkit;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of a server binary as a child of this JVM. Its stdout and stderr are appended to a log
 * file, never to a pipe: a pipe nobody reads fills up and blocks the server mid-test.
 *
 * <p>Not thread-safe: {@link LocalServer} serialises all calls.
 */
final class ChildProcess {

    /** How long to wait for the kernel to reap a SIGKILLed child. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final String commandLine;

    private ChildProcess(Process process, String commandLine) {
        this.process = process;
        this.commandLine = commandLine;
    }

    static ChildProcess spawn(List<String> command, Path workDir, Path logFile,
                              Consumer<Map<String, String>> environment) throws IOException {
        String commandLine = String.join(" ", command);
        // a marker per start makes restarts easy to tell apart in the appended log
        Files.writeString(logFile, "---- parkpulse-test-kit " + Instant.now() + ": " + commandLine + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        environment.accept(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close(); // servers read no stdin
        Reaper.watch(process);
        return new ChildProcess(process, commandLine);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String commandLine() {
        return commandLine;
    }

    /** Exit code of a process that has exited. */
    int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM so the server saves its state, then SIGKILL if it has not exited within {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** SIGKILL, as in a crash: the server gets no chance to save anything. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        if (!awaitExit(KILL_WAIT) && !Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL: " + commandLine);
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // leave nothing running behind an interrupted test
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
