package io.parkpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway on a real Mosquitto with end-to-end acks, against a test "ingest" ({@link AckingIngest}) that
 * acknowledges what each test chooses: a message leaves the buffer only once confirmed, the unconfirmed ones are sent
 * again after the timeout (and the confirmed never), across a power-cut restart too, with seq continuing; acks out of
 * order, duplicated, malformed or of another version do no harm; {@code end_to_end: false} is the PUBACK behaviour.
 */
@RealServicesTest
class EndToEndAckIntegrationTest {

    private static final String PARK = "ack-park";
    private static final String GATEWAY = "gw-ack";

    @TempDir
    Path work;
    private Dlt645Emulator meter;

    @BeforeEach
    void meter() throws Exception {
        meter = new Dlt645Emulator(0, new MeterDisplays().show("E-ACK-1", Quantity.ENERGY_KWH, 42.42), Map.of("000000000007", "E-ACK-1"));
    }

    @AfterEach
    void stopMeter() throws Exception {
        meter.close();
    }

    @Test
    void unconfirmedMessagesAreSentAgainAfterTheTimeoutAndConfirmedOnesNever(MqttBroker broker) throws Exception {
        try (AckingIngest ingest = new AckingIngest(broker.url(), PARK, GATEWAY)) {
            ingest.ackOnReceipt = seq -> seq % 2 == 0;
            Gateway gateway = Gateway.start(config(broker, "{resend_after: 1s, resend_max: 2s}"));
            try {
                // the acks of 2, 4 and 6 travel back asynchronously: wait until the gateway has taken them too
                Await.until(Duration.ofSeconds(40), () -> ingest.receivedAll(1, 6) && ingest.times(1) >= 3 && ingest.times(3) >= 3
                                && gateway.status().getJsonObject("acks").getLong("acks_received") >= 3,
                        () -> ingest.received + ", gateway acks " + gateway.status().getJsonObject("acks"));
                for (long even = 2; even <= 6; even += 2) {
                    assertThat(ingest.times(even)).as("seq %d was confirmed at once: sent once", even).isEqualTo(1);
                }
                List<Long> order = ingest.received;
                int firstRepeat = firstRepeatIndex(order);
                assertThat(order.get(firstRepeat)).as("the oldest unconfirmed message is sent again first").isEqualTo(1L);
                assertThat(gateway.buffer().oldestSeq()).as("1 is not confirmed: it and everything after stay").isEqualTo(1L);
                JsonObject acks = gateway.status().getJsonObject("acks");
                assertThat(acks.getBoolean("end_to_end")).isTrue();
                assertThat(acks.getLong("resends")).isGreaterThanOrEqualTo(4);
                assertThat(acks.getLong("acks_received")).isGreaterThanOrEqualTo(3);
                assertThat(acks.getInteger("unconfirmed_messages")).isGreaterThanOrEqualTo(3);
                assertThat(acks.getDouble("oldest_unconfirmed_age_s")).isGreaterThanOrEqualTo(2.0);
                assertThat(gateway.status().getJsonObject("buffer").getInteger("messages"))
                        .as("the buffer counts the unconfirmed ones").isGreaterThanOrEqualTo(acks.getInteger("unconfirmed_messages"));
                assertThat(gateway.registry().get("parkpulse.gateway.messages.resent").counter().count()).isGreaterThanOrEqualTo(4);

                ingest.ackOnReceipt = seq -> true;
                Await.until(Duration.ofSeconds(30), () -> gateway.buffer().oldestSeq() == -1 || gateway.buffer().oldestSeq() > 6,
                        () -> "oldest " + gateway.buffer().oldestSeq() + ", received " + ingest.received);
            } finally {
                gateway.close();
            }
        }
    }

    @Test
    void afterAPowerCutTheUnconfirmedMessagesAreSentAgainAndSeqContinues(MqttBroker broker) throws Exception {
        try (AckingIngest ingest = new AckingIngest(broker.url(), PARK, GATEWAY)) {
            GatewayConfig config = config(broker, "{resend_after: 10m, resend_max: 10m}");
            Gateway first = Gateway.start(config);
            Await.until(Duration.ofSeconds(30), () -> ingest.receivedAll(1, 3), () -> ingest.received.toString());
            first.crash();
            long highestBefore = ingest.received.stream().mapToLong(Long::longValue).max().orElseThrow();
            int mark = ingest.received.size();

            Gateway second = Gateway.start(config);
            try {
                Await.until(Duration.ofSeconds(30), () -> ingest.receivedSince(mark).stream().anyMatch(s -> s > highestBefore + 1),
                        () -> ingest.receivedSince(mark).toString());
                List<Long> after = ingest.receivedSince(mark);
                assertThat(after).as("unconfirmed messages of the first run, oldest first, then new seqs").isSorted().doesNotHaveDuplicates();
                assertThat(after).startsWith(1L, 2L, 3L);
                assertThat(second.status().getJsonObject("acks").getLong("resends")).as("not due yet: only the restart sent them again").isZero();

                ingest.publishAck("{\"v\": 1, \"done\": [[1, " + highestBefore + "]], \"at\": 1}");
                Await.until(Duration.ofSeconds(10), () -> second.buffer().oldestSeq() == -1 || second.buffer().oldestSeq() > highestBefore,
                        () -> "oldest " + second.buffer().oldestSeq());
            } finally {
                second.close();
            }
        }
    }

    @Test
    void whatABrokerKilledWithItIsSentAgainAndAcksArriveAfterTheReconnect(MqttBroker broker) throws Exception {
        AckingIngest before = new AckingIngest(broker.url(), PARK, GATEWAY);
        before.ackOnReceipt = seq -> true;
        Gateway gateway = Gateway.start(config(broker, "{resend_after: 1s, resend_max: 2s}"));
        try {
            Await.until(Duration.ofSeconds(30), () -> before.receivedAll(1, 2) && gateway.buffer().oldestSeq() != 1,
                    () -> before.received.toString());
            before.ackOnReceipt = seq -> false; // ingest stops storing: what arrives now is only PUBACKed
            int mark = before.received.size();
            Await.until(Duration.ofSeconds(30), () -> before.receivedSince(mark).size() >= 2, () -> before.received.toString());
            broker.kill();
            long lost = before.receivedSince(mark).stream().mapToLong(Long::longValue).max().orElseThrow();
            before.closeQuietly();
            broker.start();
            try (AckingIngest after = new AckingIngest(broker.url(), PARK, GATEWAY)) {
                after.ackOnReceipt = seq -> true;
                Await.until(Duration.ofSeconds(40), () -> gateway.buffer().oldestSeq() == -1 || gateway.buffer().oldestSeq() > lost,
                        () -> "oldest " + gateway.buffer().oldestSeq() + ", lost up to " + lost + ", after the restart " + after.received);
                assertThat(after.receivedAll(before.receivedSince(mark).get(0), lost))
                        .as("the messages only PUBACKed before the crash came again").isTrue();
            }
        } finally {
            gateway.close();
        }
    }

    @Test
    void acksOutOfOrderDuplicatedMalformedOrOfAnotherVersionDoNoHarm(MqttBroker broker) throws Exception {
        try (AckingIngest ingest = new AckingIngest(broker.url(), PARK, GATEWAY)) {
            Gateway gateway = Gateway.start(config(broker, "{resend_after: 10m, resend_max: 10m}"));
            try {
                Await.until(Duration.ofSeconds(30), () -> ingest.receivedAll(1, 4), () -> ingest.received.toString());
                ingest.publishAck("{\"v\": 1, \"done\": [[4, 4]], \"at\": 1}");
                ingest.publishAck("{\"v\": 1, \"done\": [[3, 3]], \"at\": 2, \"instance\": \"ingest-b\"}");
                ingest.publishAck("{\"v\": 1, \"done\": [[3, 4]], \"at\": 3}");
                ingest.publishAck("nonsense {");
                ingest.publishAck("{\"v\": 2, \"confirmed\": \"1-2\"}");
                ingest.publishAck("{\"v\": 1, \"done\": [[2, 1]], \"at\": 4}");
                Await.until(Duration.ofSeconds(10), () -> count(gateway, "parkpulse.gateway.acks.received") == 3
                        && ignored(gateway, "malformed") == 2 && ignored(gateway, "unknown_version") == 1, () -> gateway.status().encode());
                assertThat(gateway.buffer().oldestSeq()).as("3 and 4 wait for 1 and 2").isEqualTo(1L);

                ingest.publishAck("{\"v\": 1, \"done\": [[2, 2]], \"at\": 5}");
                ingest.publishAck("{\"v\": 1, \"done\": [[1, 1]], \"at\": 6}");
                ingest.publishAck("{\"v\": 1, \"done\": [[1, 4]], \"at\": 7}");
                Await.until(Duration.ofSeconds(10), () -> gateway.buffer().oldestSeq() == -1 || gateway.buffer().oldestSeq() > 4,
                        () -> "oldest " + gateway.buffer().oldestSeq());
                for (long seq = 1; seq <= 4; seq++) {
                    assertThat(ingest.times(seq)).as("seq %d", seq).isEqualTo(1);
                }
                assertThat(count(gateway, "parkpulse.gateway.messages.resent")).isZero();
                assertThat(gateway.isConnected()).isTrue();
            } finally {
                gateway.close();
            }
        }
    }

    @Test
    void withEndToEndAcksOffAMessageLeavesAtItsPuback(MqttBroker broker) throws Exception {
        try (AckingIngest ingest = new AckingIngest(broker.url(), PARK, GATEWAY)) {
            Gateway gateway = Gateway.start(config(broker, "{end_to_end: false, resend_after: 1s}"));
            try {
                Await.until(Duration.ofSeconds(30), () -> ingest.receivedAll(1, 3) && gateway.buffer().depthMessages() == 0,
                        () -> ingest.received + " " + gateway.status().encode());
                ingest.publishAck("{\"v\": 1, \"done\": [[1, 3]], \"at\": 1}");
                Thread.sleep(2_500);
                assertThat(ingest.received).as("each once, in order").isSorted().doesNotHaveDuplicates().startsWith(1L, 2L, 3L);
                JsonObject acks = gateway.status().getJsonObject("acks");
                assertThat(acks.getBoolean("end_to_end")).isFalse();
                assertThat(acks.getLong("acks_received")).as("the ack topic is not subscribed").isZero();
                assertThat(acks.getLong("resends")).isZero();
                assertThat(acks.getInteger("unconfirmed_messages")).isZero();
            } finally {
                gateway.close();
            }
        }
    }

    private GatewayConfig config(MqttBroker broker, String acks) {
        String yaml = """
                gateway: {park: %s, id: %s}
                broker: {url: "%s"}
                acks: %s
                polling: {interval: 1s, timeout: 500ms}
                buffer: {directory: "%s"}
                http: {host: 127.0.0.1, port: 0}
                devices:
                  - {meter: E-ACK-1, protocol: dlt645, endpoint: "127.0.0.1:%d", address: "000000000007", profile: dlt645-energy-only}
                """.formatted(PARK, GATEWAY, broker.url(), acks, work.resolve("buffer"), meter.port());
        return new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn()).read("gateway.yaml", yaml, work);
    }

    private static int firstRepeatIndex(List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            if (order.subList(0, i).contains(order.get(i))) {
                return i;
            }
        }
        throw new AssertionError("nothing was sent twice: " + order);
    }

    private static double count(Gateway gateway, String counter) {
        return gateway.registry().get(counter).counter().count();
    }

    private static double ignored(Gateway gateway, String reason) {
        var counter = gateway.registry().find("parkpulse.gateway.acks.ignored").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
