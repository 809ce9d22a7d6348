package io.parkpulse.gateway.uplink;

import io.parkpulse.config.Backoff;
import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.SeqRanges;
import io.parkpulse.gateway.buffer.BufferedMessage;
import io.parkpulse.gateway.buffer.StoreAndForwardBuffer;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.status.GatewayMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the buffer to the broker, oldest first: publish, wait for the PUBACK, then remove. One message
 * at a time keeps the order the readings were taken in, across outages and restarts; a message whose
 * PUBACK was lost is sent again, which stores the same points again (idempotent by meter and time). A
 * message the broker had no subscriber for stays in the buffer too (see {@link MqttUplink.Delivery}).
 *
 * <p>With end-to-end acks (the default) the PUBACK only moves the buffer's sent cursor: a message leaves the buffer
 * when the platform confirms its seq on the {@code ack} topic ({@link #onAck}), and one not confirmed in time is sent
 * again, oldest first, before any new message, with at most {@code max_unconfirmed} awaiting confirmation.
 */
public final class Sender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final long PUBACK_TIMEOUT_MS = 10_000;
    /** Waits after a message the broker did not take (connection lost, no subscriber yet): 100 ms doubling to 5 s. */
    private static final Backoff RETRY = Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final StoreAndForwardBuffer buffer;
    private final MqttUplink uplink;
    private final GatewayMetrics metrics;
    private final GatewayConfig.Acks acks;
    private final ResendSchedule schedule;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long acksReceived;
    private boolean warnedNoAcks;
    private volatile boolean platformListening = true;
    private long noSubscriberSince;

    /** A sender forgetting each message at its PUBACK (no end-to-end acks). */
    public Sender(StoreAndForwardBuffer buffer, MqttUplink uplink, GatewayMetrics metrics) {
        this(buffer, uplink, metrics, GatewayConfig.Acks.BROKER_ONLY);
    }

    public Sender(StoreAndForwardBuffer buffer, MqttUplink uplink, GatewayMetrics metrics, GatewayConfig.Acks acks) {
        this.buffer = buffer;
        this.uplink = uplink;
        this.metrics = metrics;
        this.acks = acks;
        this.schedule = new ResendSchedule(Backoff.doubling(acks.resendAfter(), acks.resendMax()));
        this.thread = new Thread(this::run, "uplink-sender");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                if (!uplink.isConnected()) {
                    Thread.sleep(100);
                    continue;
                }
                MqttUplink.Delivery delivery = acks.endToEnd() ? sendOrResend() : sendOldest();
                if (delivery == null) {
                    continue;
                }
                platformListening = delivery != MqttUplink.Delivery.NO_SUBSCRIBER;
                if (delivery == MqttUplink.Delivery.DELIVERED) {
                    failures = 0;
                    noSubscriberSince = 0;
                } else {
                    if (delivery == MqttUplink.Delivery.NO_SUBSCRIBER) {
                        metrics.noSubscriber();
                        if (noSubscriberSince == 0) {
                            noSubscriberSince = System.currentTimeMillis();
                            LOG.warn("the broker has no subscriber for this gateway's telemetry (ingest not subscribed yet?); "
                                    + "keeping {} messages in the buffer until it has", buffer.depthMessages());
                        }
                    }
                    Thread.sleep(RETRY.delayMs(++failures));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.error("sending from the buffer failed; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Without end-to-end acks: the oldest message, removed at its PUBACK. Null when there was nothing to send. */
    private MqttUplink.Delivery sendOldest() throws InterruptedException {
        Optional<BufferedMessage> next = buffer.peek(Duration.ofMillis(500));
        if (next.isEmpty()) {
            return null;
        }
        BufferedMessage message = next.get();
        MqttUplink.Delivery delivery = uplink.publishTelemetry(message.message(), PUBACK_TIMEOUT_MS);
        if (delivery == MqttUplink.Delivery.DELIVERED) {
            buffer.acknowledge(message);
            metrics.published(message.readings());
        }
        return delivery;
    }

    /**
     * With end-to-end acks: the oldest unconfirmed message whose resend is due, else the next unsent one while fewer
     * than {@code max_unconfirmed} await confirmation. Null when there was nothing to send.
     */
    private MqttUplink.Delivery sendOrResend() throws InterruptedException {
        long now = System.currentTimeMillis();
        long oldest = buffer.oldestSeq();
        schedule.forgetBelow(oldest < 0 ? Long.MAX_VALUE : oldest);
        warnIfNoAcks(now);
        OptionalLong due = schedule.oldestDue(now);
        if (due.isPresent()) {
            Optional<BufferedMessage> again = buffer.unconfirmed(due.getAsLong());
            if (again.isEmpty()) {
                schedule.forget(due.getAsLong());
                return null;
            }
            MqttUplink.Delivery delivery = uplink.publishTelemetry(again.get().message(), PUBACK_TIMEOUT_MS);
            if (delivery == MqttUplink.Delivery.DELIVERED) {
                schedule.resent(due.getAsLong(), System.currentTimeMillis());
                metrics.resent();
            }
            return delivery;
        }
        long wait = Math.max(1, schedule.msUntilNextDue(now, 500));
        if (schedule.size() >= acks.maxUnconfirmed()) {
            Thread.sleep(Math.min(wait, 100));
            return null;
        }
        Optional<BufferedMessage> next = buffer.nextUnsent(Duration.ofMillis(wait));
        if (next.isEmpty()) {
            return null;
        }
        BufferedMessage message = next.get();
        schedule.sending(message.seq(), System.currentTimeMillis());
        MqttUplink.Delivery delivery = uplink.publishTelemetry(message.message(), PUBACK_TIMEOUT_MS);
        if (delivery == MqttUplink.Delivery.DELIVERED) {
            buffer.markSent(message);
            metrics.published(message.readings());
        } else {
            schedule.notSent(message.seq());
        }
        return delivery;
    }

    /**
     * An end-to-end ack arrived on the gateway's {@code ack} topic (Paho's callback thread). Never throws: an ack
     * {@link Acknowledgement#decode} rejects, or one of another version, is counted and ignored.
     */
    public void onAck(byte[] payload) {
        try {
            Acknowledgement.Decoded decoded = Acknowledgement.decode(payload);
            if (decoded instanceof Acknowledgement.Accepted accepted) {
                acksReceived++;
                metrics.ackReceived();
                if (buffer.isClosed()) {
                    return;
                }
                for (SeqRanges.Range r : accepted.ack().done()) {
                    schedule.confirmed(r.first(), r.last());
                    buffer.confirm(r.first(), r.last());
                }
            } else if (decoded instanceof Acknowledgement.OtherVersion other) {
                metrics.ackIgnored("unknown_version", "an ack of version " + other.version() + " ignored; this gateway reads version 1");
            } else {
                metrics.ackIgnored("malformed", "a malformed ack ignored: " + decoded.problem());
            }
        } catch (RuntimeException e) {
            if (!buffer.isClosed()) {
                LOG.warn("handling an ack failed; ignored", e);
            }
        }
    }

    private void warnIfNoAcks(long now) {
        if (!warnedNoAcks && acksReceived == 0 && schedule.oldestAgeMs(now) > acks.resendMax().toMillis()) {
            warnedNoAcks = true;
            LOG.warn("no end-to-end ack from the platform for {} s although the broker took the messages: is ingest older than "
                    + "this gateway (set acks.end_to_end: false) or may this gateway not read its ack topic (broker ACL)? "
                    + "Messages stay in the buffer and are sent again", schedule.oldestAgeMs(now) / 1000);
        }
    }

    /** Messages sent and not yet confirmed end to end (0 without end-to-end acks). */
    public int unconfirmed() {
        return schedule.size();
    }

    /** Seconds the oldest unconfirmed message has waited since its first send; 0 when none. */
    public double oldestUnconfirmedAgeSeconds() {
        return schedule.oldestAgeMs(System.currentTimeMillis()) / 1000.0;
    }

    /** False while the broker answers that nobody subscribes to the gateway's telemetry. */
    public boolean platformListening() {
        return platformListening;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
