package io.parkpulse.bench.peers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one benchmark, summed up: per phase and shape the median readings per second of each lane, ParkPulse's
 * ratio to each other lane, and the median CPU microseconds per reading of every process watched.
 *
 * <p>A ratio is the median of the rounds' own ratios: the two runs of a round are minutes apart at most, so a slow spell
 * of the shared machine weighs on both, where a ratio of medians could pair a good minute with a bad one.
 */
public final class PeerReport {

    private static final String NONE = "—";

    private final List<PeerRun> runs;

    public PeerReport(List<PeerRun> runs) {
        this.runs = List.copyOf(runs);
    }

    public List<PeerRun> runs() {
        return runs;
    }

    /** The median of some values; empty for none. */
    static OptionalDouble median(List<Double> values) {
        double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    private List<PeerRun> of(Phase phase, Shape shape, Lane lane) {
        return runs.stream().filter(r -> r.plan().phase() == phase && r.plan().shape().equals(shape) && r.plan().lane() == lane).toList();
    }

    private OptionalDouble medianOf(Phase phase, Shape shape, Lane lane, ToDoubleFunction<PeerRun> figure) {
        return median(of(phase, shape, lane).stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    /** Median readings stored (received) per second. */
    public OptionalDouble readingsPerSecond(Phase phase, Shape shape, Lane lane) {
        return medianOf(phase, shape, lane, PeerRun::readingsPerSecond);
    }

    /** Median CPU microseconds per reading of one process in the runs of a lane. */
    public OptionalDouble cpuMicrosPerReading(Phase phase, Shape shape, Lane lane, String process) {
        return medianOf(phase, shape, lane, r -> r.cpuMicrosPerReading(process));
    }

    /** Median over rounds of {@code lane}'s readings per second over {@code other}'s in the same round. */
    public OptionalDouble ratio(Phase phase, Shape shape, Lane lane, Lane other) {
        return median(ratios(phase, shape, lane, other));
    }

    /** Per round with both runs measured: {@code lane}'s readings per second over {@code other}'s, in round order. */
    public List<Double> ratios(Phase phase, Shape shape, Lane lane, Lane other) {
        List<Double> ratios = new ArrayList<>();
        for (PeerRun run : of(phase, shape, lane)) {
            of(phase, shape, other).stream().filter(o -> o.plan().round() == run.plan().round() && o.readingsPerSecond() > 0)
                    .findFirst().ifPresent(o -> ratios.add(run.readingsPerSecond() / o.readingsPerSecond()));
        }
        return ratios.stream().filter(r -> !Double.isNaN(r)).toList();
    }

    /** Readings lost, summed over the rounds of a lane in a phase. */
    public long lost(Phase phase, Lane lane) {
        return runs.stream().filter(r -> r.plan().phase() == phase && r.plan().lane() == lane).mapToLong(PeerRun::lost).sum();
    }

    /** Readings stored twice, summed over the rounds of a lane in a phase. */
    public long storedTwice(Phase phase, Lane lane) {
        return runs.stream().filter(r -> r.plan().phase() == phase && r.plan().lane() == lane).mapToLong(PeerRun::storedTwice).sum();
    }

    public List<Phase> phases() {
        return runs.stream().map(r -> r.plan().phase()).distinct().sorted().toList();
    }

    public List<Shape> shapes(Phase phase) {
        Set<Shape> shapes = new LinkedHashSet<>();
        runs.stream().filter(r -> r.plan().phase() == phase).forEach(r -> shapes.add(r.plan().shape()));
        return List.copyOf(shapes);
    }

    private List<Lane> lanes(Phase phase) {
        return Arrays.stream(Lane.values()).filter(l -> runs.stream().anyMatch(r -> r.plan().phase() == phase && r.plan().lane() == l))
                .toList();
    }

    private int rounds(Phase phase) {
        return runs.stream().filter(r -> r.plan().phase() == phase).mapToInt(r -> r.plan().round()).max().orElse(0);
    }

    /**
     * The phase's tables: readings per second of each lane with ParkPulse's ratios, then CPU microseconds per reading of
     * every process in each lane, then what was lost or stored twice.
     */
    public String table(Phase phase, String heading) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append(String.format(Locale.ROOT, "; medians of %d round(s)%n", rounds(phase)));
        out.append(String.format(Locale.ROOT, "  %-9s %13s %13s %15s %13s %11s %13s %13s%n", "shape", "ParkPulse r/s", "Node-RED r/s",
                "InfluxDB alone", "broker alone", "PP÷Node-RED", "PP÷InfluxDB", "PP÷broker"));
        for (Shape shape : shapes(phase)) {
            out.append(String.format(Locale.ROOT, "  %-9s %13s %13s %15s %13s %11s %13s %13s%n", shape,
                    rate(readingsPerSecond(phase, shape, Lane.PARKPULSE)), rate(readingsPerSecond(phase, shape, Lane.NODE_RED)),
                    rate(readingsPerSecond(phase, shape, Lane.INFLUX)), rate(readingsPerSecond(phase, shape, Lane.BROKER)),
                    times(ratio(phase, shape, Lane.PARKPULSE, Lane.NODE_RED)), times(ratio(phase, shape, Lane.PARKPULSE, Lane.INFLUX)),
                    times(ratio(phase, shape, Lane.PARKPULSE, Lane.BROKER))));
        }
        List<String> processes = List.of(ProcessNames.INGEST, ProcessNames.NODE_RED, ProcessNames.MOSQUITTO_SUB, ProcessNames.MOSQUITTO,
                ProcessNames.INFLUXD, ProcessNames.BENCH);
        out.append(String.format(Locale.ROOT, "  CPU µs per reading (bench: the publisher and InfluxDB polls, or the InfluxDB-alone writer)%n"));
        out.append(String.format(Locale.ROOT, "  %-9s %-15s %8s %8s %13s %9s %8s %8s %8s %10s%n", "shape", "lane", ProcessNames.INGEST,
                ProcessNames.NODE_RED, ProcessNames.MOSQUITTO_SUB, ProcessNames.MOSQUITTO, ProcessNames.INFLUXD, ProcessNames.BENCH, "total",
                "peak RSS"));
        for (Shape shape : shapes(phase)) {
            for (Lane lane : lanes(phase)) {
                if (of(phase, shape, lane).isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                double total = 0;
                for (String process : processes) {
                    OptionalDouble cpu = cpuMicrosPerReading(phase, shape, lane, process);
                    cells.add(micros(cpu));
                    total += cpu.orElse(0);
                }
                OptionalDouble rss = medianOf(phase, shape, lane, PeerRun::peakRssMb);
                out.append(String.format(Locale.ROOT, "  %-9s %-15s %8s %8s %13s %9s %8s %8s %8.1f %10s%n", shape, lane.label(),
                        cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), total,
                        rss.isPresent() ? String.format(Locale.ROOT, "%.0f MB", rss.getAsDouble()) : NONE));
            }
        }
        out.append("  lost / stored twice, all rounds:");
        for (Lane lane : lanes(phase)) {
            out.append(String.format(Locale.ROOT, "  %s %,d / %,d", lane.label(), lost(phase, lane), storedTwice(phase, lane)));
        }
        out.append(System.lineSeparator());
        runs.stream().filter(r -> r.plan().phase() == phase && r.problem() != null)
                .forEach(r -> out.append("  problem in ").append(r.plan().name()).append(": ").append(r.problem()).append(System.lineSeparator()));
        return out.toString();
    }

    static String rate(OptionalDouble perSecond) {
        return perSecond.isPresent() ? String.format(Locale.ROOT, "%,.0f", perSecond.getAsDouble()) : NONE;
    }

    static String times(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio.getAsDouble()) : NONE;
    }

    static String micros(OptionalDouble micros) {
        return micros.isPresent() ? String.format(Locale.ROOT, "%.1f", micros.getAsDouble()) : NONE;
    }

    /** Every run, and per phase and shape the medians and ratios of the tables. */
    public JsonObject json() {
        JsonArray all = new JsonArray();
        runs.forEach(r -> all.add(r.json()));
        JsonObject summary = new JsonObject();
        for (Phase phase : phases()) {
            JsonObject ofPhase = new JsonObject();
            for (Shape shape : shapes(phase)) {
                JsonObject ofShape = new JsonObject();
                for (Lane lane : lanes(phase)) {
                    if (of(phase, shape, lane).isEmpty()) {
                        continue;
                    }
                    JsonObject cpu = new JsonObject();
                    of(phase, shape, lane).get(0).cpuSeconds().keySet().forEach(p ->
                            cpuMicrosPerReading(phase, shape, lane, p).ifPresent(v -> cpu.put(p, v)));
                    JsonObject ofLane = new JsonObject().put("readingsPerSecond", readingsPerSecond(phase, shape, lane).orElse(0))
                            .put("cpuMicrosPerReading", cpu);
                    if (lane != Lane.PARKPULSE) {
                        ratio(phase, shape, Lane.PARKPULSE, lane).ifPresent(v -> ofLane.put("parkPulseRatio", v));
                    }
                    ofShape.put(lane.option(), ofLane);
                }
                ofPhase.put(shape.toString(), ofShape);
            }
            summary.put(phase.label(), ofPhase);
        }
        return new JsonObject().put("summary", summary).put("runs", all);
    }
}
