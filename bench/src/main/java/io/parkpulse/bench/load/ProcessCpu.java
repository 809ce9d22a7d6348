package io.parkpulse.bench.load;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU time a process has used: user + system time of all its threads, which the JDK reads on Linux from
 * {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 10 ms).
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU seconds the process has used since it started, or empty when it is gone or its times cannot be read. */
    public static OptionalDouble seconds(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(d -> OptionalDouble.of(d.toNanos() / 1e9))
                .orElse(OptionalDouble.empty());
    }

    /**
     * Waits until the process uses less than {@code maxCores} of CPU over {@code window}, at most {@code timeout}: so a
     * measurement does not start while InfluxDB is still compacting what the previous one wrote.
     *
     * @return true when it went quiet, false on timeout or when its CPU time cannot be read
     */
    public static boolean awaitQuiet(long pid, double maxCores, Duration window, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        OptionalDouble before = seconds(pid);
        while (before.isPresent() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(window.toNanos());
            OptionalDouble after = seconds(pid);
            if (after.isEmpty()) {
                return false;
            }
            if ((after.getAsDouble() - before.getAsDouble()) / (window.toNanos() / 1e9) < maxCores) {
                return true;
            }
            before = after;
        }
        return false;
    }
}
