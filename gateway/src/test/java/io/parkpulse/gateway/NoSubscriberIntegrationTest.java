package io.parkpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a restart Mosquitto forgets the shared subscriptions of offline sessions, so a message published
 * before ingest subscribes again reaches nobody. The broker says so ("no matching subscribers", 0x10): the
 * gateway keeps such messages and sends them once someone subscribes.
 */
@RealServicesTest
class NoSubscriberIntegrationTest {

    @Test
    void messagesNobodySubscribesToStayInTheBufferUntilIngestSubscribes(MqttBroker broker, @TempDir Path work) throws Exception {
        MeterDisplays displays = new MeterDisplays().show("E-DLT-2", Quantity.ENERGY_KWH, 42.42);
        try (Dlt645Emulator converter = new Dlt645Emulator(0, displays, Map.of("000000000002", "E-DLT-2"))) {
            String yaml = """
                    gateway: {park: gw-test-park, id: gw-test}
                    broker: {url: "%s"}
                    acks: {end_to_end: false}   # the PUBACK behaviour (0x10) is what this test is about
                    polling: {interval: 1s, timeout: 500ms}
                    buffer: {directory: "%s"}
                    http: {host: 127.0.0.1, port: 0}
                    devices:
                      - {meter: E-DLT-2, protocol: dlt645, endpoint: "127.0.0.1:%d", address: "000000000002", profile: dlt645-energy-only}
                    """.formatted(broker.url(), work.resolve("buffer"), converter.port());
            GatewayConfig config = new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn())
                    .read("gateway.yaml", yaml, work);
            Gateway gateway = Gateway.start(config);
            try {
                Await.until(Duration.ofSeconds(20), () -> gateway.buffer().depthMessages() >= 3, () -> gateway.status().encodePrettily());
                assertThat(gateway.isConnected()).isTrue();
                assertThat(gateway.status().getJsonObject("broker").getBoolean("platform_subscribed")).isFalse();
                assertThat(gateway.registry().get("parkpulse.gateway.publish.no.subscriber").counter().count()).isPositive();
                assertThat(gateway.registry().get("parkpulse.gateway.readings.published").counter().count()).isZero();

                List<Long> seqs = new CopyOnWriteArrayList<>();
                MqttAsyncClient ingestLike = new MqttAsyncClient(broker.url(), "ingest-like", new MemoryPersistence());
                ingestLike.setCallback(new CallbackAdapter() {
                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        seqs.add(new TelemetryDecoder(io.parkpulse.contract.Limits.DEFAULT, java.time.Clock.systemUTC()).decode(message.getPayload()).seq());
                    }
                });
                ingestLike.connect().waitForCompletion(5_000);
                ingestLike.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.shared("ingest",
                        io.parkpulse.contract.Channel.TELEMETRY), 1)}, null, null, new MqttProperties()).waitForCompletion(5_000);

                Await.until(Duration.ofSeconds(20), () -> gateway.buffer().depthMessages() == 0 && seqs.size() >= 3, () -> seqs.toString());
                assertThat(seqs).isSorted().doesNotHaveDuplicates();
                assertThat(seqs.get(0)).isEqualTo(1L);
                assertThat(gateway.status().getJsonObject("broker").getBoolean("platform_subscribed")).isTrue();
                ingestLike.disconnect().waitForCompletion(5_000);
                ingestLike.close();
            } finally {
                gateway.close();
            }
        }
    }
}
