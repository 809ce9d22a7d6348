package io.parkpulse.ingest.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Live rollups of one ingest instance, wired: collects on the caller's event loop, flushes on a timer of that event
 * loop, publishes through its own broker connection (docs/live.md).
 */
public final class LivePublishing implements AutoCloseable {

    /** How often each instance sends everything it knows, so a dashboard that just started is complete within it. */
    static final Duration FULL_EVERY = Duration.ofSeconds(30);
    /** A rollup message holds at most this many meters (about 60 bytes each). */
    static final int METERS_PER_MESSAGE = 2_000;
    /** Unwritten rollup messages allowed before new ones are dropped. */
    static final int MAX_OUTSTANDING = 64;

    private final Vertx vertx;
    private final PahoRollupSender sender;
    private final LiveRollups rollups;
    private final long timer;

    private LivePublishing(Vertx vertx, PahoRollupSender sender, LiveRollups rollups, long timer) {
        this.vertx = vertx;
        this.sender = sender;
        this.rollups = rollups;
        this.timer = timer;
    }

    /** Starts publishing every {@code interval}; call on the event loop that will call {@link #accept}. */
    public static LivePublishing start(Vertx vertx, PahoRollupSender.Settings settings, Duration interval, MeterRegistry registry)
            throws MqttException {
        PahoRollupSender sender = new PahoRollupSender(settings, MAX_OUTSTANDING);
        int fullEvery = (int) Math.max(1, FULL_EVERY.toMillis() / interval.toMillis());
        LiveRollups rollups = new LiveRollups(settings.clientId(), sender, fullEvery, METERS_PER_MESSAGE, System::currentTimeMillis,
                registry);
        registry.gauge("parkpulse.ingest.live.connected", sender, s -> s.isConnected() ? 1 : 0);
        sender.start();
        long timer = vertx.setPeriodic(interval.toMillis(), id -> rollups.flush());
        return new LivePublishing(vertx, sender, rollups, timer);
    }

    /** Takes note of a prepared message; on the event loop that started this. */
    public void accept(PreparedMessage message) {
        rollups.accept(message);
    }

    /** Stops the timer and disconnects; blocks for up to a few seconds, so not on an event loop. */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
        sender.close();
    }
}
