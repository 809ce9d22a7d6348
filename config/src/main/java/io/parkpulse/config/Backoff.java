package io.parkpulse.config;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: the first wait after one failure, doubling with every further failure up to
 * {@code max}, each wait shortened by a random share of up to {@code jitter} so that many clients failing together do
 * not retry in step. The one retry rule of every loop that tries until it succeeds (broker connections, InfluxDB
 * writes, a gateway's uplink, the simulators' publishers); each names its own values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first  the wait after the first failure
 * @param max    the longest wait
 * @param jitter the largest share of a wait taken off at random, 0 (none) to 1
 */
public record Backoff(Duration first, Duration max, double jitter) {

    /** The longest wait a retry loop may name: beyond it a loop is not retrying but gone. */
    static final Duration LONGEST = Duration.ofDays(1);

    public Backoff {
        if (first.compareTo(Duration.ofMillis(1)) < 0 || max.compareTo(first) < 0 || max.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a backoff needs 1 ms <= first <= max <= " + LONGEST + ", got " + first + " and " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter is a share between 0 and 1, got " + jitter);
        }
    }

    /** Doubling from {@code first} up to {@code max}, without jitter. */
    public static Backoff doubling(Duration first, Duration max) {
        return new Backoff(first, max, 0);
    }

    /** This backoff with waits shortened at random by up to {@code share} of each. */
    public Backoff withJitter(double share) {
        return new Backoff(first, max, share);
    }

    /** Milliseconds to wait after {@code failures} failures in a row (1 for the first); at least 1. */
    public long delayMs(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("a wait follows at least one failure, not " + failures);
        }
        long firstMs = first.toMillis();
        long maxMs = max.toMillis();
        int doublings = Math.min(failures - 1, 62 - (63 - Long.numberOfLeadingZeros(Math.max(1, firstMs))));
        long wait = Math.min(maxMs, firstMs << Math.max(0, doublings));
        if (jitter > 0) {
            wait -= ThreadLocalRandom.current().nextLong((long) (wait * jitter) + 1);
        }
        return Math.max(1, wait);
    }
}
