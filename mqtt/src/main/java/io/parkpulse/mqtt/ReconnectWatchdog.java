package io.parkpulse.mqtt;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Watches one client's connection beside Paho's own reconnect timer, which was seen to stop trying: after a 60 s broker
 * outage the ingest client stayed disconnected for over a minute while the gateway's client was long back. Every
 * {@link #CHECK_MS} a client that is disconnected (and not closed) is asked to reconnect now; one that is already
 * connecting says so and is left alone. The first check after a loss leaves Paho's timer the first go.
 *
 * <p>Threading: every watchdog runs on one shared daemon thread; its state is touched by that thread only.
 */
final class ReconnectWatchdog implements Runnable {

    /** How often a disconnected client is asked to reconnect now. */
    static final long CHECK_MS = 5_000;

    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-reconnect-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final MqttAsyncClient client;
    private final BooleanSupplier closed;
    private final Consumer<String> warn;
    /** When the client was first seen disconnected, epoch ms; 0 while connected. */
    private long downSince;
    /** Whether this outage was already told to {@link #warn}: once per outage. */
    private boolean told;
    private ScheduledFuture<?> schedule;

    private ReconnectWatchdog(MqttAsyncClient client, BooleanSupplier closed, Consumer<String> warn) {
        this.client = client;
        this.closed = closed;
        this.warn = warn;
    }

    /** Starts watching {@code client} until {@code closed} says so. */
    static void watch(MqttAsyncClient client, BooleanSupplier closed, Consumer<String> warn) {
        ReconnectWatchdog watchdog = new ReconnectWatchdog(client, closed, warn);
        synchronized (watchdog) { // the first run must see the schedule it may cancel
            watchdog.schedule = THREAD.scheduleWithFixedDelay(watchdog, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void run() {
        if (closed.getAsBoolean()) {
            schedule.cancel(false);
            return;
        }
        if (client.isConnected()) {
            downSince = 0;
            told = false;
            return;
        }
        long now = System.currentTimeMillis();
        if (downSince == 0) {
            downSince = now;
            return; // give Paho's own timer the first go
        }
        try {
            client.reconnect();
            if (!told) {
                told = true;
                warn.accept("still not connected to " + client.getServerURI() + " after " + (now - downSince) / 1000
                        + " s; asking for a reconnect every " + CHECK_MS / 1000 + " s until it is back");
            }
        } catch (MqttException | RuntimeException e) {
            // already connecting or disconnecting: Paho is at it
        }
    }
}
