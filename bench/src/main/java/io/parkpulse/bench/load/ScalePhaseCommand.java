package io.parkpulse.bench.load;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadParkOptions;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One phase of the scale benchmark, against a running broker, InfluxDB and the ingest instances given: after a
 * warm-up that is not counted, the pipeline sustained as fast as the instances write (closed loop, 50 readings per message), then paced at a fixed rate for
 * latency; for each, readings/s stored, publish → queryable latency, each instance's share of the stream, heap and RSS,
 * and CPU seconds per 1000 readings of every process named. With {@code --compare-with} an earlier phase's figures
 * (one instance) are set beside these (two instances) with the ratio of each.
 */
@Command(name = "scale-phase", mixinStandardHelpOptions = true,
        description = "Measure the pipeline with the ingest instances given (sustained, then paced); compare with an earlier phase.")
public final class ScalePhaseCommand implements Callable<Integer> {

    private static final String INFLUXDB = "influxdb";

    @Mixin
    LoadParkOptions shape;

    @Mixin
    LoadCommands.PipelineEndpoints pipeline;

    @Option(names = "--ingest-metrics", required = true, description = "An ingest instance's /metrics URL; once per instance")
    List<URI> ingestMetrics;

    @Option(names = "--ingest-pid", description = "An ingest instance's process id (RSS, CPU time); once per instance, in the order of --ingest-metrics")
    List<Long> ingestPids = new ArrayList<>();

    @Option(names = "--process", description = "NAME=PID of another process whose CPU time to report, e.g. influxdb=1234, mosquitto=1233."
            + " Before each run the phase waits (60 s at most) until the one named influxdb uses under 5 %% of a core.")
    Map<String, Long> processes = new LinkedHashMap<>();

    @Option(names = "--warm-up", defaultValue = "PT15S", description = "Closed-loop load first, not counted, so every instance's JIT has"
            + " compiled its hot path (an instance that just started uses 2-3 times the CPU per reading). Default: ${DEFAULT-VALUE}")
    Duration warmUp;

    @Option(names = "--duration", defaultValue = "PT45S", description = "Length of the sustained run. Default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--paced-duration", defaultValue = "PT30S", description = "Length of the paced run. Default: ${DEFAULT-VALUE}")
    Duration pacedDuration;

    @Option(names = "--paced-rate", description = "Readings/s of the paced run. Default: the --compare-with phase's, else half the sustained rate")
    Double pacedRate;

    @Option(names = "--fresh-database", description = "Drop and create the database first, so every phase starts from an empty one")
    boolean freshDatabase;

    @Option(names = "--compare-with", description = "JSON an earlier phase wrote (--out): print both side by side with ratios")
    Path compareWith;

    @Option(names = "--label", description = "Name of this phase in reports. Default: \"<n> ingest\"")
    String label;

    @Option(names = "--out", required = true, description = "File to write this phase's figures to (JSON)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<IngestTarget> ingests;
        JsonObject earlier;
        try {
            ingests = IngestTarget.numbered(ingestMetrics, ingestPids);
            earlier = compareWith == null ? null : readPhase(compareWith);
            if (pacedRate != null && pacedRate <= 0) {
                throw new IllegalArgumentException("--paced-rate must be positive, got " + pacedRate);
            }
            for (String process : processes.keySet()) {
                if (process.startsWith("ingest") || process.equals(LoadRun.LOAD_GENERATOR)) {
                    throw new IllegalArgumentException("--process " + process + "=…: names starting with \"ingest\" and \""
                            + LoadRun.LOAD_GENERATOR + "\" are the instances' and this process's own; give it another name");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("scale phase: " + e.getMessage());
            return 2;
        }
        String name = label != null ? label : ingests.size() + " ingest";
        LoadPark park = shape.park();
        System.out.printf(Locale.ROOT, "%nScale phase \"%s\": %d ingest instance(s) on the shared subscription; %s, %d meters on %d gateways%n%n",
                name, ingests.size(), park.parkId(), park.meters(), park.gateways());
        LoadReport warm = new LoadRun(settings(name + ", warm-up", park, ingests, 0, warmUp)).run();
        System.out.printf(Locale.ROOT, "warm-up: %,d readings in %.0f s (%,.0f readings/s), not counted%n%n", warm.stored(), warm.storedSeconds(),
                warm.storedPerSecond());
        if (freshDatabase) {
            recreateDatabase();
        }

        settle();
        System.out.println("sustained: 50 readings per message, as fast as the instances write");
        LoadReport sustained = run(name + ", sustained", park, ingests, 0, duration);
        settle();
        double rate = pacedRate != null ? pacedRate
                : earlier != null ? earlier.getJsonObject("paced").getDouble("targetRate")
                : Math.max(1_000, Math.floor(sustained.storedPerSecond() / 2_000) * 1_000);
        System.out.printf(Locale.ROOT, "paced: %,.0f readings/s%s, for latency%n", rate, earlier != null ? " (the rate of the earlier phase)" : "");
        LoadReport paced = run(name + ", paced", park, ingests, rate, pacedDuration);

        JsonObject figures = new JsonObject().put("label", name).put("instances", ingests.size())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("sustained", sustained.json()).put("paced", paced.json());
        if (earlier != null) {
            ScaleComparison comparison = new ScaleComparison(earlier, figures, compareWith.toString());
            System.out.printf(Locale.ROOT, "%s against %s, measured one after the other on this machine (ratio = %s / %s)%n",
                    name, earlier.getString("label"), name, earlier.getString("label"));
            System.out.print(comparison.table());
            figures.put("comparison", comparison.json());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, figures.encodePrettily());
        System.out.println("\nfigures written to " + out);
        return List.of(sustained, paced).stream().allMatch(r -> r.lost() == 0 && r.failed() == 0) ? 0 : 3;
    }

    private LoadReport run(String runLabel, LoadPark park, List<IngestTarget> ingests, double rate, Duration length) throws Exception {
        LoadReport report = new LoadRun(settings(runLabel, park, ingests, rate, length)).run();
        System.out.println(report.table());
        return report;
    }

    /** 50 readings per message at QoS 1 from two publishing threads, a latency probe every 100 ms: as the bench runs. */
    private LoadRun.Settings settings(String runLabel, LoadPark park, List<IngestTarget> ingests, double rate, Duration length) {
        return new LoadRun.Settings(runLabel, pipeline.broker, System.getenv("PARKPULSE_MQTT_USERNAME"),
                System.getenv("PARKPULSE_MQTT_PASSWORD"), park, 50, 1, rate, length, 2, pipeline.influx, pipeline.database, ingests, processes, Duration.ofMillis(100));
    }

    private void settle() throws InterruptedException {
        InfluxSettling.await(processes.get(INFLUXDB));
    }

    private void recreateDatabase() throws Exception {
        Vertx vertx = Vertx.vertx();
        InfluxClient client = new InfluxClient(vertx, InfluxConfig.of(pipeline.influx.toString(), pipeline.database)
                .withCredentials(System.getenv("PARKPULSE_INFLUX_USERNAME"), System.getenv("PARKPULSE_INFLUX_PASSWORD")));
        try {
            client.execute("DROP DATABASE " + InfluxClient.quoteIdentifier(pipeline.database)).await(60, TimeUnit.SECONDS);
            client.createDatabase().await(60, TimeUnit.SECONDS);
            System.out.println("database " + pipeline.database + " dropped and created again: this phase starts from an empty one\n");
        } finally {
            client.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** An earlier phase's figures, checked enough that the comparison can name what is wrong. */
    static JsonObject readPhase(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--compare-with " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        JsonObject phase;
        try {
            phase = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("--compare-with " + file + ": not JSON (" + e.getMessage() + ")");
        }
        for (String run : List.of("sustained", "paced")) {
            Object r = phase.getValue(run);
            if (!(r instanceof JsonObject o) || !(o.getValue("targetRate") instanceof Number) || !(o.getValue("storedPerSecond") instanceof Number)) {
                throw new IllegalArgumentException("--compare-with " + file + ": no \"" + run
                        + "\" run with targetRate and storedPerSecond; is it the --out of a scale phase?");
            }
        }
        return phase;
    }
}
