package io.parkpulse.simulators.load;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

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
 * @param ingestHeapPeakMb   peak heap in use of the ingest JVM, garbage not yet collected included (-1 unknown)
 * @param ingestLiveHeapMb   peak heap still live after a collection (-1 unknown)
 * @param ingestRssPeakMb    peak resident memory of the ingest process (-1 unknown)
 */
public record LoadReport(String label, int gateways, int meters, int readingsPerMessage, int qos, double targetRate,
                         double publishSeconds, long published, long failed, double storedSeconds, long stored, long ingestWrites,
                         long rejected, List<Double> latenciesMs, int probesNotFound, double ingestHeapPeakMb, double ingestLiveHeapMb,
                         double ingestRssPeakMb) {

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
        row(t, "ingest memory", (ingestHeapPeakMb < 0 ? "heap unknown" : String.format(Locale.ROOT,
                "heap peak %.0f MiB in use, %.0f MiB live after GC", ingestHeapPeakMb, ingestLiveHeapMb))
                + (ingestRssPeakMb < 0 ? "" : String.format(Locale.ROOT, ", RSS peak %.0f MiB", ingestRssPeakMb)));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, String value) {
        t.append(String.format(Locale.ROOT, "  %-20s %s%n", name, value));
    }

    public JsonObject json() {
        return new JsonObject()
                .put("label", label).put("gateways", gateways).put("meters", meters).put("readingsPerMessage", readingsPerMessage)
                .put("qos", qos).put("targetRate", targetRate)
                .put("published", published).put("publishSeconds", publishSeconds).put("publishedPerSecond", publishedPerSecond())
                .put("messagesPerSecond", messagesPerSecond()).put("failed", failed)
                .put("stored", stored).put("storedSeconds", storedSeconds).put("storedPerSecond", storedPerSecond())
                .put("lost", lost()).put("duplicates", duplicates()).put("rejected", rejected)
                .put("latencyMs", new JsonObject().put("p50", latencyPercentileMs(50)).put("p95", latencyPercentileMs(95))
                        .put("p99", latencyPercentileMs(99)).put("probes", latenciesMs.size()).put("notFound", probesNotFound))
                .put("ingestHeapPeakMb", ingestHeapPeakMb).put("ingestLiveHeapMb", ingestLiveHeapMb).put("ingestRssPeakMb", ingestRssPeakMb);
    }
}
