package io.parkpulse.bench.peers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Node-RED's system under test: a fresh {@code node} process running Node-RED from the benchmark's scratch install with
 * the repository's flow and settings ({@code bench/node-red/}) and a user directory of its own. Broker, InfluxDB,
 * client id and the park's meter table reach the flow through the environment. Ready when the broker logs its
 * subscription.
 */
final class NodeRedProcess implements PipelineLane.PipelineProcess {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    /**
     * @param install    the npm prefix Node-RED and node-red-contrib-influxdb were installed into
     * @param flowDir    the repository's {@code bench/node-red}: {@code flow.json}, {@code settings.js}
     * @param meterTable the park's meters as the flow's function reads them ({@link NodeRedMeterTable})
     */
    record Settings(String node, Path install, Path flowDir, Path meterTable, String brokerUrl, URI influx, String database) {
    }

    private final String brokerUrl;
    private final String clientId;
    private final Process process;
    private final Path log;

    private NodeRedProcess(String brokerUrl, String clientId, Process process, Path log) {
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
        this.process = process;
        this.log = log;
    }

    static NodeRedProcess start(Settings settings, BrokerLog brokerLog, String clientId, Path runDir)
            throws IOException, InterruptedException {
        Path redJs = settings.install().resolve("node_modules/node-red/red.js");
        if (!Files.isRegularFile(redJs)) {
            throw new IllegalStateException(redJs + " does not exist: install Node-RED first (./parkpulse bench peers does)");
        }
        Path userDir = Files.createDirectories(runDir.resolve("node-red-user"));
        Files.copy(settings.flowDir().resolve("flow.json"), userDir.resolve("flow.json"));
        URI broker = URI.create(settings.brokerUrl());
        Map<String, String> env = Map.of(
                "PEERS_FLOW_FILE", "flow.json",
                "PEERS_METER_TABLE", settings.meterTable().toAbsolutePath().toString(),
                "PEERS_MQTT_HOST", broker.getHost(),
                "PEERS_MQTT_PORT", Integer.toString(broker.getPort()),
                "PEERS_MQTT_CLIENT_ID", clientId,
                "PEERS_INFLUX_HOST", settings.influx().getHost(),
                "PEERS_INFLUX_PORT", Integer.toString(settings.influx().getPort()),
                "PEERS_INFLUX_DATABASE", settings.database());
        Path log = runDir.resolve("node-red.log");
        long mark = brokerLog.mark();
        Process process = ChildProcesses.start(List.of(settings.node(), redJs.toString(), "--userDir", userDir.toString(),
                "--settings", settings.flowDir().resolve("settings.js").toAbsolutePath().toString(), "--port", "0"), env, log, false);
        NodeRedProcess nodeRed = new NodeRedProcess(settings.brokerUrl(), clientId, process, log);
        return ChildProcesses.readyOrClosed(nodeRed, () -> brokerLog.awaitSubscription(mark, clientId, PeerRig.TELEMETRY_FILTER,
                START_LIMIT, () -> process.isAlive() ? null : "Node-RED exited with " + process.exitValue() + "; see " + log));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** The process exited, or the first error Node-RED logged (a write InfluxDB refused, a function that threw). */
    @Override
    public String problem() {
        if (!process.isAlive()) {
            return "Node-RED exited with " + process.exitValue() + "; see " + log;
        }
        try (var lines = Files.lines(log)) {
            Optional<String> error = lines.filter(l -> l.contains("[error]")).findFirst();
            return error.map(e -> "Node-RED logged: " + e.strip() + " (see " + log + ")").orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "cannot read " + log + ": " + e;
        }
    }

    @Override
    public double peakRssMb() {
        return ChildProcesses.peakRssMb(process.pid());
    }

    /** SIGTERM: Node-RED stops its flows and disconnects, which ends its clean session; swept all the same. */
    @Override
    public void close() throws MqttException {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        SessionSweeper.sweep(brokerUrl, clientId);
    }
}
