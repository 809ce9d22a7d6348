package io.parkpulse.bench.peers;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The goals of issue 18 checked against a report: each met, missed, or not measured (a lane, shape or phase left out
 * of the run), with the figures it was decided on.
 */
public final class PeerGoals {

    /** ParkPulse's heap limit: ingest runs with -Xmx256m, so a run that completed stayed within it. */
    static final int INGEST_HEAP_MB = 256;

    public enum Verdict {
        MET("met"), MISSED("missed"), NOT_MEASURED("not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One goal and how the run fared. */
    public record Check(String goal, Verdict verdict, String figures) {

        public String line() {
            return String.format(Locale.ROOT, "  %-12s %s%s", verdict.text(), goal, figures.isEmpty() ? "" : ": " + figures);
        }

        public JsonObject json() {
            return new JsonObject().put("goal", goal).put("verdict", verdict.text()).put("figures", figures);
        }
    }

    private PeerGoals() {
    }

    public static List<Check> check(PeerReport report) {
        List<Check> checks = new ArrayList<>();
        for (Shape shape : report.shapes(Phase.WARM)) {
            double factor = shape.singleReading() ? 1.3 : 2;
            checks.add(atLeast(report, Phase.WARM, shape, Lane.NODE_RED, factor));
            checks.add(shape.singleReading() ? atLeast(report, Phase.WARM, shape, Lane.BROKER, 0.8)
                    : atLeast(report, Phase.WARM, shape, Lane.INFLUX, 0.6));
            checks.add(cpuHalf(report, shape));
        }
        for (Shape shape : report.shapes(Phase.COLD)) {
            checks.add(atLeast(report, Phase.COLD, shape, Lane.NODE_RED, 1));
        }
        checks.add(nothingLost(report));
        checks.add(heap(report));
        return checks;
    }

    /** ParkPulse ≥ {@code factor} × {@code other} (median of the rounds' ratios). */
    static Check atLeast(PeerReport report, Phase phase, Shape shape, Lane other, double factor) {
        String goal = String.format(Locale.ROOT, "%s %s: ParkPulse ≥ %s × %s", phase.label(), shape, trim(factor), other.label());
        OptionalDouble ratio = report.ratio(phase, shape, Lane.PARKPULSE, other);
        if (ratio.isEmpty()) {
            return new Check(goal, Verdict.NOT_MEASURED, "");
        }
        List<Double> rounds = report.ratios(phase, shape, Lane.PARKPULSE, other);
        String spread = rounds.size() < 2 ? "" : String.format(Locale.ROOT, "rounds %.2f–%.2f; ",
                rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), rounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        String figures = String.format(Locale.ROOT, "%.2f× (%smedians %s vs %s readings/s)", ratio.getAsDouble(), spread,
                PeerReport.rate(report.readingsPerSecond(phase, shape, Lane.PARKPULSE)), PeerReport.rate(report.readingsPerSecond(phase, shape, other)));
        return new Check(goal, ratio.getAsDouble() >= factor ? Verdict.MET : Verdict.MISSED, figures);
    }

    /** Ingest's CPU per reading at most half Node-RED's. */
    static Check cpuHalf(PeerReport report, Shape shape) {
        String goal = "warm " + shape + ": ingest CPU µs/reading ≤ ½ Node-RED's";
        OptionalDouble ingest = report.cpuMicrosPerReading(Phase.WARM, shape, Lane.PARKPULSE, ProcessNames.INGEST);
        OptionalDouble nodeRed = report.cpuMicrosPerReading(Phase.WARM, shape, Lane.NODE_RED, ProcessNames.NODE_RED);
        if (ingest.isEmpty() || nodeRed.isEmpty()) {
            return new Check(goal, Verdict.NOT_MEASURED, "");
        }
        String figures = String.format(Locale.ROOT, "%.1f vs %.1f µs (%.2f of it)", ingest.getAsDouble(), nodeRed.getAsDouble(),
                ingest.getAsDouble() / nodeRed.getAsDouble());
        return new Check(goal, ingest.getAsDouble() <= nodeRed.getAsDouble() / 2 ? Verdict.MET : Verdict.MISSED, figures);
    }

    /** Every ParkPulse run stored each published reading exactly once. */
    static Check nothingLost(PeerReport report) {
        String goal = "ParkPulse: nothing lost, nothing stored twice";
        List<PeerRun> ours = report.runs().stream().filter(r -> r.plan().lane() == Lane.PARKPULSE).toList();
        if (ours.isEmpty()) {
            return new Check(goal, Verdict.NOT_MEASURED, "");
        }
        long published = ours.stream().mapToLong(PeerRun::published).sum();
        long lost = ours.stream().mapToLong(PeerRun::lost).sum();
        long twice = ours.stream().mapToLong(PeerRun::storedTwice).sum();
        return new Check(goal, lost == 0 && twice == 0 ? Verdict.MET : Verdict.MISSED,
                String.format(Locale.ROOT, "%,d published, %,d lost, %,d stored twice in %d runs", published, lost, twice, ours.size()));
    }

    /** Ingest ran every measured run to the end within its -Xmx256m heap. */
    static Check heap(PeerReport report) {
        String goal = "ParkPulse: ingest heap ≤ " + INGEST_HEAP_MB + " MB";
        List<PeerRun> ours = report.runs().stream().filter(r -> r.plan().lane() == Lane.PARKPULSE).toList();
        if (ours.isEmpty()) {
            return new Check(goal, Verdict.NOT_MEASURED, "");
        }
        long failed = ours.stream().filter(r -> r.problem() != null).count();
        double rss = ours.stream().mapToDouble(PeerRun::peakRssMb).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        return new Check(goal, failed == 0 ? Verdict.MET : Verdict.MISSED, String.format(Locale.ROOT,
                "-Xmx%dm, %d of %d runs with a problem; peak resident memory %.0f MB (heap, metaspace, threads, buffers)",
                INGEST_HEAP_MB, failed, ours.size(), rss));
    }

    private static String trim(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }
}
