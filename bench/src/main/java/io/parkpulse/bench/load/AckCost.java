package io.parkpulse.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The ack-cost benchmark's figures for one message shape ({@link AckCostCommand}): the runs of each {@link AckLane},
 * round by round (a lane may run more than once in a round), and each lane's totals beside those of lane a (acks off) —
 * readings stored per second and ingest's CPU per reading — with their ratios, over all rounds and round by round. The
 * absolute figures belong to the machine and the moment; the ratios, measured interleaved in one run, are what carries
 * over.
 */
final class AckCost {

    /**
     * A lane's totals over its rounds.
     *
     * @param stored           readings queryable in InfluxDB
     * @param seconds          from each round's first publish until everything was written, summed
     * @param ingestCpuSeconds ingest's CPU time over the same windows (NaN when its pid was not given)
     * @param duplicates       writes beyond the stored readings (resends), -1 when unknown
     */
    record Totals(long stored, double seconds, double ingestCpuSeconds, long lost, long duplicates, long failed) {

        static Totals of(List<LoadReport> runs) {
            long stored = 0;
            double seconds = 0;
            double cpu = 0;
            long lost = 0;
            long duplicates = 0;
            long failed = 0;
            for (LoadReport r : runs) {
                stored += r.stored();
                seconds += r.storedSeconds();
                cpu += r.ingests().stream().mapToDouble(LoadReport.Instance::cpuSeconds).sum();
                lost += r.lost();
                duplicates = duplicates < 0 || r.duplicates() < 0 ? -1 : duplicates + r.duplicates();
                failed += r.failed();
            }
            return new Totals(stored, seconds, runs.isEmpty() ? Double.NaN : cpu, lost, duplicates, failed);
        }

        double readingsPerSecond() {
            return seconds > 0 ? stored / seconds : Double.NaN;
        }

        double cpuMicrosPerReading() {
            return stored > 0 ? ingestCpuSeconds / stored * 1e6 : Double.NaN;
        }
    }

    private final int readingsPerMessage;
    private final String schedule;
    /** Round by round, each lane's runs in it. */
    private final List<Map<AckLane, List<LoadReport>>> rounds = new ArrayList<>();

    /** @param schedule the order of the lanes in a round, as the table names it, e.g. {@code a b a c} */
    AckCost(int readingsPerMessage, String schedule) {
        this.readingsPerMessage = readingsPerMessage;
        this.schedule = schedule;
    }

    int readingsPerMessage() {
        return readingsPerMessage;
    }

    /** A run of {@code lane} in round {@code round} (1, 2, …; rounds come in order). */
    void add(int round, AckLane lane, LoadReport run) {
        while (rounds.size() < round) {
            Map<AckLane, List<LoadReport>> next = new EnumMap<>(AckLane.class);
            for (AckLane l : AckLane.values()) {
                next.put(l, new ArrayList<>());
            }
            rounds.add(next);
        }
        rounds.get(round - 1).get(lane).add(run);
    }

    Totals totals(AckLane lane) {
        return Totals.of(runs(lane));
    }

    /** Every run of {@code lane}, round by round. */
    private List<LoadReport> runs(AckLane lane) {
        return rounds.stream().flatMap(r -> r.get(lane).stream()).toList();
    }

    /** The lane's readings stored per second over all rounds ÷ lane a's. */
    double throughputRatio(AckLane lane) {
        return ratio(totals(lane).readingsPerSecond(), totals(AckLane.ACKS_OFF).readingsPerSecond());
    }

    /** The lane's ingest CPU per reading over all rounds ÷ lane a's. */
    double cpuRatio(AckLane lane) {
        return ratio(totals(lane).cpuMicrosPerReading(), totals(AckLane.ACKS_OFF).cpuMicrosPerReading());
    }

    /** Round by round, the lane's readings stored per second ÷ lane a's in the same round: the spread tells the noise. */
    List<Double> throughputRatiosByRound(AckLane lane) {
        return byRound(lane, Totals::readingsPerSecond);
    }

    /** Round by round, the lane's ingest CPU per reading ÷ lane a's in the same round. */
    List<Double> cpuRatiosByRound(AckLane lane) {
        return byRound(lane, Totals::cpuMicrosPerReading);
    }

    /** Nothing lost and nothing failed to publish in any run. */
    boolean nothingLost() {
        return java.util.Arrays.stream(AckLane.values()).allMatch(lane -> totals(lane).lost() == 0 && totals(lane).failed() == 0);
    }

    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s, QoS 1: %d round%s of %s%n", shape(), rounds.size(),
                rounds.size() == 1 ? "" : "s", schedule));
        t.append(String.format(Locale.ROOT, "  %-40s %18s %6s %24s %6s   %s%n", "lane", "readings/s stored", "÷ a", "ingest CPU per reading",
                "÷ a", "lost / dup."));
        for (AckLane lane : AckLane.values()) {
            Totals total = totals(lane);
            t.append(String.format(Locale.ROOT, "  %-40s %,18.0f %6s %21s µs %6s   %d / %s%n", lane.label(), total.readingsPerSecond(),
                    format(throughputRatio(lane)), format(total.cpuMicrosPerReading()), format(cpuRatio(lane)), total.lost(),
                    total.duplicates() < 0 ? "unknown" : String.valueOf(total.duplicates())));
        }
        t.append("  by round, readings/s: ").append(roundRatios(this::throughputRatiosByRound)).append('\n');
        t.append("  by round, ingest CPU per reading: ").append(roundRatios(this::cpuRatiosByRound)).append('\n');
        return t.toString();
    }

    JsonObject json() {
        JsonObject lanes = new JsonObject();
        for (AckLane lane : AckLane.values()) {
            Totals total = totals(lane);
            JsonArray laneRuns = new JsonArray();
            runs(lane).forEach(r -> laneRuns.add(r.json()));
            lanes.put(lane.letter(), new JsonObject().put("lane", lane.label())
                    .put("stored", total.stored()).put("seconds", total.seconds())
                    .put("readingsPerSecond", finite(total.readingsPerSecond())).put("readingsPerSecondRatio", finite(throughputRatio(lane)))
                    .put("ingestCpuMicrosPerReading", finite(total.cpuMicrosPerReading())).put("ingestCpuRatio", finite(cpuRatio(lane)))
                    .put("readingsPerSecondRatioByRound", finiteArray(throughputRatiosByRound(lane)))
                    .put("readingsPerSecondRatioMedian", finite(median(throughputRatiosByRound(lane))))
                    .put("ingestCpuRatioByRound", finiteArray(cpuRatiosByRound(lane)))
                    .put("ingestCpuRatioMedian", finite(median(cpuRatiosByRound(lane))))
                    .put("lost", total.lost()).put("duplicates", total.duplicates()).put("failed", total.failed())
                    .put("runs", laneRuns));
        }
        return new JsonObject().put("readingsPerMessage", readingsPerMessage).put("qos", 1).put("schedule", schedule)
                .put("rounds", rounds.size()).put("lanes", lanes);
    }

    private String shape() {
        return readingsPerMessage == 1 ? "one reading per message" : readingsPerMessage + " readings per message";
    }

    private List<Double> byRound(AckLane lane, ToDoubleFunction<Totals> figure) {
        List<Double> ratios = new ArrayList<>();
        for (Map<AckLane, List<LoadReport>> round : rounds) {
            if (!round.get(lane).isEmpty() && !round.get(AckLane.ACKS_OFF).isEmpty()) {
                ratios.add(ratio(figure.applyAsDouble(Totals.of(round.get(lane))), figure.applyAsDouble(Totals.of(round.get(AckLane.ACKS_OFF)))));
            }
        }
        return ratios;
    }

    private static String roundRatios(java.util.function.Function<AckLane, List<Double>> ratios) {
        StringBuilder s = new StringBuilder();
        for (AckLane lane : List.of(AckLane.ACKS_ON, AckLane.END_TO_END)) {
            List<Double> byRound = ratios.apply(lane);
            s.append(s.length() == 0 ? "" : "; ").append(lane.letter()).append(" ÷ a ");
            s.append(String.join(", ", byRound.stream().map(AckCost::format).toList()));
            if (byRound.size() > 2) {
                s.append(" (median ").append(format(median(byRound))).append(')');
            }
        }
        return s.toString();
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN for none. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double ratio(double value, double baseline) {
        return baseline > 0 && Double.isFinite(value) ? value / baseline : Double.NaN;
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "—";
    }

    private static JsonArray finiteArray(List<Double> values) {
        JsonArray array = new JsonArray();
        values.forEach(v -> array.add(finite(v)));
        return array;
    }

    /** JSON has no NaN: unknown figures are written as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
