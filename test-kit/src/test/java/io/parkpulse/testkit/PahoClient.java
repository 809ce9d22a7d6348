package io.parkpulse.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import io.parkpulse.mqtt.CallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A Paho MQTT v5 client for the kit's own tests. Messages are collected through a callback set before
 * connecting, so those a persistent session delivers right at CONNACK are not missed (a per-subscription
 * listener would not exist yet, and Paho 1.2.5's subscribe(String, int, listener) overflows the stack).
 */
final class PahoClient implements AutoCloseable {

    private final MqttClient client;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();

    private PahoClient(MqttClient client) {
        this.client = client;
    }

    /** Clean session that ends with the connection. */
    static PahoClient connect(String url, String clientId) throws MqttException {
        return connect(url, clientId, true, 0L);
    }

    /** Persistent session: the broker keeps subscriptions and queues QoS 1 messages while we are away. */
    static PahoClient connectPersistent(String url, String clientId) throws MqttException {
        return connect(url, clientId, false, 3600L);
    }

    private static PahoClient connect(String url, String clientId, boolean cleanStart, long sessionExpirySeconds)
            throws MqttException {
        PahoClient paho = new PahoClient(new MqttClient(url, clientId, new MemoryPersistence()));
        paho.client.setCallback(paho.new Collector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setConnectionTimeout(5);
        options.setAutomaticReconnect(false);
        try {
            paho.client.connect(options);
        } catch (MqttException e) {
            paho.client.close(true);
            throw e;
        }
        return paho;
    }

    /** Subscribes and returns the broker's reason code (0..2 granted QoS, >= 0x80 refused). */
    int subscribe(String topicFilter, int qos) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, qos)});
        return token.getReasonCodes()[0];
    }

    /** Publishes and, for QoS 1, returns once the broker has acknowledged. */
    void publish(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    /** Waits for {@code count} payloads, in arrival order; fewer if the timeout passes first. */
    List<String> await(int count, Duration timeout) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            String next = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            received.add(next);
        }
        return received;
    }

    void disconnect() throws MqttException {
        client.disconnect();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            try {
                client.disconnect(); // disconnectForcibly always waits out its timeout
            } catch (MqttException e) {
                client.disconnectForcibly(0, 100);
            }
        }
        client.close(true);
    }

    private final class Collector extends CallbackAdapter {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            inbox.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }
    }
}
