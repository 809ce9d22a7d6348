package io.parkpulse.gateway.uplink;

import io.parkpulse.config.Backoff;
import io.parkpulse.gateway.buffer.BufferedMessage;
import io.parkpulse.gateway.buffer.StoreAndForwardBuffer;
import io.parkpulse.gateway.status.GatewayMetrics;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the buffer to the broker, oldest first: publish, wait for the PUBACK, then remove. One message
 * at a time keeps the order the readings were taken in, across outages and restarts; a message whose
 * PUBACK was lost is sent again, which stores the same points again (idempotent by meter and time). A
 * message the broker had no subscriber for stays in the buffer too (see {@link MqttUplink.Delivery}).
 */
public final class Sender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final long PUBACK_TIMEOUT_MS = 10_000;
    /** Waits after a message the broker did not take (connection lost, no subscriber yet): 100 ms doubling to 5 s. */
    private static final Backoff RETRY = Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final StoreAndForwardBuffer buffer;
    private final MqttUplink uplink;
    private final GatewayMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean platformListening = true;
    private long noSubscriberSince;

    public Sender(StoreAndForwardBuffer buffer, MqttUplink uplink, GatewayMetrics metrics) {
        this.buffer = buffer;
        this.uplink = uplink;
        this.metrics = metrics;
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
                Optional<BufferedMessage> next = buffer.peek(Duration.ofMillis(500));
                if (next.isEmpty()) {
                    continue;
                }
                BufferedMessage message = next.get();
                MqttUplink.Delivery delivery = uplink.publishTelemetry(message.message(), PUBACK_TIMEOUT_MS);
                platformListening = delivery != MqttUplink.Delivery.NO_SUBSCRIBER;
                if (delivery == MqttUplink.Delivery.DELIVERED) {
                    buffer.acknowledge(message);
                    metrics.published(message.readings());
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
