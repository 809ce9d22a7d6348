package io.parkpulse.ingest.pipeline;

import java.time.Duration;

/**
 * When prepared messages go to InfluxDB as one write: as soon as a batch holds {@code maxPoints} points or
 * {@code maxMessages} messages, or its first message has waited {@code maxDelay} (zero: every message at once).
 */
public record Batching(int maxPoints, int maxMessages, Duration maxDelay) {

    public Batching {
        if (maxPoints < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("a batch holds at least one point and one message, not " + maxPoints + " / " + maxMessages);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("the batch delay must not be negative, got " + maxDelay);
        }
    }
}
