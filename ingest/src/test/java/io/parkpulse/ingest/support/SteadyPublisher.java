package io.parkpulse.ingest.support;

import io.parkpulse.simulators.mqtt.GatewayPublisher;

import java.util.concurrent.atomic.AtomicReference;

/** Publishes {@link Readings} at a fixed message rate on its own thread until stopped. */
public final class SteadyPublisher implements AutoCloseable {

    private final GatewayPublisher gateway;
    private final Readings readings;
    private final long intervalNanos;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    public SteadyPublisher(GatewayPublisher gateway, Readings readings, int messagesPerSecond) {
        this.gateway = gateway;
        this.readings = readings;
        this.intervalNanos = 1_000_000_000L / messagesPerSecond;
        this.thread = new Thread(this::run, "steady-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                gateway.publish(readings.nextMessage());
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                return;
            }
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops after the message in progress; returns how many readings the broker acknowledged. */
    public long stop() throws InterruptedException {
        running = false;
        thread.join(60_000);
        if (failure.get() != null) {
            throw new AssertionError("publishing failed", failure.get());
        }
        return readings.published();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }
}
