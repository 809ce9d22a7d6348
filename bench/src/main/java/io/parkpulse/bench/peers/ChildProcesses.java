package io.parkpulse.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the processes a run measures, none of which may outlive the benchmark. */
final class ChildProcesses {

    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly), "peers-reaper"));
    }

    private ChildProcesses() {
    }

    /**
     * Starts {@code command} with its output and errors appended to {@code log}. The child gets this environment without
     * the caller's {@code PARKPULSE_*} and {@code PEERS_*} variables (a developer's share group or credentials must not
     * change what is measured), plus {@code environment}.
     *
     * @param discardOutput only errors go to the log, the standard output is dropped (a subscriber printing messages)
     */
    static Process start(List<String> command, Map<String, String> environment, Path log, boolean discardOutput) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectOutput(discardOutput ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PARKPULSE_") || name.startsWith("PEERS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CHILDREN.add(process);
        process.onExit().thenRun(() -> CHILDREN.remove(process));
        process.getOutputStream().close();
        return process;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns once the process is gone (at once with SIGKILL if interrupted). */
    static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Peak resident memory ({@code VmHWM} of /proc/pid/status) in MB, or NaN when it cannot be read. */
    /** Waits until something is ready; may fail like any process or server check. */
    interface Readiness {
        void await() throws IOException, InterruptedException;
    }

    /** {@code started} once it is ready; closed, and the failure thrown, when it does not get there. */
    static <T extends AutoCloseable> T readyOrClosed(T started, Readiness readiness) throws IOException, InterruptedException {
        try {
            readiness.await();
            return started;
        } catch (RuntimeException | IOException | InterruptedException e) {
            try {
                started.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or no /proc
        }
        return Double.NaN;
    }
}
