package io.parkpulse.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/** A message nobody subscribes to is not counted as sent: Mosquitto says so with reason code 0x10. */
@RealServicesTest
class GatewayPublisherTest {

    @Test
    void aMessageWithoutSubscriberIsRefusedAndGoesThroughOnceIngestSubscribes(MqttBroker broker) throws Exception {
        byte[] payload = "{\"seq\":1,\"readings\":[]}".getBytes(StandardCharsets.UTF_8);
        try (GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "p1", "g1"))) {
            assertThatThrownBy(() -> gateway.publishRawToSubscribers(payload))
                    .isInstanceOf(GatewayPublisher.NoSubscriberException.class).hasMessageContaining("dp/v1/p1/g1/telemetry");

            MqttAsyncClient ingest = new MqttAsyncClient(broker.url(), "ingest-like", new MemoryPersistence());
            CountDownLatch arrived = new CountDownLatch(1);
            ingest.setCallback(new CallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    arrived.countDown();
                }
            });
            subscribeLikeIngest(ingest);
            gateway.publishRawToSubscribers(payload);
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
            ingest.disconnect().waitForCompletion(5_000);
            ingest.close();
        }
    }

    /** As a gateway's store-and-forward: the message is kept and sent again until someone is there to take it. */
    @Test
    void publishUntilDeliveredRetriesUntilASubscriberAppears(MqttBroker broker) throws Exception {
        byte[] payload = "{\"seq\":2,\"readings\":[]}".getBytes(StandardCharsets.UTF_8);
        try (GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "p1", "g2"))) {
            MqttAsyncClient ingest = new MqttAsyncClient(broker.url(), "ingest-later", new MemoryPersistence());
            CountDownLatch arrived = new CountDownLatch(1);
            ingest.setCallback(new CallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    arrived.countDown();
                }
            });
            java.util.List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch triedTwice = new CountDownLatch(2);
            Thread publishing = new Thread(() -> gateway.publishUntilDelivered(payload, (e, n) -> {
                failures.add(e);
                triedTwice.countDown();
            }, () -> false));
            publishing.start();
            assertThat(triedTwice.await(10, TimeUnit.SECONDS)).as("refused while nobody subscribes").isTrue();
            subscribeLikeIngest(ingest);
            publishing.join(15_000);
            assertThat(publishing.isAlive()).isFalse();
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).allMatch(e -> e instanceof GatewayPublisher.NoSubscriberException);
            ingest.disconnect().waitForCompletion(5_000);
            ingest.close();
        }
    }

    /** The load generator's asynchronous publishes report a message nobody took as failed, not as published. */
    @Test
    void anAsynchronousPublishWithoutSubscriberFails(MqttBroker broker) throws Exception {
        byte[] payload = "{\"seq\":3,\"readings\":[]}".getBytes(StandardCharsets.UTF_8);
        try (GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "p1", "g3"))) {
            java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
            gateway.publishAsync(payload, 1, () -> outcome.complete("acknowledged"), outcome::complete);
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(GatewayPublisher.NoSubscriberException.class);
        }
    }

    private static void subscribeLikeIngest(MqttAsyncClient ingest) throws Exception {
        ingest.connect().waitForCompletion(5_000);
        ingest.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.shared("ingest", Channel.TELEMETRY), 1)},
                null, null, new MqttProperties()).waitForCompletion(5_000);
    }
}
