package io.parkpulse.bench.peers;

import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.load.LoadPark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code peers} (issue 18): ParkPulse against the tool users would pick instead — Node-RED with
 * node-red-contrib-influxdb — and against the broker alone and InfluxDB alone, on the same messages, broker and
 * InfluxDB, in interleaved rounds, cold and warm; prints the medians, ratios, CPU per reading of every process and the
 * issue's goals. The launcher's {@code ./parkpulse bench peers} starts Mosquitto and InfluxDB, installs Node-RED into
 * scratch and calls this.
 */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = "ParkPulse vs Node-RED, InfluxDB alone and the broker alone on the same messages, cold and warm, in one run.")
public final class PeersCommand implements Callable<Integer> {

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1885", description = "Mosquitto's URL (anonymous). Default: ${DEFAULT-VALUE}")
    String broker;

    @Option(names = "--broker-log", required = true,
            description = "Mosquitto's log, written with `log_type subscribe`: subscribers are ready once it shows their subscription")
    Path brokerLog;

    @Option(names = "--influx", defaultValue = "http://127.0.0.1:8090", description = "InfluxDB 1.x URL. Default: ${DEFAULT-VALUE}")
    URI influx;

    @Option(names = "--database", defaultValue = "peers", description = "Database, dropped and created before each run. Default: ${DEFAULT-VALUE}")
    String database;

    @Option(names = "--mosquitto-pid", description = "Mosquitto's process id, for its CPU time")
    Long mosquittoPid;

    @Option(names = "--influxd-pid", description = "InfluxDB's process id, for its CPU time and to wait until it is quiet between runs")
    Long influxdPid;

    @Option(names = "--ingest-jar", defaultValue = "ingest/target/parkpulse-ingest.jar", description = "Default: ${DEFAULT-VALUE}")
    Path ingestJar;

    @Option(names = "--ingest-jvm-options", defaultValue = "ingest/jvm.options",
            description = "The JVM flags ingest ships with, given to it as an @argfile; the heap is then fixed to the goal's. Default: ${DEFAULT-VALUE}")
    Path ingestJvmOptions;

    @Option(names = "--ingest-port", defaultValue = "8092", description = "Ingest's /health port. Default: ${DEFAULT-VALUE}")
    int ingestPort;

    @Option(names = "--node-red-home", defaultValue = ".run/bench/node-red",
            description = "npm prefix holding node-red and node-red-contrib-influxdb. Default: ${DEFAULT-VALUE}")
    Path nodeRedHome;

    @Option(names = "--node-red-flow", defaultValue = "bench/node-red", description = "Directory of flow.json and settings.js. Default: ${DEFAULT-VALUE}")
    Path nodeRedFlow;

    @Option(names = "--node", defaultValue = "node", description = "Node.js binary. Default: ${DEFAULT-VALUE}")
    String node;

    @Option(names = "--mosquitto-sub", defaultValue = "mosquitto_sub", description = "Default: ${DEFAULT-VALUE}")
    String mosquittoSub;

    @Option(names = "--meters", defaultValue = "2000", description = "Meters of the load park. Default: ${DEFAULT-VALUE}")
    int meters;

    @Option(names = "--gateways", defaultValue = "20", description = "Gateways (publisher connections); meters are spread evenly. Default: ${DEFAULT-VALUE}")
    int gateways;

    @Option(names = "--readings", description = "Readings measured per run. Default: 200000 (--quick: 20000)")
    Long readings;

    @Option(names = "--warm-up", description = "Readings a warm run stores first. Default: 1000000 (--quick: 40000)")
    Long warmUp;

    @Option(names = "--cold-rounds", description = "Default: 5 (--quick: 1)")
    Integer coldRounds;

    @Option(names = "--warm-rounds", description = "Default: 3 (--quick: 1)")
    Integer warmRounds;

    @Option(names = "--shapes", split = ",", converter = ShapeConverter.class, defaultValue = "qos1-1,qos1-50,qos0-1",
            description = "QoS and readings per message. Default: ${DEFAULT-VALUE}")
    List<Shape> shapes;

    @Option(names = "--lanes", split = ",", converter = LaneConverter.class, defaultValue = "broker,influx,parkpulse,node-red",
            description = "Default: ${DEFAULT-VALUE}")
    List<Lane> lanes;

    @Option(names = "--phases", split = ",", defaultValue = "cold,warm", description = "Default: ${DEFAULT-VALUE}")
    List<Phase> phases;

    @Option(names = "--quick", description = "A smoke run of a few minutes: 20,000 readings per run, 40,000 warm-up, one round each")
    boolean quick;

    @Option(names = "--threads", defaultValue = "2", description = "Publishing threads. Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--work", defaultValue = ".run/bench/peers", description = "Scratch: park file, logs, Node-RED user dirs. Default: ${DEFAULT-VALUE}")
    Path work;

    @Option(names = "--out", description = "Directory for peers.json. Default: the --work directory")
    Path out;

    static final class ShapeConverter implements ITypeConverter<Shape> {
        @Override
        public Shape convert(String value) {
            return Shape.parse(value);
        }
    }

    static final class LaneConverter implements ITypeConverter<Lane> {
        @Override
        public Lane convert(String value) {
            return Lane.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (meters % gateways != 0) {
            throw new IllegalArgumentException("--meters must be a multiple of --gateways");
        }
        LoadPark park = new LoadPark("peers-park", gateways, meters / gateways);
        long runReadings = readings != null ? readings : quick ? 20_000 : 200_000;
        long warmReadings = warmUp != null ? warmUp : quick ? 40_000 : 1_000_000;
        int cold = coldRounds != null ? coldRounds : quick ? 1 : 5;
        int warm = warmRounds != null ? warmRounds : quick ? 1 : 3;
        RunSizes sizes = RunSizes.of(park, runReadings, warmReadings);
        Path parks = Files.createDirectories(work.resolve("parks"));
        park.writeTo(parks);
        Path meterTable = NodeRedMeterTable.write(List.of(new ParkFileReader().read(parks.resolve(park.parkId() + ".yaml"))),
                work.resolve("node-red-meters.json"));
        List<PlannedRun> schedule = PeerSchedule.of(phases, phases.stream().map(p -> p == Phase.COLD ? cold : warm).toList(), shapes, lanes);

        System.out.printf(Locale.ROOT, "%nPeers (issue 18): %,d meters on %d gateways; %,d readings per run, %,d stored first in warm runs; "
                + "shapes %s; lanes %s; %d cold and %d warm rounds: %d runs%n%n", park.meters(), park.gateways(), runReadings, warmReadings,
                shapes, lanes.stream().map(Lane::option).toList(), phases.contains(Phase.COLD) ? cold : 0, phases.contains(Phase.WARM) ? warm : 0,
                schedule.size());
        Map<String, Long> services = new LinkedHashMap<>();
        if (mosquittoPid != null) {
            services.put(ProcessNames.MOSQUITTO, mosquittoPid);
        }
        if (influxdPid != null) {
            services.put(ProcessNames.INFLUXD, influxdPid);
        }
        PeerReport report;
        try (PeerPublisher publisher = PeerPublisher.connect(broker, park, threads)) {
            PeerRig rig = new PeerRig(broker, new BrokerLog(brokerLog), new InfluxReadings(influx, database, "electricity", "power_kw"),
                    publisher, services, sizes, work);
            report = new PeerBench(lanes(rig, parks, meterTable), System.out).run(schedule);
        }

        System.out.println();
        if (phases.contains(Phase.COLD)) {
            System.out.println(report.table(Phase.COLD, String.format(Locale.ROOT,
                    "COLD: a fresh process per run, timed from the first publish until its %,d readings are queryable", runReadings)));
        }
        if (phases.contains(Phase.WARM)) {
            System.out.println(report.table(Phase.WARM, String.format(Locale.ROOT,
                    "WARM: a fresh process per run stores %,d readings first (not timed), then is timed on %,d", warmReadings, runReadings)));
        }
        List<PeerGoals.Check> goals = PeerGoals.check(report);
        System.out.println("Goals of issue 18");
        goals.forEach(g -> System.out.println(g.line()));

        Path outDir = Files.createDirectories(out != null ? out : work);
        JsonArray goalJson = new JsonArray();
        goals.forEach(g -> goalJson.add(g.json()));
        JsonObject settings = new JsonObject().put("meters", park.meters()).put("gateways", park.gateways()).put("readingsPerRun", runReadings)
                .put("warmUpReadings", warmReadings).put("coldRounds", cold).put("warmRounds", warm)
                .put("shapes", new JsonArray(shapes.stream().map(Shape::toString).toList()))
                .put("lanes", new JsonArray(lanes.stream().map(Lane::option).toList()));
        Path json = outDir.resolve("peers.json");
        Files.writeString(json, report.json().put("settings", settings).put("goals", goalJson).encodePrettily());
        System.out.println("\nfigures written to " + json);
        boolean clean = report.runs().stream().filter(r -> r.plan().lane() == Lane.PARKPULSE).allMatch(r -> r.lost() == 0 && r.storedTwice() == 0);
        return clean ? 0 : 3;
    }

    private Map<Lane, PeerLane> lanes(PeerRig rig, Path parks, Path meterTable) {
        Map<Lane, PeerLane> byLane = new EnumMap<>(Lane.class);
        byLane.put(Lane.BROKER, new BrokerAloneLane(rig, mosquittoSub));
        byLane.put(Lane.INFLUX, new InfluxAloneLane(rig));
        IngestProcess.Settings ingest = new IngestProcess.Settings(ingestJar, ingestJvmOptions, broker, influx, database, parks, ingestPort);
        byLane.put(Lane.PARKPULSE, new PipelineLane(rig, ProcessNames.INGEST, (clientId, dir) -> IngestProcess.start(ingest, clientId, dir)));
        NodeRedProcess.Settings nodeRed = new NodeRedProcess.Settings(node, nodeRedHome, nodeRedFlow, meterTable, broker, influx, database);
        byLane.put(Lane.NODE_RED, new PipelineLane(rig, ProcessNames.NODE_RED,
                (clientId, dir) -> NodeRedProcess.start(nodeRed, rig.brokerLog(), clientId, dir)));
        return byLane;
    }
}
