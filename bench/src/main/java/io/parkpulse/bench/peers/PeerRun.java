package io.parkpulse.bench.peers;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one measured run found.
 *
 * @param plan       which run
 * @param published  readings the publisher got acknowledged (QoS 1: PUBACK; QoS 0: written to the socket), or written
 *                   by the InfluxDB-alone writer
 * @param stored     distinct readings of the run queryable in InfluxDB at the end (for the broker alone: received by
 *                   {@code mosquitto_sub}), or -1 when that could not be told
 * @param strays     points in the database beyond what was published (a reading stored twice as two points: another
 *                   time, another series)
 * @param seconds    from the first publish to the last reading queryable (received, for the broker alone)
 * @param cpuSeconds CPU seconds (user + system, /proc) each process used in that window, by process name
 * @param peakRssMb  peak resident memory of the process under test (VmHWM), or NaN when it has none of its own
 * @param problem    what went wrong (the process exited, ran out of heap, stopped making progress), or null
 */
public record PeerRun(PlannedRun plan, long published, long stored, long strays, double seconds, Map<String, Double> cpuSeconds,
                      double peakRssMb, String problem) {

    public PeerRun {
        cpuSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(cpuSeconds));
    }

    /** A run that could not be measured (the system under test did not start, say): left out of every median. */
    public static PeerRun failed(PlannedRun plan, String problem) {
        return new PeerRun(plan, 0, -1, 0, Double.NaN, Map.of(), Double.NaN, problem);
    }

    /** Readings stored (received) per second; NaN when the count or the time is not known. */
    public double readingsPerSecond() {
        return stored < 0 || !(seconds > 0) ? Double.NaN : stored / seconds;
    }

    /** Published and not stored; all of them when the count could not be told. */
    public long lost() {
        return stored < 0 ? published : Math.max(0, published - stored);
    }

    /** Readings stored twice as distinct points. */
    public long storedTwice() {
        return Math.max(0, stored - published) + strays;
    }

    /** CPU microseconds the process used per reading stored, or NaN when it was not watched or nothing was stored. */
    public double cpuMicrosPerReading(String process) {
        Double cpu = cpuSeconds.get(process);
        return cpu == null || stored <= 0 ? Double.NaN : cpu * 1e6 / stored;
    }

    /** One line for the benchmark's progress output. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s r%d %-8s %-15s", plan.phase().label(), plan.round(),
                plan.shape(), plan.lane().label()));
        if (stored < 0 && published == 0) {
            return line.append(" failed: ").append(problem).toString();
        }
        line.append(String.format(Locale.ROOT, " %,d of %,d in %.2f s = %,.0f readings/s; CPU µs/reading", Math.max(stored, 0), published,
                seconds, readingsPerSecond()));
        cpuSeconds.keySet().forEach(p -> line.append(String.format(Locale.ROOT, " %s %.1f", p, cpuMicrosPerReading(p))));
        if (problem != null) {
            line.append("; problem: ").append(problem);
        }
        return line.toString();
    }

    public JsonObject json() {
        JsonObject cpu = new JsonObject();
        cpuSeconds.forEach((process, s) -> cpu.put(process, new JsonObject().put("cpuSeconds", Double.isNaN(s) ? null : s)
                .put("cpuMicrosPerReading", Double.isNaN(cpuMicrosPerReading(process)) ? null : cpuMicrosPerReading(process))));
        return new JsonObject().put("phase", plan.phase().label()).put("round", plan.round()).put("shape", plan.shape().toString())
                .put("lane", plan.lane().option()).put("published", published).put("stored", stored).put("lost", lost())
                .put("storedTwice", storedTwice()).put("seconds", Double.isNaN(seconds) ? null : seconds)
                .put("readingsPerSecond", Double.isNaN(readingsPerSecond()) ? null : readingsPerSecond())
                .put("peakRssMb", Double.isNaN(peakRssMb) ? null : peakRssMb).put("problem", problem).put("processes", cpu);
    }
}
