package io.parkpulse.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one load run.
 *
 * @param label              what was run
 * @param gateways           gateways (MQTT connections)
 * @param meters             meters in all
 * @param readingsPerMessage readings in each message
 * @param qos                MQTT QoS of the telemetry
 * @param targetRate         readings/s asked for, 0 for "as fast as it goes"
 * @param publishSeconds     from the first publish until the broker acknowledged the last message
 * @param published          readings the broker acknowledged
 * @param failed             readings whose publish failed
 * @param storedSeconds      from the first publish until ingest had written every published reading
 * @param stored             distinct readings queryable in InfluxDB at the end
 * @param ingestWrites       points ingest reports having written in the run (-1 unknown); above {@code stored} means re-deliveries
 * @param rejected           readings the platform reported rejected
 * @param latenciesMs        sorted publish → queryable latencies of the probes
 * @param probesNotFound     probes never found within 60 s
 * @param ingests            each ingest instance followed, in order (empty when none was)
 * @param cpuSeconds         CPU seconds other processes (InfluxDB, the broker, the load generator) used from the first
 *                           publish until everything was written, by name; NaN where unknown
 */
public record LoadReport(String label, int gateways, int meters, int readingsPerMessage, int qos, double targetRate,
                         double publishSeconds, long published, long failed, double storedSeconds, long stored, long ingestWrites,
                         long rejected, List<Double> latenciesMs, int probesNotFound, List<Instance> ingests,
                         Map<String, Double> cpuSeconds) {

    /** The name under which the CPU of all ingest instances together is reported. */
    public static final String ALL_INGESTS = "ingest (all instances)";

    /**
     * One ingest instance in a run.
     *
     * @param name       its name ({@link IngestTarget#name()})
     * @param points     points it reported written in the run (its share of the stream), -1 unknown
     * @param heapPeakMb peak heap in use, garbage not yet collected included (-1 unknown)
     * @param liveHeapMb peak heap still live after a collection (-1 unknown)
     * @param rssPeakMb  peak resident memory (-1 unknown)
     * @param cpuSeconds CPU seconds it used from the first publish until everything was written (NaN unknown)
     */
    public record Instance(String name, long points, double heapPeakMb, double liveHeapMb, double rssPeakMb, double cpuSeconds) {
    }

    public LoadReport {
        latenciesMs = List.copyOf(latenciesMs);
        ingests = List.copyOf(ingests);
        cpuSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cpuSeconds));
    }

    public double publishedPerSecond() {
        return published / publishSeconds;
    }

    public double messagesPerSecond() {
        return publishedPerSecond() / readingsPerMessage;
    }

    public double storedPerSecond() {
        return stored / storedSeconds;
    }

    public long lost() {
        return Math.max(0, published - stored);
    }

    public long duplicates() {
        return ingestWrites < 0 ? -1 : Math.max(0, ingestWrites - stored);
    }

    public double latencyPercentileMs(double p) {
        if (latenciesMs.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * latenciesMs.size()) - 1;
        return latenciesMs.get(Math.max(0, Math.min(latenciesMs.size() - 1, index)));
    }

    /** The highest heap peak of any instance, in MiB; -1 unknown. */
    public double ingestHeapPeakMb() {
        return ingests.stream().mapToDouble(Instance::heapPeakMb).max().orElse(-1);
    }

    /** The highest live heap after GC of any instance, in MiB; -1 unknown. */
    public double ingestLiveHeapMb() {
        return ingests.stream().mapToDouble(Instance::liveHeapMb).max().orElse(-1);
    }

    /** The highest resident memory peak of any instance, in MiB; -1 unknown. */
    public double ingestRssPeakMb() {
        return ingests.stream().mapToDouble(Instance::rssPeakMb).max().orElse(-1);
    }

    /** Each instance's share of the points the instances wrote, in order; NaN when a count is unknown. */
    public double[] shares() {
        long sum = 0;
        for (Instance i : ingests) {
            if (i.points() < 0) {
                return ingests.stream().mapToDouble(x -> Double.NaN).toArray();
            }
            sum += i.points();
        }
        long total = sum;
        return ingests.stream().mapToDouble(i -> total == 0 ? Double.NaN : (double) i.points() / total).toArray();
    }

    /** CPU seconds of the run by process: every ingest instance, all of them together, then the other processes. */
    public Map<String, Double> cpuByProcess() {
        Map<String, Double> all = new LinkedHashMap<>();
        double sum = 0;
        for (Instance i : ingests) {
            all.put(i.name(), i.cpuSeconds());
            sum += i.cpuSeconds();
        }
        if (ingests.size() > 1) {
            all.put(ALL_INGESTS, sum);
        }
        all.putAll(cpuSeconds);
        return all;
    }

    /** CPU seconds per 1 000 readings stored, by process, as {@link #cpuByProcess()}. */
    public Map<String, Double> cpuPerThousandReadings() {
        Map<String, Double> per = new LinkedHashMap<>();
        cpuByProcess().forEach((name, seconds) -> per.put(name, stored > 0 ? seconds / stored * 1000 : Double.NaN));
        return per;
    }

    public String table() {
        StringBuilder t = new StringBuilder();
        row(t, "run", label);
        row(t, "shape", gateways + " gateways x " + (meters / gateways) + " meters, " + readingsPerMessage + " readings/message, QoS " + qos);
        row(t, "target rate", targetRate == 0 ? "as fast as ingest writes (at most 100,000 readings queued)" : String.format(Locale.ROOT, "%,.0f readings/s", targetRate));
        row(t, "published", String.format(Locale.ROOT, "%,d readings in %.1f s = %,.0f readings/s (%,.0f messages/s)", published,
                publishSeconds, publishedPerSecond(), messagesPerSecond()));
        row(t, "stored (queryable)", String.format(Locale.ROOT, "%,d readings, all written after %.1f s = %,.0f readings/s", stored,
                storedSeconds, storedPerSecond()));
        row(t, "lost / duplicated", lost() + " / " + (duplicates() < 0 ? "unknown" : duplicates()) + (failed > 0 ? " (" + failed + " failed to publish)" : ""));
        row(t, "rejected", String.valueOf(rejected));
        row(t, "publish→queryable", latenciesMs.isEmpty() ? "no probes" : String.format(Locale.ROOT,
                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%d probes%s)", latencyPercentileMs(50), latencyPercentileMs(95),
                latencyPercentileMs(99), latenciesMs.get(latenciesMs.size() - 1), latenciesMs.size(),
                probesNotFound > 0 ? ", " + probesNotFound + " never found" : ""));
        double[] shares = shares();
        for (int i = 0; i < ingests.size(); i++) {
            Instance in = ingests.get(i);
            String share = ingests.size() > 1 && !Double.isNaN(shares[i])
                    ? String.format(Locale.ROOT, "%.1f %% of the stream (%,d points), ", shares[i] * 100, in.points()) : "";
            row(t, ingests.size() > 1 ? in.name() : "ingest memory", share + memory(in));
        }
        if (!cpuByProcess().isEmpty()) {
            StringBuilder cpu = new StringBuilder();
            Map<String, Double> per = cpuPerThousandReadings();
            cpuByProcess().forEach((name, seconds) -> cpu.append(cpu.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%s %.1f s = %.4f s", name, seconds, per.get(name))));
            row(t, "CPU (per 1000 stored)", cpu.toString());
        }
        return t.toString();
    }

    private static String memory(Instance in) {
        return (in.heapPeakMb() < 0 ? "heap unknown" : String.format(Locale.ROOT,
                "heap peak %.0f MiB in use, %.0f MiB live after GC", in.heapPeakMb(), in.liveHeapMb()))
                + (in.rssPeakMb() < 0 ? "" : String.format(Locale.ROOT, ", RSS peak %.0f MiB", in.rssPeakMb()));
    }

    private static void row(StringBuilder t, String name, String value) {
        t.append(String.format(Locale.ROOT, "  %-20s %s%n", name, value));
    }

    public JsonObject json() {
        JsonArray instances = new JsonArray();
        double[] shares = shares();
        for (int i = 0; i < ingests.size(); i++) {
            Instance in = ingests.get(i);
            instances.add(new JsonObject().put("name", in.name()).put("points", in.points()).put("share", finite(shares[i]))
                    .put("heapPeakMb", in.heapPeakMb()).put("liveHeapMb", in.liveHeapMb()).put("rssPeakMb", in.rssPeakMb())
                    .put("cpuSeconds", finite(in.cpuSeconds())));
        }
        JsonObject cpu = new JsonObject();
        cpuByProcess().forEach((name, seconds) -> cpu.put(name, finite(seconds)));
        JsonObject cpuPer = new JsonObject();
        cpuPerThousandReadings().forEach((name, seconds) -> cpuPer.put(name, finite(seconds)));
        return new JsonObject()
                .put("label", label).put("gateways", gateways).put("meters", meters).put("readingsPerMessage", readingsPerMessage)
                .put("qos", qos).put("targetRate", targetRate)
                .put("published", published).put("publishSeconds", publishSeconds).put("publishedPerSecond", publishedPerSecond())
                .put("messagesPerSecond", messagesPerSecond()).put("failed", failed)
                .put("stored", stored).put("storedSeconds", storedSeconds).put("storedPerSecond", storedPerSecond())
                .put("lost", lost()).put("duplicates", duplicates()).put("rejected", rejected)
                .put("latencyMs", new JsonObject().put("p50", finite(latencyPercentileMs(50))).put("p95", finite(latencyPercentileMs(95)))
                        .put("p99", finite(latencyPercentileMs(99))).put("probes", latenciesMs.size()).put("notFound", probesNotFound))
                .put("ingestHeapPeakMb", ingestHeapPeakMb()).put("ingestLiveHeapMb", ingestLiveHeapMb()).put("ingestRssPeakMb", ingestRssPeakMb())
                .put("ingests", instances).put("cpuSeconds", cpu).put("cpuSecondsPer1000Readings", cpuPer);
    }

    /** JSON has no NaN: unknown figures are written as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
