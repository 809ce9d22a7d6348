package io.parkpulse.ingest.mqtt;

import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
 * The broker connection of one ingest instance (Paho MQTT v5).
 *
 * <ul>
 *   <li>Persistent session ({@code cleanStart=false} with a session expiry): while this instance is
 *       down, the broker queues its share of the stream and re-sends what it had not acknowledged.</li>
 *   <li>Manual acknowledgements: {@link #acknowledge} is called only after a message's readings
 *       are stored.</li>
 *   <li>At most the receive maximum of messages, and {@code maxInFlightBytes} of payload, held unacknowledged: the
 *       count announced to the broker (MQTT 5 receive maximum) and both enforced here ({@link InFlightLimit}), because
 *       Mosquitto 2.0.11 stops honouring the count; when writes fall behind, the flow stops at the broker.</li>
 * </ul>
 *
 * <p>Threading: messages are delivered to the consumer on Paho's callback thread, one at a time, in
 * arrival order; the consumer must not block for long. Every delivered message must come back through
 * {@link #acknowledge} or {@link #forget}, which free its place. {@link #acknowledge} and {@link #publish}
 * may be called from any thread.
 */
public final class MqttSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);

    /** How to connect and what to take. */
    public record Settings(String serverUri, String clientId, String username, String password, long sessionExpirySeconds,
                           int receiveMaximum, int maxInFlightBytes, List<String> subscriptions) {
    }

    private final Settings settings;
    private final MqttAsyncClient client;
    private final AtomicLong connection = new AtomicLong();
    private final InFlightLimit inFlight;
    private volatile boolean connected;
    private volatile boolean subscribed;
    private volatile boolean taking = true;
    private volatile boolean closed;
    private Thread connector;

    /**
     * @param onMessage  receives every message, on Paho's callback thread
     * @param onLost     receives the number of a connection that was lost; its unacknowledged messages
     *                   will be delivered again on a later connection
     */
    public MqttSource(Settings settings, Consumer<InboundMessage> onMessage, LongConsumer onLost) throws MqttException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.inFlight = new InFlightLimit(settings.receiveMaximum(), settings.maxInFlightBytes());
        this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                if (!taking || !inFlight.admit(message.getPayload().length, () -> client.isConnected() && !closed && taking)) {
                    return; // stopping, or the connection is going: the broker delivers this message again later
                }
                onMessage.accept(new InboundMessage(topic, message.getPayload(), message.getId(), message.getQos(),
                        connection.get(), System.currentTimeMillis()));
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                connected = true;
                LOG.info("connected to {} as {} (connection {}{})", serverUri, settings.clientId(), connection.get(),
                        reconnect ? ", reconnected" : "");
                subscribe();
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                lost(response.getException() != null ? MqttClients.describe(response.getException()) : response.toString());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                LOG.warn("MQTT error: {}", exception.toString());
            }

            /*
             * Paho stops its callback thread before reporting a loss and starts it again only for the
             * next connection, so every message of the lost connection was delivered before this runs
             * and every later one carries the next number.
             */
            private void lost(String why) {
                connected = false;
                subscribed = false;
                long number = connection.getAndIncrement();
                LOG.warn("lost the broker connection {}: {}; unacknowledged messages will be delivered again", number, why);
                onLost.accept(number);
            }
        });
    }

    /** Connects in the background, retrying until connected or closed; Paho reconnects after that. */
    public void start() {
        connector = new Thread(this::connectUntilConnected, "mqtt-connect-" + settings.clientId());
        connector.setDaemon(true);
        connector.start();
    }

    private void connectUntilConnected() {
        MqttConnectionOptions options = MqttClients.reconnecting(settings.serverUri(), settings.username(), settings.password());
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        MqttClients.connectUntilConnected(client, options, () -> closed, LOG::warn);
    }

    /**
     * Subscribes (again: harmless on a persistent session) and checks every SUBACK reason code, since
     * a broker may refuse a filter (an ACL, a disabled shared subscription) and still answer.
     */
    private void subscribe() {
        MqttSubscription[] subscriptions = settings.subscriptions().stream().map(t -> new MqttSubscription(t, 1))
                .toArray(MqttSubscription[]::new);
        try {
            // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    List<String> refused = new java.util.ArrayList<>();
                    for (int i = 0; i < subscriptions.length; i++) {
                        int code = codes != null && i < codes.length ? codes[i] : 0x80;
                        if (code >= 0x80) {
                            refused.add(subscriptions[i].getTopic() + " (reason code 0x" + Integer.toHexString(code) + ")");
                        }
                    }
                    if (refused.isEmpty()) {
                        subscribed = true;
                        LOG.info("subscribed to {}", settings.subscriptions());
                    } else {
                        LOG.error("the broker refused the subscription to {}; no messages will arrive until that is fixed", refused);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    LOG.error("subscribing to {} failed: {}", settings.subscriptions(), String.valueOf(exception));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("cannot subscribe to {}: {}", settings.subscriptions(), e.toString());
        }
    }

    /**
     * Acknowledges a message, if the connection that delivered it is still the current one. On a
     * newer connection the packet id could belong to another message; the broker re-sends the old one.
     *
     * @return whether an acknowledgement was sent
     */
    public boolean acknowledge(InboundMessage message) {
        inFlight.release(message.payload().length);
        if (message.qos() == 0 || message.connection() != connection.get()) {
            return false;
        }
        try {
            client.messageArrivedComplete(message.mqttId(), message.qos());
            return true;
        } catch (MqttException | RuntimeException e) {
            LOG.debug("could not acknowledge message {}: {}", message.mqttId(), e.toString());
            return false;
        }
    }

    /** A message left ingest without acknowledgement because its connection was lost. */
    public void forget(InboundMessage message) {
        inFlight.release(message.payload().length);
    }

    public boolean isConnected() {
        return connected && client.isConnected();
    }

    /** Connected and every subscription granted: messages can arrive. */
    public boolean isSubscribed() {
        return subscribed && isConnected();
    }

    /**
     * Takes no more messages: later deliveries are left unacknowledged for the broker to send again, so a
     * shutdown can finish what it holds instead of chasing a stream that keeps coming.
     */
    public void stopTaking() {
        taking = false;
    }

    /** Disconnects cleanly; the broker keeps the session and queues for this client id. */
    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        MqttClients.disconnectAndClose(client, 5_000, LOG::debug);
    }
}
