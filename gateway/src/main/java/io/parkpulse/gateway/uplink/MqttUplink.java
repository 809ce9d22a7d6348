package io.parkpulse.gateway.uplink;

import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.Topics;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.mqtt.CaFile;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MQTT connection (wire contract, docs/protocol.md): telemetry at QoS 1, the retained
 * {@code online} status after each connect with {@code offline} as last will, and the {@code rejected}
 * topic subscribed so the gateway hears what the platform did not store.
 *
 * <p>With end-to-end acks the gateway's {@code ack} topic is subscribed too, in the same SUBSCRIBE.
 *
 * <p>Paho keeps nothing across restarts here ({@link MemoryPersistence}): the gateway's own on-disk buffer
 * holds every message until it is confirmed (or, without end-to-end acks, until its PUBACK), so a message is
 * never only in Paho's memory.
 */
public final class MqttUplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);

    private final String telemetryTopic;
    private final String statusTopic;
    private final String rejectedTopic;
    private final String ackTopic;
    private final Consumer<byte[]> onAck;
    private final GatewayConfig.Broker broker;
    private final MqttAsyncClient client;
    private final Consumer<RejectionReport> onRejected;
    private volatile boolean connected;
    private volatile boolean closed;
    private Thread connector;

    /**
     * @param onRejected receives every rejection report the platform sends, on Paho's callback thread;
     *                   an unreadable report arrives as {@code null}
     */
    public MqttUplink(String park, String gatewayId, GatewayConfig.Broker broker, Consumer<RejectionReport> onRejected)
            throws MqttException {
        this(park, gatewayId, broker, onRejected, null);
    }

    /**
     * @param onAck receives the payload of every message on the gateway's {@code ack} topic, on Paho's callback thread;
     *              null: the topic is not subscribed (no end-to-end acks)
     */
    public MqttUplink(String park, String gatewayId, GatewayConfig.Broker broker, Consumer<RejectionReport> onRejected,
                      Consumer<byte[]> onAck) throws MqttException {
        this.telemetryTopic = Topics.telemetry(park, gatewayId);
        this.statusTopic = Topics.status(park, gatewayId);
        this.rejectedTopic = Topics.rejected(park, gatewayId);
        this.ackTopic = Topics.ack(park, gatewayId);
        this.onAck = onAck;
        this.broker = broker;
        this.onRejected = onRejected;
        this.client = new MqttAsyncClient(broker.url(), "gw-" + park + "-" + gatewayId, new MemoryPersistence());
        client.setCallback(new CallbackAdapter() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                connected = true;
                LOG.info("connected to {}{}", serverUri, reconnect ? " (reconnected)" : "");
                announceOnline();
                subscribe();
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                if (connected) {
                    LOG.warn("lost the broker: {}; readings stay in the buffer until it is back",
                            response.getException() == null ? response.getReasonString() : MqttClients.describe(response.getException()));
                }
                connected = false;
            }
        });
    }

    /** Connects in the background, retrying until it succeeds; Paho reconnects after later losses. */
    public void start() {
        connector = MqttClients.connectInBackground(client, options(), () -> closed, LOG::warn, "mqtt-connect");
    }

    public boolean isConnected() {
        return connected && client.isConnected();
    }

    /** What became of one telemetry publish. */
    public enum Delivery {
        /** the broker acknowledged it and someone subscribes to it */
        DELIVERED,
        /**
         * the broker acknowledged it with reason code 0x10, "no matching subscribers": nobody would store it.
         * Mosquitto answers so after a restart until ingest has subscribed again, because it does not restore
         * the shared subscriptions of offline sessions (measured here with Mosquitto 2.0.11): sent now, the
         * message would be gone. The caller keeps it and tries again.
         */
        NO_SUBSCRIBER,
        /** not connected, refused, or no PUBACK in time */
        FAILED
    }

    /**
     * Publishes one telemetry message at QoS 1 and waits for the broker's PUBACK.
     *
     * @return {@link Delivery#DELIVERED} only when the broker took it for at least one subscriber; otherwise the
     *         caller keeps the message and sends it again (a duplicate is harmless: same meter and time, same point)
     */
    public Delivery publishTelemetry(byte[] payload, long timeoutMs) {
        if (!isConnected()) {
            return Delivery.FAILED;
        }
        try {
            IMqttToken token = client.publish(telemetryTopic, payload, 1, false);
            token.waitForCompletion(timeoutMs);
            if (!token.isComplete() || token.getException() != null) {
                return Delivery.FAILED;
            }
            int[] codes = token.getReasonCodes();
            int code = codes != null && codes.length > 0 ? codes[0] : 0;
            if (code == NO_MATCHING_SUBSCRIBERS) {
                return Delivery.NO_SUBSCRIBER;
            }
            if (code >= 0x80) {
                LOG.warn("the broker refused a telemetry message (reason code 0x{}); it stays in the buffer", Integer.toHexString(code));
                return Delivery.FAILED;
            }
            return Delivery.DELIVERED;
        } catch (MqttException e) {
            LOG.debug("publish failed: {}", e.toString());
            return Delivery.FAILED;
        }
    }

    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = MqttClients.reconnecting(broker.url(), broker.username(), broker.password());
        options.setCleanStart(true);
        options.setWill(statusTopic, new MqttMessage(GatewayStatus.OFFLINE.payload(), 1, true, new MqttProperties()));
        if (broker.caFile() != null) {
            options.setSocketFactory(CaFile.socketFactory(broker.caFile()));
        }
        return options;
    }

    private void announceOnline() {
        try {
            client.publish(statusTopic, GatewayStatus.ONLINE.payload(), 1, true);
        } catch (MqttException e) {
            LOG.warn("cannot publish online status: {}", e.toString());
        }
    }

    /** The {@code rejected} topic, and with end-to-end acks the {@code ack} topic, at QoS 1 after every connect (clean start). */
    private void subscribe() {
        IMqttMessageListener rejected = (topic, message) -> {
            RejectionReport report;
            try {
                report = RejectionReport.fromJson(message.getPayload());
            } catch (RuntimeException e) {
                report = null;
            }
            onRejected.accept(report);
        };
        MqttSubscription[] subscriptions = onAck == null ? new MqttSubscription[] {new MqttSubscription(rejectedTopic, 1)}
                : new MqttSubscription[] {new MqttSubscription(rejectedTopic, 1), new MqttSubscription(ackTopic, 1)};
        IMqttMessageListener[] listeners = onAck == null ? new IMqttMessageListener[] {rejected}
                : new IMqttMessageListener[] {rejected, (topic, message) -> onAck.accept(message.getPayload())};
        try {
            // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    for (int i = 0; codes != null && i < codes.length && i < subscriptions.length; i++) {
                        if (codes[i] >= 0x80) {
                            LOG.error("the broker refused the subscription to {} (reason code 0x{}){}", subscriptions[i].getTopic(),
                                    Integer.toHexString(codes[i]), subscriptions[i].getTopic().equals(ackTopic)
                                            ? ": no end-to-end acks can arrive, every message will be sent again and stay in the buffer; "
                                            + "allow this gateway to read its ack topic (broker ACL) or set acks.end_to_end: false" : "");
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    LOG.error("subscribing to {} failed: {}", java.util.Arrays.stream(subscriptions).map(MqttSubscription::getTopic).toList(),
                            String.valueOf(exception));
                }
            }, listeners, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("cannot subscribe to {} and the ack topic: {}", rejectedTopic, e.toString());
        }
    }

    /** Publishes {@code offline} (a clean disconnect does not fire the will) and disconnects. */
    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        try {
            if (client.isConnected()) {
                client.publish(statusTopic, GatewayStatus.OFFLINE.payload(), 1, true).waitForCompletion(2_000);
                client.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.toString());
        }
    }

    /** Drops the connection without a word, as a power cut would: the broker publishes the will. For tests. */
    public void crash() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        try {
            client.disconnectForcibly(0, 100, false);
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("crash: {}", e.toString());
        }
    }
}
