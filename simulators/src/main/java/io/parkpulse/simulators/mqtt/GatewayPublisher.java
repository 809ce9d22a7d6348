package io.parkpulse.simulators.mqtt;

import io.parkpulse.config.Backoff;
import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated gateway's MQTT side, speaking the wire contract: telemetry at QoS 1, a retained
 * {@code online} status with an {@code offline} last will, and the platform's rejection reports from
 * the gateway's {@code rejected} topic.
 *
 * <p>Thread-safe; {@link #publish} blocks until the broker acknowledged the message.
 */
public final class GatewayPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayPublisher.class);
    private static final int KEPT_REPORTS = 1000;
    /** Waits between attempts to deliver a message: 200 ms doubling to 10 s, as a gateway's store-and-forward. */
    private static final Backoff RETRY = Backoff.doubling(Duration.ofMillis(200), Duration.ofSeconds(10));
    /** Messages sent and not yet acknowledged at most, for {@link #publishAsync}; below brokers' usual receive maximum. */
    private static final int ASYNC_WINDOW = 200;

    /** Where to connect and who to be. */
    public record Settings(String brokerUrl, String park, String gateway, String username, String password) {
        public Settings {
            Objects.requireNonNull(brokerUrl, "brokerUrl");
            Objects.requireNonNull(park, "park");
            Objects.requireNonNull(gateway, "gateway");
        }

        public static Settings anonymous(String brokerUrl, String park, String gateway) {
            return new Settings(brokerUrl, park, gateway, null, null);
        }
    }

    private final Settings settings;
    private final String ackTopic;
    private final MqttAsyncClient client;
    private final TelemetryEncoder encoder = new TelemetryEncoder();
    private final ArrayDeque<RejectionReport> recentReports = new ArrayDeque<>();
    private volatile Consumer<RejectionReport> onReport = r -> { };
    /** Told of each end-to-end ack once {@link #subscribeAcks} was called; null before. */
    private volatile Consumer<Acknowledgement> onAck;
    private final java.util.concurrent.atomic.AtomicLong ignoredAcks = new java.util.concurrent.atomic.AtomicLong();
    private final Semaphore window = new Semaphore(ASYNC_WINDOW);
    private volatile boolean closed;

    private GatewayPublisher(Settings settings) throws MqttException {
        this.settings = settings;
        this.ackTopic = Topics.ack(settings.park(), settings.gateway());
        String clientId = "gw-" + settings.park() + "-" + settings.gateway() + "-" + Long.toHexString(System.nanoTime());
        this.client = new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
        client.setCallback(new ReportListener());
    }

    /** Connects, subscribes to the gateway's rejection reports and announces the gateway online. */
    public static GatewayPublisher connect(Settings settings) throws MqttException {
        GatewayPublisher publisher = new GatewayPublisher(settings);
        publisher.start();
        return publisher;
    }

    private void start() throws MqttException {
        MqttConnectionOptions options = MqttClients.options(settings.brokerUrl());
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        options.setWill(Topics.status(settings.park(), settings.gateway()), new MqttMessage(GatewayStatus.OFFLINE.payload(), 1, true, null));
        client.connect(options).waitForCompletion(15_000);
        MqttClients.watchReconnection(client, () -> closed, LOG::warn);
        // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.rejected(settings.park(), settings.gateway()), 1)},
                null, null, new MqttProperties()).waitForCompletion(15_000);
        publishStatus(GatewayStatus.ONLINE);
    }

    /**
     * Subscribes to the gateway's end-to-end ack topic ({@link Topics#ack}) and hands every v1 ack to
     * {@code listener} on Paho's callback thread; after a reconnection the subscription is made again (the session
     * starts clean). Acks of another version or rejected ones ({@link Acknowledgement#decode}) are counted
     * ({@link #ignoredAcks}) and dropped.
     */
    public void subscribeAcks(Consumer<Acknowledgement> listener) throws MqttException {
        this.onAck = Objects.requireNonNull(listener);
        subscribe(ackTopic);
    }

    /** Acks received but ignored: another version than 1, or rejected. */
    public long ignoredAcks() {
        return ignoredAcks.get();
    }

    private void subscribe(String topic) throws MqttException {
        // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, null, null, new MqttProperties())
                .waitForCompletion(15_000);
    }

    /** Receives every rejection report from now on, on Paho's callback thread. */
    public void onReport(Consumer<RejectionReport> listener) {
        this.onReport = Objects.requireNonNull(listener);
    }

    public void publish(TelemetryMessage message) throws MqttException {
        publishRaw(encoder.encode(message));
    }

    /** Publishes any bytes as telemetry, as a faulty gateway might. */
    public void publishRaw(byte[] payload) throws MqttException {
        client.publish(Topics.telemetry(settings.park(), settings.gateway()), payload, 1, false).waitForCompletion(60_000);
    }

    /**
     * Publishes telemetry and waits for the PUBACK, like {@link #publishRaw}, but refuses to count a message the
     * broker had no subscriber for (reason code 0x10): after a restart Mosquitto forgets the shared subscriptions of
     * offline sessions, and such a message would reach nobody. The caller sends it again later, as the gateway does.
     *
     * @throws NoSubscriberException when the broker had no subscriber for it
     */
    public void publishRawToSubscribers(byte[] payload) throws MqttException {
        IMqttToken token = client.publish(Topics.telemetry(settings.park(), settings.gateway()), payload, 1, false);
        token.waitForCompletion(60_000);
        if (noSubscriber(token)) {
            throw new NoSubscriberException(Topics.telemetry(settings.park(), settings.gateway()));
        }
    }

    private static boolean noSubscriber(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes != null && codes.length > 0 && codes[0] == NO_MATCHING_SUBSCRIBERS;
    }

    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    /**
     * Publishes like {@link #publishRawToSubscribers} until the broker takes the message for a subscriber, the way a
     * gateway's store-and-forward does: after a failed attempt (connection lost, no subscriber yet) it waits 200 ms,
     * doubling up to 10 s, and tries again. A message re-sent after a lost PUBACK may reach the broker twice, which
     * QoS 1 allows and ingest's idempotent writes absorb.
     *
     * @param failedAttempt told of each failed attempt with its cause and the number of attempts failed so far
     * @param giveUp        asked before each new attempt; true abandons the message
     * @return false if abandoned ({@code giveUp}, or the thread interrupted) before the message was delivered
     */
    public boolean publishUntilDelivered(byte[] payload, ObjIntConsumer<Exception> failedAttempt, BooleanSupplier giveUp) {
        for (int failures = 1; ; failures++) {
            try {
                publishRawToSubscribers(payload);
                return true;
            } catch (MqttException | RuntimeException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt(); // Paho turns an interrupted wait into an MqttException
                }
                failedAttempt.accept(e, failures);
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

    /** The broker acknowledged a message but had no subscriber for it. */
    public static final class NoSubscriberException extends RuntimeException {
        NoSubscriberException(String topic) {
            super("the broker has no subscriber for " + topic + " (is ingest subscribed?)");
        }
    }

    /**
     * Publishes telemetry without waiting for the broker, keeping at most {@value #ASYNC_WINDOW} messages
     * unacknowledged (blocks while the window is full). {@code acknowledged} runs on Paho's thread once
     * the broker acknowledged the message (QoS 1) or it was written to the network (QoS 0);
     * {@code failed} runs instead if it could not be delivered, or the broker said it had no subscriber for it
     * (QoS 1, reason 0x10: a load run must not count such a message as delivered).
     */
    public void publishAsync(byte[] payload, int qos, Runnable acknowledged, Consumer<Throwable> failed) throws InterruptedException {
        window.acquire();
        MqttActionListener listener = new MqttActionListener() {
            // the slot is freed after the callback ran, so awaitAcknowledged returns only once every count has landed
            @Override
            public void onSuccess(IMqttToken token) {
                try {
                    if (qos > 0 && noSubscriber(token)) {
                        failed.accept(new NoSubscriberException(Topics.telemetry(settings.park(), settings.gateway())));
                    } else {
                        acknowledged.run();
                    }
                } finally {
                    window.release();
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                try {
                    failed.accept(exception);
                } finally {
                    window.release();
                }
            }
        };
        try {
            client.publish(Topics.telemetry(settings.park(), settings.gateway()), payload, qos, false, null, listener);
        } catch (MqttException e) {
            try {
                failed.accept(e);
            } finally {
                window.release();
            }
        }
    }

    /** Waits until every message passed to {@link #publishAsync} is acknowledged or failed. */
    public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        if (window.tryAcquire(ASYNC_WINDOW, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            window.release(ASYNC_WINDOW);
            return true;
        }
        return false;
    }

    public void publishStatus(GatewayStatus status) throws MqttException {
        client.publish(Topics.status(settings.park(), settings.gateway()), status.payload(), 1, true).waitForCompletion(15_000);
    }

    /**
     * The first report received (among the last {@value #KEPT_REPORTS}) about the message with this
     * sequence number ({@code null}: a message whose seq was unreadable), or {@code null} after the timeout.
     */
    public RejectionReport reportFor(Long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            synchronized (recentReports) {
                for (RejectionReport r : recentReports) {
                    if (Objects.equals(r.seq(), seq)) {
                        return r;
                    }
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    public Settings settings() {
        return settings;
    }

    /** Says {@code offline} (a clean disconnect does not fire the will) and disconnects. */
    @Override
    public void close() throws MqttException {
        closed = true;
        if (client.isConnected()) {
            publishStatus(GatewayStatus.OFFLINE);
            client.disconnect().waitForCompletion(10_000);
        }
        client.close();
    }

    private final class ReportListener extends CallbackAdapter {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect || onAck == null) {
                return;
            }
            // a clean session: the broker forgot the ack subscription (not on Paho's callback thread: it would wait on itself)
            Thread resubscribe = new Thread(() -> {
                try {
                    subscribe(ackTopic);
                    subscribe(Topics.rejected(settings.park(), settings.gateway()));
                } catch (MqttException e) {
                    LOG.warn("gateway {} could not subscribe again to its acks after reconnecting: {}", settings.gateway(),
                            MqttClients.describe(e));
                }
            }, "resubscribe-" + settings.gateway());
            resubscribe.setDaemon(true);
            resubscribe.start();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Consumer<Acknowledgement> ackListener = onAck;
            if (topic.equals(ackTopic)) {
                if (ackListener == null) {
                    return;
                }
                Acknowledgement.Decoded decoded = Acknowledgement.decode(message.getPayload());
                if (decoded.ok()) {
                    ackListener.accept(decoded.ack());
                    return;
                }
                long ignored = ignoredAcks.incrementAndGet();
                if (ignored == 1 || ignored % 1000 == 0) {
                    LOG.warn("gateway {} ignored {} ack(s) so far, the last: {}", settings.gateway(), ignored, decoded.problem());
                }
                return;
            }
            RejectionReport report;
            try {
                report = RejectionReport.fromJson(message.getPayload());
            } catch (IllegalArgumentException e) {
                return;
            }
            synchronized (recentReports) {
                if (recentReports.size() == KEPT_REPORTS) {
                    recentReports.pollFirst();
                }
                recentReports.addLast(report);
            }
            onReport.accept(report);
        }
    }
}
