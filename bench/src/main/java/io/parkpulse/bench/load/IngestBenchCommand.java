package io.parkpulse.bench.load;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadParkOptions;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The ingest benchmark, against a running broker, InfluxDB and ingest: (a) InfluxDB alone, (b) the
 * full pipeline sustained with batched messages and with one reading per QoS 1 message, and the
 * publish → queryable latency at half the sustained load. Prints every figure and (b)/(a), and
 * writes them as JSON.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Measure InfluxDB alone, then the full pipeline, in one run; print figures and ratios.")
public final class IngestBenchCommand implements Callable<Integer> {

    @Mixin
    LoadParkOptions shape;

    @Mixin
    LoadCommands.PipelineEndpoints pipeline;

    @Option(names = "--ingest-metrics", required = true, description = "Ingest's /metrics URL")
    URI ingestMetrics;

    @Option(names = "--ingest-pid", description = "Ingest's process id, for its resident memory")
    Long ingestPid;

    @Option(names = "--duration", defaultValue = "PT60S", description = "Length of each pipeline run. Default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--baseline-points", defaultValue = "3000000", description = "Points of the InfluxDB-alone run. Default: ${DEFAULT-VALUE}")
    long baselinePoints;

    @Option(names = "--out", required = true, description = "Directory for results.json")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        LoadPark park = shape.park();
        System.out.printf(Locale.ROOT, "%nParkPulse ingest benchmark: %s, %d meters on %d gateways%n%n", park.parkId(), park.meters(), park.gateways());

        System.out.println("(a) InfluxDB alone: the same points, written directly");
        InfluxBaseline.Report baseline = new InfluxBaseline(park, InfluxConfig.of(pipeline.influx.toString(), "baseline")
                .withCredentials(System.getenv("PARKPULSE_INFLUX_USERNAME"), System.getenv("PARKPULSE_INFLUX_PASSWORD")), 5000, 2).run(baselinePoints);
        System.out.println(baseline.table());

        List<LoadReport> runs = new ArrayList<>();
        System.out.println("(b) full pipeline, batched: 50 readings per message, as fast as ingest writes");
        LoadReport batched = run("batched, sustained", park, 50, 0);
        runs.add(batched);
        System.out.println("(b) full pipeline, one reading per QoS 1 message, as fast as ingest writes");
        runs.add(run("one reading per message, sustained", park, 1, 0));
        // paced, never 0 (which would mean "as fast as possible") even after a failed sustained run
        double half = Math.max(1_000, Math.floor(batched.storedPerSecond() / 2_000) * 1_000);
        System.out.printf(Locale.ROOT, "latency at half the sustained batched load (%,.0f readings/s)%n", half);
        runs.add(run("batched, half load", park, 50, half));

        System.out.println("Summary (this machine, this run)");
        System.out.printf(Locale.ROOT, "  %-40s %,12.0f points/s%n", "InfluxDB alone", baseline.pointsPerSecond());
        for (LoadReport r : runs) {
            System.out.printf(Locale.ROOT, "  %-40s %,12.0f readings/s  = %.2f of InfluxDB alone; lost %d; p99 %.0f ms%n", r.label(),
                    r.storedPerSecond(), r.storedPerSecond() / baseline.pointsPerSecond(), r.lost(), r.latencyPercentileMs(99));
        }
        JsonArray results = new JsonArray();
        runs.forEach(r -> results.add(r.json()));
        Files.writeString(out.resolve("results.json"), new JsonObject().put("baseline", baseline.json()).put("runs", results).encodePrettily());
        System.out.println("\nfigures written to " + out.resolve("results.json"));
        return runs.stream().allMatch(r -> r.lost() == 0 && r.failed() == 0) ? 0 : 3;
    }

    private LoadReport run(String label, LoadPark park, int readingsPerMessage, double rate) throws Exception {
        LoadReport report = new LoadRun(new LoadRun.Settings(label, pipeline.broker, System.getenv("PARKPULSE_MQTT_USERNAME"),
                System.getenv("PARKPULSE_MQTT_PASSWORD"), park, readingsPerMessage, 1, rate, duration, 2, pipeline.influx, pipeline.database,
                ingestMetrics,
                ingestPid, Duration.ofMillis(100))).run();
        System.out.println(report.table());
        Thread.sleep(5_000); // let InfluxDB settle (compactions) between runs
        return report;
    }
}
