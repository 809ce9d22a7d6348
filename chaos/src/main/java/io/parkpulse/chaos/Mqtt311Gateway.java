package io.parkpulse.chaos;

import io.parkpulse.config.Backoff;
import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.Topics;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated gateway speaking MQTT 3.1.1 (a third-party gateway's usual protocol): telemetry at QoS 1, and its
 * end-to-end acks from {@code dp/v1/{park}/{gateway}/ack}, subscribed again after every reconnection (clean session).
 * MQTT 3.1.1 has no reason code 0x10: a PUBACK says nothing about whether anybody received the message, so only
 * end-to-end acks tell this gateway that a message is stored.
 */
final class Mqtt311Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt311Gateway.class);
    private static final Backoff RETRY = Backoff.doubling(Duration.ofMillis(200), Duration.ofSeconds(10));

    private final MqttAsyncClient client;
    private final String telemetryTopic;
    private final String ackTopic;
    private final Consumer<Acknowledgement> onAck;

    private Mqtt311Gateway(String brokerUrl, String park, String gateway, Consumer<Acknowledgement> onAck) throws MqttException {
        this.client = new MqttAsyncClient(brokerUrl, "gw311-" + gateway + "-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
        this.telemetryTopic = Topics.telemetry(park, gateway);
        this.ackTopic = Topics.ack(park, gateway);
        this.onAck = onAck;
    }

    /** Connects (MQTT 3.1.1, clean session) and subscribes to the gateway's acks. */
    static Mqtt311Gateway connect(String brokerUrl, String park, String gateway, Consumer<Acknowledgement> onAck) throws MqttException {
        Mqtt311Gateway g = new Mqtt311Gateway(brokerUrl, park, gateway, onAck);
        g.client.setCallback(g.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000);
        options.setMaxInflight(1000);
        g.client.connect(options).waitForCompletion(15_000);
        g.client.subscribe(g.ackTopic, 1).waitForCompletion(15_000);
        return g;
    }

    /**
     * Publishes until the broker PUBACKs (retrying after a failure, 200 ms doubling to 10 s), which for MQTT 3.1.1 is
     * all a PUBACK can mean; false when abandoned.
     */
    boolean publishUntilPubacked(byte[] payload, Runnable failedAttempt, BooleanSupplier giveUp) {
        for (int failures = 1; ; failures++) {
            try {
                client.publish(telemetryTopic, payload, 1, false).waitForCompletion(60_000);
                return true;
            } catch (MqttException e) {
                failedAttempt.run();
            }
            if (Thread.currentThread().isInterrupted() || giveUp.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(RETRY.delayMs(failures));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("closing {}: {}", telemetryTopic, e.toString());
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            Thread resubscribe = new Thread(() -> {
                try {
                    client.subscribe(ackTopic, 1).waitForCompletion(15_000);
                } catch (MqttException e) {
                    LOG.warn("{}: cannot subscribe to its acks again: {}", ackTopic, e.toString());
                }
            }, "resubscribe-311");
            resubscribe.setDaemon(true);
            resubscribe.start();
        }

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Acknowledgement.Decoded decoded = Acknowledgement.decode(message.getPayload());
            if (decoded.ok()) {
                onAck.accept(decoded.ack());
            } else {
                LOG.debug("{}: ack ignored: {}", topic, decoded.problem());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
