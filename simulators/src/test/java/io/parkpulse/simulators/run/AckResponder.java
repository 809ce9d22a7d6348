package io.parkpulse.simulators.run;

import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.simulators.mqtt.EndToEndAck;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * TEST FIXTURE standing in for ingest's end-to-end acks until the issue-17 ingest branch is merged (then the tests
 * switch to the real ingest): a real MQTT client on the test's real Mosquitto that reads a park's telemetry and
 * answers each message, per the contract (/work/ack-contract.md), with
 * {@code {"v":1,"done":[[seq,seq]],"at":…}} on {@code dp/v1/{park}/{gateway}/ack}. It can stay silent (an ingest
 * that is away) and withhold the first ack of chosen seqs (an ack lost on the way), so the publisher must resend.
 */
final class AckResponder implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    private final MqttAsyncClient client;
    private final String park;
    private final LongPredicate withholdFirstAck;
    /** Receipts per "gateway/seq". */
    private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private volatile boolean answering;

    private AckResponder(String brokerUrl, String park, LongPredicate withholdFirstAck) throws MqttException {
        this.park = park;
        this.withholdFirstAck = withholdFirstAck;
        this.client = new MqttAsyncClient(brokerUrl, "ack-responder-" + System.nanoTime(), new MemoryPersistence());
    }

    /** Connects and reads the park's telemetry; answers only once {@link #answer} is called. */
    static AckResponder start(String brokerUrl, String park, LongPredicate withholdFirstAck) throws MqttException {
        AckResponder responder = new AckResponder(brokerUrl, park, withholdFirstAck);
        responder.client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws MqttException {
                responder.received(topic, message.getPayload());
            }
        });
        responder.client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        // not subscribe(String, int, IMqttMessageListener): it recurses forever in Paho 1.2.5
        responder.client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.PREFIX + park + "/+/telemetry", 1)}, null, null,
                new MqttProperties()).waitForCompletion(10_000);
        return responder;
    }

    void answer(boolean on) {
        answering = on;
    }

    private void received(String topic, byte[] payload) throws MqttException {
        Matcher seq = SEQ.matcher(new String(payload, StandardCharsets.UTF_8));
        if (!seq.find()) {
            return; // a message without seq is never acknowledged
        }
        String gateway = Topics.parse(topic).orElseThrow().gateway();
        long s = Long.parseLong(seq.group(1));
        int count = receipts.computeIfAbsent(gateway + "/" + s, k -> new AtomicInteger()).incrementAndGet();
        if (!answering || (count == 1 && withholdFirstAck.test(s))) {
            return;
        }
        // an ack of another version first: it must be ignored, not taken as covering everything
        publish(gateway, "{\"v\":2,\"done\":[[0,9223372036854775807]]}");
        publish(gateway, "{\"v\":1,\"done\":[[" + s + "," + s + "]],\"at\":" + System.currentTimeMillis() + ",\"future\":{\"x\":[1]}}");
    }

    private void publish(String gateway, String json) throws MqttException {
        client.publish(EndToEndAck.topic(park, gateway), json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Distinct messages (gateway and seq) received. */
    int distinctMessages() {
        return receipts.size();
    }

    /** How many times the message of this gateway and seq arrived. */
    int receipts(String gateway, long seq) {
        AtomicInteger n = receipts.get(gateway + "/" + seq);
        return n == null ? 0 : n.get();
    }

    int totalReceipts() {
        return receipts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
