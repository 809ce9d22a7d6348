package io.parkpulse.gateway.nbiot;

import org.slf4j.Logger;

/**
 * At most one warning per period: a misconfigured product or a scanner hammering the push URL must not flood the
 * log of an edge box. The warnings in between are counted and reported with the next one.
 */
public final class ThrottledWarnings {

    private final Logger log;
    private final long periodMs;
    private long nextAllowedMs;
    private long suppressed;

    public ThrottledWarnings(Logger log, long periodMs) {
        this.log = log;
        this.periodMs = periodMs;
    }

    public synchronized void warn(String message) {
        long now = System.currentTimeMillis();
        if (now < nextAllowedMs) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            log.warn("{} ({} similar warnings suppressed in the last {} s)", message, suppressed, periodMs / 1000);
        } else {
            log.warn(message);
        }
        suppressed = 0;
        nextAllowedMs = now + periodMs;
    }
}
