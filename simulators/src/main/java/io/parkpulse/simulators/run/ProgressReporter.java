package io.parkpulse.simulators.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a progress line at a fixed wall-clock interval: the simulated time reached, readings
 * delivered and the rate since the last line, rejections reported by the platform.
 *
 * <p>Thread-safe; prints from its own daemon thread.
 */
public final class ProgressReporter implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private final RunStats stats;
    private final ZoneId zone;
    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private long lastReadings;
    private long lastNanos = startNanos;

    public ProgressReporter(RunStats stats, ZoneId zone, PrintStream out, Duration every) {
        this.stats = stats;
        this.zone = zone;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void print() {
        long now = System.nanoTime();
        long readings = stats.readingsDelivered();
        double seconds = (now - lastNanos) / 1e9;
        out.println(line(readings, (readings - lastReadings) / Math.max(seconds, 1e-9), "readings/s"));
        lastReadings = readings;
        lastNanos = now;
    }

    private String line(long readings, double rate, String unit) {
        long sim = stats.simulatedMs();
        String at = sim == Long.MIN_VALUE ? "warming up" : TIME.format(Instant.ofEpochMilli(sim).atZone(zone));
        return String.format(Locale.ROOT, "simulated %s | %,d readings delivered in %,d messages | %,.0f %s | %,d rejected | %,d publish retries",
                at, readings, stats.messagesDelivered(), rate, unit, stats.rejections(), stats.publishFailures());
    }

    /** Stops printing and prints the totals of the whole run. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long readings = stats.readingsDelivered();
        out.println("done: " + line(readings, readings / Math.max(seconds, 1e-9), "readings/s on average")
                + String.format(Locale.ROOT, " | %.1f s", seconds));
    }
}
