package io.parkpulse.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two phases of the scale benchmark side by side — the same runs with one and with two ingest instances on the shared
 * subscription, measured one after the other on the same machine — and each figure's ratio, which is what carries over
 * to other machines. Works on the phases' JSON ({@link ScalePhaseCommand}), so a phase measured earlier can be read
 * back from its file.
 */
final class ScaleComparison {

    /** One line of the comparison; NaN where a figure is unknown. */
    record Row(String figure, String unit, double first, double second) {
        double ratio() {
            return first == 0 ? Double.NaN : second / first;
        }
    }

    private final JsonObject first;
    private final JsonObject second;
    private final String source;

    /**
     * @param first  the phase measured first (fewer instances)
     * @param second the phase measured second
     * @param source where {@code first} came from, for error messages
     */
    ScaleComparison(JsonObject first, JsonObject second, String source) {
        this.first = first;
        this.second = second;
        this.source = source;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("ingest instances", "", p -> (double) number(p, "instances", p)));
        for (String run : List.of("sustained", "paced")) {
            String name = run.equals("sustained") ? "sustained (closed loop)" : "paced at the same rate";
            if (run.equals("paced")) {
                rows.add(row(name + ": target", "readings/s", p -> number(run(p, run), "targetRate", p)));
            }
            rows.add(row(name + ": stored", "readings/s", p -> number(run(p, run), "storedPerSecond", p)));
            rows.add(row(name + ": p50 publish→queryable", "ms", p -> latency(p, run, "p50")));
            rows.add(row(name + ": p95 publish→queryable", "ms", p -> latency(p, run, "p95")));
            rows.add(row(name + ": lost + duplicated", "readings",
                    p -> number(run(p, run), "lost", p) + Math.max(0, number(run(p, run), "duplicates", p))));
        }
        JsonObject sustained1 = run(first, "sustained");
        for (String process : cpuNames(sustained1)) {
            rows.add(row("sustained: CPU of " + process, "s / 1000 readings", p -> cpuPer1000(p, process)));
        }
        rows.add(row("sustained: CPU of every ingest instance", "s / 1000 readings", this::ingestCpuPer1000));
        rows.add(row("sustained: ingest heap peak (largest instance)", "MiB", p -> number(run(p, "sustained"), "ingestHeapPeakMb", p)));
        rows.add(row("sustained: ingest live heap after GC (largest)", "MiB", p -> number(run(p, "sustained"), "ingestLiveHeapMb", p)));
        rows.add(row("sustained: ingest RSS peak (largest instance)", "MiB", p -> number(run(p, "sustained"), "ingestRssPeakMb", p)));
        rows.add(row("sustained: ingest RSS peaks, all instances", "MiB", p -> sumOverInstances(p, "rssPeakMb")));
        return rows;
    }

    /** The second phase's split of the stream among its instances, per run, e.g. {@code sustained: ingest-1 50.1 %, ingest-2 49.9 %}. */
    List<String> shares() {
        List<String> lines = new ArrayList<>();
        for (String run : List.of("sustained", "paced")) {
            JsonArray ingests = run(second, run).getJsonArray("ingests", new JsonArray());
            StringBuilder line = new StringBuilder(run + ":");
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i = 0; i < ingests.size(); i++) {
                JsonObject in = ingests.getJsonObject(i);
                Double share = in.getDouble("share");
                line.append(i == 0 ? " " : ", ").append(in.getString("name")).append(' ')
                        .append(share == null ? "unknown" : String.format(Locale.ROOT, "%.1f %% (%,d points)", share * 100, in.getLong("points")));
                if (share != null) {
                    min = Math.min(min, share);
                    max = Math.max(max, share);
                }
            }
            if (ingests.size() > 1 && max > 0) {
                line.append(String.format(Locale.ROOT, "; largest / smallest share = %.3f", max / min));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "  %-52s %-18s %14s %14s %10s%n", "figure", "unit",
                first.getString("label", "first"), second.getString("label", "second"), "ratio"));
        for (Row r : rows()) {
            t.append(String.format(Locale.ROOT, "  %-52s %-18s %14s %14s %10s%n", r.figure(), r.unit(), format(r.first()),
                    format(r.second()), Double.isNaN(r.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f", r.ratio())));
        }
        t.append("  share of the stream with ").append((long) number(second, "instances", second))
                .append(" instances (ingest's own write counters):\n");
        shares().forEach(s -> t.append("    ").append(s).append('\n'));
        return t.toString();
    }

    JsonObject json() {
        JsonArray rows = new JsonArray();
        for (Row r : rows()) {
            rows.add(new JsonObject().put("figure", r.figure()).put("unit", r.unit()).put("first", finite(r.first()))
                    .put("second", finite(r.second())).put("ratio", finite(r.ratio())));
        }
        return new JsonObject().put("rows", rows).put("shares", new JsonArray(new ArrayList<>(shares())));
    }

    private Row row(String figure, String unit, Function<JsonObject, Double> value) {
        return new Row(figure, unit, value.apply(first), value.apply(second));
    }

    private List<String> cpuNames(JsonObject run) {
        List<String> names = new ArrayList<>();
        JsonObject cpu = run.getJsonObject("cpuSecondsPer1000Readings", new JsonObject());
        for (String name : cpu.fieldNames()) {
            if (!name.startsWith("ingest")) {
                names.add(name);
            }
        }
        return names;
    }

    private double cpuPer1000(JsonObject phase, String process) {
        Double v = run(phase, "sustained").getJsonObject("cpuSecondsPer1000Readings", new JsonObject()).getDouble(process);
        return v == null ? Double.NaN : v;
    }

    /** CPU of all ingest instances together per 1000 readings: the sum over instances, however many there are. */
    private double ingestCpuPer1000(JsonObject phase) {
        JsonObject run = run(phase, "sustained");
        double seconds = sumOverInstances(phase, "cpuSeconds");
        double stored = number(run, "stored", phase);
        return stored > 0 ? seconds / stored * 1000 : Double.NaN;
    }

    private double sumOverInstances(JsonObject phase, String key) {
        JsonArray ingests = run(phase, "sustained").getJsonArray("ingests", new JsonArray());
        if (ingests.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < ingests.size(); i++) {
            Double v = ingests.getJsonObject(i).getDouble(key);
            if (v == null || v < 0) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum;
    }

    private double latency(JsonObject phase, String run, String percentile) {
        JsonObject latency = run(phase, run).getJsonObject("latencyMs");
        Double v = latency == null ? null : latency.getDouble(percentile);
        return v == null ? Double.NaN : v;
    }

    private JsonObject run(JsonObject phase, String run) {
        JsonObject r = phase.getJsonObject(run);
        if (r == null) {
            throw new IllegalArgumentException(where(phase) + ": no \"" + run + "\" run in the phase's figures");
        }
        return r;
    }

    private double number(JsonObject object, String key, JsonObject phase) {
        Object v = object.getValue(key);
        if (v == null) {
            return Double.NaN;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(where(phase) + ": \"" + key + "\" must be a number, found " + v);
        }
        return n.doubleValue();
    }

    private String where(JsonObject phase) {
        return phase == first ? source : "the phase just measured";
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "unknown";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.1f" : "%.4f", v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
