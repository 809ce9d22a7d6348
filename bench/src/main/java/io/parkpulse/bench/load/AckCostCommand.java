package io.parkpulse.bench.load;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadParkOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What end-to-end acks cost ingest (issue 17), against two running ingest instances that differ only in
 * {@code PARKPULSE_END_TO_END_ACKS}, each on a broker of its own (an ingest takes every park's telemetry on its broker),
 * both writing to one InfluxDB. In one run, lanes interleaved round after round so noise hits them alike
 * ({@link AckLane}): (a) acks off, (b) acks on with a publisher trusting the PUBACK, (c) acks on with a publisher
 * waiting for them; for 50 readings and one reading per QoS 1 message, each run publishing as fast as ingest writes,
 * each shape after a warm-up round. Prints readings/s stored and ingest CPU per reading of each lane with its ratio to
 * (a) ({@link AckCost}), and writes them as JSON. With {@code --calibration} both ingests publish acks: the noise floor.
 */
@Command(name = "ingest-acks", mixinStandardHelpOptions = true,
        description = "Ingest with end-to-end acks off, on, and waited for by the publisher, interleaved in one run: readings/s "
                + "stored and ingest CPU per reading, with their ratios to acks off.")
public final class AckCostCommand implements Callable<Integer> {

    /** The shapes of the ingest benchmark, both at QoS 1. */
    private static final List<Integer> READINGS_PER_MESSAGE = List.of(50, 1);
    /**
     * One round. Lane a runs twice so that the two ingests take turns and carry the same load, and b and c each have a
     * baseline run beside them: with a b c, the acks-off instance, loaded a third of the time, used up to 1.4 × the
     * other's CPU per reading in a calibration run (acks on in both).
     */
    private static final List<AckLane> ROUND = List.of(AckLane.ACKS_OFF, AckLane.ACKS_ON, AckLane.ACKS_OFF, AckLane.END_TO_END);
    private static final String SCHEDULE = String.join(" ", ROUND.stream().map(AckLane::letter).toList());
    private static final HttpClient HTTP = IngestMetrics.httpClient();

    @Mixin
    LoadParkOptions shape;

    @Mixin
    LoadCommands.PipelineEndpoints pipeline;

    @Option(names = "--ingest-metrics", required = true,
            description = "/metrics URL of the ingest that publishes acks (PARKPULSE_END_TO_END_ACKS=on, the default), on --broker")
    URI ingestMetrics;

    @Option(names = "--ingest-pid", description = "Its process id, for its CPU time")
    Long ingestPid;

    @Option(names = "--acks-off-broker", required = true, description = "Broker of the ingest with PARKPULSE_END_TO_END_ACKS=off")
    String acksOffBroker;

    @Option(names = "--acks-off-ingest-metrics", required = true, description = "/metrics URL of the ingest with acks off")
    URI acksOffIngestMetrics;

    @Option(names = "--acks-off-ingest-pid", description = "Its process id, for its CPU time")
    Long acksOffIngestPid;

    @Option(names = "--calibration", description = "The ingest given as acks-off publishes acks too (an A/A run): lane a then differs "
            + "from b only by the instance and the moment, so b ÷ a is the noise floor that the real run's ratios must exceed")
    boolean calibration;

    @Option(names = "--influx-pid", description = "InfluxDB's process id: before each run, wait (60 s at most) until it uses under 5 %% "
            + "of a core, so runs start alike; without it, 5 s")
    Long influxPid;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of a b a c for each shape. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--duration", defaultValue = "PT10S", description = "How long each run publishes. Default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--warm-up", defaultValue = "PT5S", description = "Length of the runs of the round before each shape, not counted, "
            + "so both ingests and this publisher have compiled the shape's hot paths; it also checks which ingest publishes acks. "
            + "Default: ${DEFAULT-VALUE}")
    Duration warmUp;

    @Option(names = "--out", required = true, description = "Directory for acks.json")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            System.err.println("ingest-acks: --rounds must be at least 1, got " + rounds);
            return 2;
        }
        Files.createDirectories(out);
        LoadPark park = shape.park();
        System.out.printf(Locale.ROOT, "%nParkPulse end-to-end acks: what they cost ingest. %s, %d meters on %d gateways; lanes%n", park.parkId(),
                park.meters(), park.gateways());
        for (AckLane lane : AckLane.values()) {
            System.out.println("  " + lane.label());
        }
        if (calibration) {
            System.out.println("CALIBRATION: the ingest of lane a publishes acks too; the ratios show the noise floor, not what acks cost");
        }
        List<AckCost> costs = new ArrayList<>();
        for (int readingsPerMessage : READINGS_PER_MESSAGE) {
            AckCost cost = new AckCost(readingsPerMessage, SCHEDULE);
            System.out.printf(Locale.ROOT, "%n%d reading(s) per message, QoS 1, %d s per run, as fast as ingest writes, rounds of %s; "
                    + "first a round of %d s runs not counted%n", readingsPerMessage, duration.toSeconds(), SCHEDULE, warmUp.toSeconds());
            String wrongIngest = warmUp(park, readingsPerMessage);
            if (wrongIngest != null) {
                System.err.println("ingest-acks: " + wrongIngest);
                return 2;
            }
            for (int round = 1; round <= rounds; round++) {
                for (AckLane lane : ROUND) {
                    InfluxSettling.await(influxPid);
                    LoadReport report = run(lane, park, readingsPerMessage, duration, "round " + round);
                    cost.add(round, lane, report);
                    System.out.println(runLine(round, lane, report));
                }
            }
            costs.add(cost);
        }

        System.out.println("\nEnd-to-end acks: each lane over its rounds, and its ratio to (a). The ratios are the claim: the absolute figures"
                + " are this machine's, at this moment.\n");
        JsonArray shapes = new JsonArray();
        for (AckCost cost : costs) {
            System.out.println(cost.table());
            shapes.add(cost.json());
        }
        Path json = out.resolve("acks.json");
        Files.writeString(json, new JsonObject().put("calibration", calibration).put("rounds", rounds).put("runSeconds", duration.toSeconds()).put("park", park.parkId())
                .put("meters", park.meters()).put("gateways", park.gateways()).put("shapes", shapes).encodePrettily());
        System.out.println("figures written to " + json);
        return costs.stream().allMatch(AckCost::nothingLost) ? 0 : 3;
    }

    /**
     * Runs a round in the shape about to be measured, not counted: otherwise lane a, first in the round, would pay for
     * the JIT compiling a shape's paths in both ingests and in this publisher. Checks on the way that the ingest given
     * as acks-off published no ack and the other did (else lane c would wait for acks that never come).
     *
     * @return what is wrong with the two ingests given, or null
     */
    private String warmUp(LoadPark park, int readingsPerMessage) throws Exception {
        for (AckLane lane : ROUND) {
            URI metrics = lane.ingestAcks() ? ingestMetrics : acksOffIngestMetrics;
            double acksBefore = acksPublished(metrics);
            LoadReport report = run(lane, park, readingsPerMessage, warmUp, "warm-up");
            System.out.println(runLine(0, lane, report));
            double acks = acksPublished(metrics) - acksBefore;
            if (!lane.ingestAcks() && acks > 0 && !calibration) {
                return "the ingest at --acks-off-ingest-metrics " + metrics + " published " + (long) acks
                        + " end-to-end acks: start it with PARKPULSE_END_TO_END_ACKS=off";
            }
            if (lane == AckLane.ACKS_ON && acks == 0) {
                return "the ingest at --ingest-metrics " + metrics + " published no end-to-end acks: is PARKPULSE_END_TO_END_ACKS=off set for it?";
            }
        }
        return null;
    }

    private LoadReport run(AckLane lane, LoadPark park, int readingsPerMessage, Duration length, String round) throws Exception {
        IngestTarget ingest = lane.ingestAcks() ? new IngestTarget("ingest, acks on", ingestMetrics, ingestPid)
                : new IngestTarget("ingest, acks off", acksOffIngestMetrics, acksOffIngestPid);
        String label = lane.label() + ", " + readingsPerMessage + " per message, " + round;
        // QoS 1 from two publishing threads, a latency probe every 100 ms, closed loop: as the ingest benchmark runs
        return new LoadRun(new LoadRun.Settings(label, lane.ingestAcks() ? pipeline.broker : acksOffBroker, System.getenv("PARKPULSE_MQTT_USERNAME"),
                System.getenv("PARKPULSE_MQTT_PASSWORD"), park, readingsPerMessage, 1, 0, length, 2, pipeline.influx, pipeline.database,
                List.of(ingest), Map.of(), Duration.ofMillis(100)).withAcks(lane.publisherAcks()).withUniqueSeqs()).run();
    }

    private static String runLine(int round, AckLane lane, LoadReport report) {
        AckCost.Totals figures = AckCost.Totals.of(List.of(report));
        return String.format(Locale.ROOT, "  %-8s %-40s %,10d readings in %5.1f s = %,9.0f readings/s, ingest CPU %5.2f µs/reading, lost %d%s",
                round == 0 ? "warm-up" : "round " + round, lane.label(), figures.stored(), figures.seconds(), figures.readingsPerSecond(),
                figures.cpuMicrosPerReading(), figures.lost(), figures.failed() > 0 ? ", failed " + figures.failed() : "");
    }

    private static double acksPublished(URI metrics) throws IOException, InterruptedException {
        return IngestMetrics.fetch(HTTP, metrics).acksPublished();
    }
}
