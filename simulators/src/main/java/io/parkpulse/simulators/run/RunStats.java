package io.parkpulse.simulators.run;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a run, updated by the simulation thread and the publishing threads.
 *
 * <p>Thread-safe.
 */
public final class RunStats {

    private final AtomicLong readingsMade = new AtomicLong();
    private final AtomicLong messagesMade = new AtomicLong();
    private final AtomicLong readingsDelivered = new AtomicLong();
    private final AtomicLong messagesDelivered = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong rejectionReports = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private volatile long simulatedMs = Long.MIN_VALUE;

    void made(OutgoingMessage m) {
        messagesMade.incrementAndGet();
        if (!m.copy()) {
            readingsMade.addAndGet(m.readings());
        }
    }

    /** A sink confirms a message: the broker acknowledged it, or it was written. */
    public void delivered(OutgoingMessage m) {
        messagesDelivered.incrementAndGet();
        if (!m.copy()) {
            readingsDelivered.addAndGet(m.readings());
        }
    }

    public void rejected(int readings) {
        rejectionReports.incrementAndGet();
        rejections.addAndGet(readings);
    }

    public void publishFailed() {
        publishFailures.incrementAndGet();
    }

    void simulatedTime(long ms) {
        simulatedMs = ms;
    }

    /** Readings in messages made (each reading once, however often its message was published). */
    public long readingsMade() {
        return readingsMade.get();
    }

    public long messagesMade() {
        return messagesMade.get();
    }

    public long readingsDelivered() {
        return readingsDelivered.get();
    }

    public long messagesDelivered() {
        return messagesDelivered.get();
    }

    /** Rejections the platform reported (readings or whole messages, as its reports count them). */
    public long rejections() {
        return rejections.get();
    }

    public long rejectionReports() {
        return rejectionReports.get();
    }

    public long publishFailures() {
        return publishFailures.get();
    }

    public long simulatedMs() {
        return simulatedMs;
    }
}
