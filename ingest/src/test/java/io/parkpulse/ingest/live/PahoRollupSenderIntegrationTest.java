package io.parkpulse.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/** The rollup publisher against a real Mosquitto: messages arrive, and it refuses rather than waits. */
@RealServicesTest
class PahoRollupSenderIntegrationTest {

    record Received(String topic, String payload, int qos, boolean retained) {
    }

    static MqttAsyncClient subscriber(MqttBroker broker, List<Received> into) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), "live-test-subscriber", new MemoryPersistence());
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                into.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained()));
            }
        });
        client.connect(MqttClients.options(broker.url())).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription("live/v1/+/rollup", 0)}).waitForCompletion(10_000);
        return client;
    }

    static PahoRollupSender connected(MqttBroker broker, int maxOutstanding) throws Exception {
        PahoRollupSender sender = new PahoRollupSender(new PahoRollupSender.Settings(broker.url(), "ingest-test-live", null, null),
                maxOutstanding);
        sender.start();
        Await.until(Duration.ofSeconds(10), sender::isConnected, () -> "rollup sender not connected");
        return sender;
    }

    @Test
    void rollupsArriveAtQos0NotRetained(MqttBroker broker) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        MqttAsyncClient subscriber = subscriber(broker, received);
        try (PahoRollupSender sender = connected(broker, 8)) {
            assertThat(sender.offer("live/v1/demo-park/rollup", "{\"v\":1}".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(RollupSender.Result.SENT);
            Await.until(Duration.ofSeconds(5), () -> !received.isEmpty(), () -> "nothing received");
            assertThat(received).containsExactly(new Received("live/v1/demo-park/rollup", "{\"v\":1}", 0, false));
        } finally {
            subscriber.disconnect().waitForCompletion(5_000);
            subscriber.close();
        }
    }

    @Test
    void aBurstBeyondWhatIsWrittenIsRefusedAtOnceNotQueued(MqttBroker broker) throws Exception {
        try (PahoRollupSender sender = connected(broker, 2)) {
            byte[] big = new byte[1 << 20];
            Map<RollupSender.Result, Integer> results = new EnumMap<>(RollupSender.Result.class);
            long slowest = 0;
            for (int i = 0; i < 200; i++) {
                long started = System.nanoTime();
                results.merge(sender.offer("live/v1/load/rollup", big), 1, Integer::sum);
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            System.out.printf("200 offers of 1 MiB: %s, slowest offer %.1f ms%n", results, slowest / 1e6);
            assertThat(results.getOrDefault(RollupSender.Result.BUSY, 0)).as("offers refused while two were unwritten").isPositive();
            assertThat(results.getOrDefault(RollupSender.Result.SENT, 0)).isPositive();
            // what is written frees its place: the sender takes messages again
            Await.until(Duration.ofSeconds(10), () -> sender.offer("live/v1/load/rollup", new byte[10]) == RollupSender.Result.SENT,
                    () -> "still busy");
        }
    }

    @Test
    void withoutABrokerEveryOfferIsRefusedAtOnce(MqttBroker broker) throws Exception {
        try (PahoRollupSender sender = connected(broker, 8)) {
            broker.stop();
            Await.until(Duration.ofSeconds(10), () -> !sender.isConnected(), () -> "still connected");
            long started = System.nanoTime();
            assertThat(sender.offer("live/v1/demo-park/rollup", new byte[10])).isEqualTo(RollupSender.Result.DISCONNECTED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
            broker.start();
            Await.until(Duration.ofSeconds(20), () -> sender.offer("live/v1/demo-park/rollup", new byte[10]) == RollupSender.Result.SENT,
                    () -> "not reconnected");
        } finally {
            broker.start();
        }
    }
}
