package io.parkpulse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Topics;
import io.parkpulse.contract.Value;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.ingest.pipeline.MessagePreparer;
import io.parkpulse.ingest.pipeline.PreparedPoint;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.storage.Point;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node-RED lane's flow ({@code bench/node-red/flow.json}) against ingest: it subscribes where ingest does, and its
 * function, run under {@code node} on messages of the demo park's meters, writes the points ingest's own preparation
 * writes — same measurement, tags, fields, values and times. Skipped where no {@code node} is installed.
 */
class NodeRedFlowTest {

    private static final Path FLOW = Path.of("node-red/flow.json");
    private static final Path DEMO_PARK = Path.of("../parks/demo-park.yaml");
    private static final long TIME = 1_796_620_000_000L;

    @Test
    void subscribesToIngestsSharedTelemetryFilter() throws IOException {
        JsonObject in = nodeOfType("mqtt in");
        assertThat(in.getString("topic")).isEqualTo(PeerRig.TELEMETRY_FILTER);
        assertThat(in.getString("datatype")).isEqualTo("json");
        assertThat(nodeOfType("influxdb batch").getString("precision")).isEqualTo("ms");
    }

    @Test
    void functionWritesTheSamePointsAsIngest(@TempDir Path dir) throws Exception {
        assumeTrue(nodeInstalled(), "node is not installed");
        Park park = new ParkFileReader().read(DEMO_PARK);
        List<TelemetryMessage> messages = List.of(
                new TelemetryMessage(1, List.of(
                        // park level, CT and PT
                        new Reading("E-PARK-INCOMER", TIME, List.of(Value.of(Quantity.ENERGY_KWH, 12345.67), Value.of(Quantity.POWER_KW, 1.234),
                                Value.of(Quantity.VOLTAGE_V, 101.3), Value.of(Quantity.CURRENT_A, 2.71), Value.of(Quantity.POWER_FACTOR, 0.97))),
                        new Reading("E-XY-MAIN", TIME + 1, List.of(Value.of(Quantity.ENERGY_KWH, 0.1), Value.of(Quantity.POWER_KW, 3.3))))),
                new TelemetryMessage(2, List.of(
                        // a multiplier, none, and a state
                        new Reading("G-XY", TIME, List.of(Value.of(Quantity.GAS_M3, 777.7), Value.of(Quantity.FLOW_M3H, 12.5))),
                        new Reading("W-XY", TIME, List.of(Value.of(Quantity.VOLUME_M3, 5131.4))),
                        new Reading("M-XY-KILN", TIME, List.of(Value.of(Quantity.OUTPUT_COUNT, 123457.0),
                                Value.of(io.parkpulse.contract.EquipmentState.RUNNING))))));

        String topic = Topics.telemetry(park.id(), "gw-north");
        List<String> ingestLines = new ArrayList<>();
        MessagePreparer preparer = new MessagePreparer(new TelemetryDecoder(Limits.DEFAULT,
                Clock.fixed(Instant.ofEpochMilli(TIME + 60_000), ZoneOffset.UTC)),
                () -> new ParkRegistry(List.of(park)));
        JsonArray input = new JsonArray();
        for (TelemetryMessage message : messages) {
            byte[] payload = new TelemetryEncoder().encode(message);
            for (PreparedPoint p : preparer.prepare(new InboundMessage(topic, payload, 1, 1, 0, TIME)).points()) {
                ingestLines.add(p.point().toLine());
            }
            input.add(new JsonObject().put("topic", topic).put("payload", new JsonObject(new String(payload, StandardCharsets.UTF_8))));
        }

        List<String> nodeRedLines = new ArrayList<>();
        for (Object batch : runFunction(dir, park, input)) {
            for (Object point : (JsonArray) batch) {
                nodeRedLines.add(line((JsonObject) point));
            }
        }
        assertThat(ingestLines).hasSize(5);
        assertThat(nodeRedLines).containsExactlyElementsOf(ingestLines);
    }

    @Test
    void functionSendsFullBatchesOfFiveThousandAndTheRestOnItsTimer(@TempDir Path dir) throws Exception {
        assumeTrue(nodeInstalled(), "node is not installed");
        Park park = new ParkFileReader().read(DEMO_PARK);
        String topic = Topics.telemetry(park.id(), "gw-north");
        JsonArray input = new JsonArray();
        for (int i = 0; i < 120; i++) { // 120 × 50 = 6,000 readings: one full batch, then 1,000 on the timer
            List<Reading> readings = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                readings.add(new Reading("E-XY-MAIN", TIME + i * 50L + r, List.of(Value.of(Quantity.POWER_KW, 1.0))));
            }
            input.add(new JsonObject().put("topic", topic).put("payload",
                    new JsonObject(new String(new TelemetryEncoder().encode(new TelemetryMessage(i, readings)), StandardCharsets.UTF_8))));
        }
        JsonArray batches = runFunction(dir, park, input);
        assertThat(batches.stream().map(b -> ((JsonArray) b).size())).containsExactly(5_000, 1_000);
    }

    /** The points the flow's function sends, batch by batch. */
    private static JsonArray runFunction(Path dir, Park park, JsonArray messages) throws Exception {
        Path table = NodeRedMeterTable.write(List.of(park), dir.resolve("meters.json"));
        Path in = Files.writeString(dir.resolve("messages.json"), messages.encode());
        Path script = Path.of("src/test/resources/node-red/run-function.js");
        Process node = new ProcessBuilder("node", script.toString(), FLOW.toString(), table.toString())
                .redirectInput(in.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        return new JsonArray(out);
    }

    /** A point of node-red-contrib-influxdb's batch node as ingest's line protocol encoder writes it. */
    private static String line(JsonObject point) {
        Point p = Point.measurement(point.getString("measurement"));
        point.getJsonObject("tags").forEach(tag -> p.tag(tag.getKey(), (String) tag.getValue()));
        point.getJsonObject("fields").forEach(field -> {
            if (field.getValue() instanceof Number n) {
                p.field(field.getKey(), n.doubleValue());
            } else {
                p.field(field.getKey(), (String) field.getValue());
            }
        });
        return p.time(point.getLong("timestamp")).toLine();
    }

    private static JsonObject nodeOfType(String type) throws IOException {
        return new JsonArray(Files.readString(FLOW)).stream().map(JsonObject.class::cast)
                .filter(n -> type.equals(n.getString("type"))).findFirst().orElseThrow();
    }

    private static boolean nodeInstalled() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
