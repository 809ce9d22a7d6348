package io.parkpulse.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CPU seconds each of some named processes uses between construction and {@link #stop()}. A process whose CPU time
 * cannot be read at either end gets {@code NaN}.
 *
 * <p>Thread-safe; the first {@link #stop()} fixes the figures.
 */
public final class CpuWindow {

    private final Map<String, Long> pids;
    private final Map<String, Double> atStart = new LinkedHashMap<>();
    private Map<String, Double> used;

    /** @param pids process ids by name, in the order reports list them */
    public CpuWindow(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        pids.forEach((name, pid) -> atStart.put(name, read(pid)));
    }

    public synchronized void stop() {
        if (used == null) {
            Map<String, Double> figures = new LinkedHashMap<>();
            pids.forEach((name, pid) -> figures.put(name, read(pid) - atStart.get(name)));
            used = Collections.unmodifiableMap(figures);
        }
    }

    /** CPU seconds by process name; stops the window if that has not happened yet. */
    public synchronized Map<String, Double> used() {
        stop();
        return used;
    }

    private static double read(long pid) {
        OptionalDouble seconds = ProcessCpu.seconds(pid);
        return seconds.isPresent() ? seconds.getAsDouble() : Double.NaN;
    }
}
