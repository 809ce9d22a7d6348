package io.parkpulse.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * TEST FIXTURE: an end-to-end ack sender that misbehaves on purpose, for testing publishers' resends — what the real
 * ingest (which publishes the acks, docs/protocol.md "End-to-end acknowledgements") cannot be told to do. A real MQTT
 * client on the test's real Mosquitto reads a park's telemetry ({@code dp/v1/{park}/+/telemetry}) and, once
 * {@link StoredCheck} says a message's readings are stored (e.g. counted in InfluxDB after a real ingest wrote them;
 * or at once where no ingest runs), publishes {@code {"v":1,"done":[[seq,seq]],"at":…}} on
 * {@code dp/v1/{park}/{gateway}/ack}, QoS 1. Before each it publishes an ack of version 2 covering every seq, which
 * receivers must ignore. It can be silent ({@link #answer}: an ingest away) and withhold the first ack of chosen
 * seqs (an ack lost on the way), so publishers must resend. The payload is written by hand because the test kit
 * cannot depend on the contract module (whose tests use the test kit).
 */
public final class AckResponder implements AutoCloseable {

    /** Whether every reading of a message is stored; asked again every 200 ms until it is. */
    @FunctionalInterface
    public interface StoredCheck {
        boolean stored(String gateway, long seq, byte[] payload) throws Exception;
    }

    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    private record Received(String gateway, long seq, byte[] payload, int receipt) {
    }

    private final MqttAsyncClient client;
    private final String park;
    private final LongPredicate withholdFirstAck;
    private final StoredCheck storedCheck;
    private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Received> waiting = new ConcurrentLinkedQueue<>();
    private final Thread checker;
    private final AtomicInteger acksSent = new AtomicInteger();
    private volatile boolean answering = true;
    private volatile boolean closed;

    private AckResponder(String brokerUrl, String park, LongPredicate withholdFirstAck, StoredCheck storedCheck) throws MqttException {
        this.park = park;
        this.withholdFirstAck = withholdFirstAck;
        this.storedCheck = storedCheck;
        this.client = new MqttAsyncClient(brokerUrl, "ack-responder-" + System.nanoTime(), new MemoryPersistence());
        this.checker = new Thread(this::checkStored, "ack-responder");
        checker.setDaemon(true);
    }

    /** Connects (a persistent session, so a broker restart loses nothing it subscribed to) and starts answering. */
    public static AckResponder start(String brokerUrl, String park, LongPredicate withholdFirstAck, StoredCheck storedCheck)
            throws MqttException {
        AckResponder responder = new AckResponder(brokerUrl, park, withholdFirstAck, storedCheck);
        responder.client.setCallback(responder.new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        responder.client.connect(options).waitForCompletion(10_000);
        responder.subscribe();
        responder.checker.start();
        return responder;
    }

    private void subscribe() throws MqttException {
        // not subscribe(String, int, IMqttMessageListener): it recurses forever in Paho 1.2.5
        client.subscribe(new MqttSubscription[] {new MqttSubscription("dp/v1/" + park + "/+/telemetry", 1)}, null, null,
                new MqttProperties()).waitForCompletion(10_000);
    }

    /** Off: reads and counts telemetry but acknowledges nothing (an ingest that is away); on again: answers all. */
    public void answer(boolean on) {
        answering = on;
    }

    private void received(String topic, byte[] payload) {
        Matcher seq = SEQ.matcher(new String(payload, StandardCharsets.UTF_8));
        String[] levels = topic.split("/");
        if (!seq.find() || levels.length != 5) {
            return; // a message without seq is never acknowledged
        }
        long s = Long.parseLong(seq.group(1));
        int receipt = receipts.computeIfAbsent(levels[3] + "/" + s, k -> new AtomicInteger()).incrementAndGet();
        waiting.add(new Received(levels[3], s, payload, receipt));
    }

    private void checkStored() {
        while (!closed) {
            int n = waiting.size();
            for (int i = 0; i < n && !closed; i++) {
                Received r = waiting.poll();
                if (!answering || (r.receipt() == 1 && withholdFirstAck.test(r.seq()))) {
                    continue; // dropped: the publisher must send it again
                }
                try {
                    if (storedCheck.stored(r.gateway(), r.seq(), r.payload())) {
                        acknowledge(r.gateway(), r.seq());
                    } else {
                        waiting.add(r);
                    }
                } catch (Exception e) {
                    waiting.add(r); // not stored yet, InfluxDB away, broker away: ask again
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void acknowledge(String gateway, long seq) throws MqttException {
        String topic = "dp/v1/" + park + "/" + gateway + "/ack";
        client.publish(topic, "{\"v\":2,\"done\":[[0,9223372036854775807]]}".getBytes(StandardCharsets.UTF_8), 1, false);
        String ack = "{\"v\":1,\"done\":[[" + seq + "," + seq + "]],\"at\":" + System.currentTimeMillis() + ",\"note\":{\"fixture\":true}}";
        client.publish(topic, ack.getBytes(StandardCharsets.UTF_8), 1, false);
        acksSent.incrementAndGet();
    }

    /** Distinct messages (gateway and seq) received. */
    public int distinctMessages() {
        return receipts.size();
    }

    /** Messages received, resends included. */
    public int totalReceipts() {
        return receipts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int acksSent() {
        return acksSent.get();
    }

    @Override
    public void close() throws MqttException {
        closed = true;
        checker.interrupt();
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received(topic, message.getPayload());
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!reconnect) {
                return;
            }
            // a killed broker may have lost the session: subscribe again (not on Paho's callback thread)
            Thread again = new Thread(() -> {
                try {
                    subscribe();
                } catch (MqttException e) {
                    // the next reconnection tries again
                }
            }, "ack-responder-resubscribe");
            again.setDaemon(true);
            again.start();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
