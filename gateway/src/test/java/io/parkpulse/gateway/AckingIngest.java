package io.parkpulse.gateway;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.SeqRanges;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Plays ingest for the gateway's ack tests on the real broker: takes the telemetry on ingest's shared subscription,
 * records every seq it receives (in order, with how often), and acknowledges on the gateway's {@code ack} topic the
 * seqs {@link #ackOnReceipt} selects, or whatever a test publishes with {@link #publishAck}.
 */
final class AckingIngest implements AutoCloseable {

    private final MqttAsyncClient client;
    private final String ackTopic;
    private final TelemetryDecoder decoder = new TelemetryDecoder(Limits.DEFAULT, Clock.systemUTC());
    final List<Long> received = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> times = new ConcurrentHashMap<>();
    volatile LongPredicate ackOnReceipt = seq -> false;

    AckingIngest(String brokerUrl, String park, String gateway) throws MqttException {
        this.ackTopic = Topics.ack(park, gateway);
        this.client = new MqttAsyncClient(brokerUrl, "acking-ingest-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                long seq = decoder.decode(message.getPayload()).seq();
                received.add(seq);
                times.computeIfAbsent(seq, s -> new AtomicInteger()).incrementAndGet();
                if (ackOnReceipt.test(seq)) {
                    publish(new Acknowledgement(List.of(new SeqRanges.Range(seq, seq)), System.currentTimeMillis()).toJson());
                }
            }
        });
        client.connect().waitForCompletion(5_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.shared("ingest", Channel.TELEMETRY), 1)}, null, null,
                new MqttProperties()).waitForCompletion(5_000);
    }

    /** How often {@code seq} arrived. */
    int times(long seq) {
        AtomicInteger n = times.get(seq);
        return n == null ? 0 : n.get();
    }

    boolean receivedAll(long from, long to) {
        for (long s = from; s <= to; s++) {
            if (times(s) == 0) {
                return false;
            }
        }
        return true;
    }

    List<Long> receivedSince(int index) {
        return new ArrayList<>(received.subList(index, received.size()));
    }

    /** Publishes {@code json}, as written (well-formed or not), on the gateway's ack topic. */
    void publishAck(String json) {
        publish(json.getBytes(StandardCharsets.UTF_8));
    }

    /** QoS 1, without waiting (safe on Paho's callback thread). */
    private void publish(byte[] payload) {
        try {
            client.publish(ackTopic, payload, 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets go of a client whose broker is gone. */
    void closeQuietly() {
        try {
            client.disconnectForcibly(0, 100, false);
            client.close(true);
        } catch (MqttException e) {
            // gone with the broker
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
