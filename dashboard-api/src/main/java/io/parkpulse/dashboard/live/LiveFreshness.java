package io.parkpulse.dashboard.live;

import io.parkpulse.park.Gateway;
import io.parkpulse.park.Meter;
import java.time.Duration;
import java.util.List;

/**
 * How old a meter's live values may be and still count as now (docs/live.md#freshness): three of its reading
 * intervals, at least five minutes. Older values are not summed into the live panel nor judged by {@code power_above}
 * — a gateway replaying hours of buffer, or a meter that died, must not show as the present load. One rule for the
 * panel and the alarms.
 */
public final class LiveFreshness {

    /** The least age that still counts: live values arrive every few seconds to minutes. */
    static final Duration AT_LEAST = Duration.ofMinutes(5);
    static final int READING_INTERVALS = 3;

    private LiveFreshness() {
    }

    /** The oldest {@code meter}'s live values may be, ms. */
    public static long maxAgeMs(Meter meter) {
        return Math.max(READING_INTERVALS * meter.counter().readingInterval().toMillis(), AT_LEAST.toMillis());
    }

    /** Whether {@code live}'s values count as now for {@code meter}. */
    public static boolean isFresh(Meter meter, LiveView.MeterLive live, long nowMs) {
        return live != null && live.isFresh(nowMs, maxAgeMs(meter));
    }

    /**
     * How old {@code meter}'s newest values may be before something is wrong: {@link #maxAgeMs(Meter)}, or behind a
     * gateway that batches (an NB-IoT platform pushing a day of readings once a day) one uplink interval plus a reading
     * interval more than that. Values between the two are shown with their age but are not the present load: not summed,
     * not judged, and not stale either.
     */
    public static long overdueAfterMs(Meter meter, Gateway gateway) {
        return maxAgeMs(meter) + batchingDelayMs(meter, gateway);
    }

    /** How late by device time a batching gateway delivers {@code meter}'s readings in normal work (0: it does not batch). */
    public static long batchingDelayMs(Meter meter, Gateway gateway) {
        if (gateway == null || gateway.uplinkInterval() == null) {
            return 0;
        }
        return gateway.uplinkInterval().plus(meter.counter().readingInterval()).toMillis();
    }

    /** Whether {@code known}'s values are older than {@link #overdueAfterMs} allows. */
    public static boolean isOverdue(Meter meter, Gateway gateway, LiveView.MeterLive known, long nowMs) {
        return known != null && known.valuesAtMs() != null && nowMs - known.valuesAtMs() > overdueAfterMs(meter, gateway);
    }

    /**
     * How long {@code gateway} may stay quiet (no reading of any of {@code its} meters) and still count as
     * delivering: as long as its quickest meter may be old, and at least its uplink interval (an NB-IoT platform
     * pushing once a day) plus {@link #AT_LEAST}.
     */
    public static long maxAgeMs(Gateway gateway, List<Meter> its) {
        long quickest = its.stream().mapToLong(LiveFreshness::maxAgeMs).min().orElse(AT_LEAST.toMillis());
        long uplink = gateway.uplinkInterval() == null ? 0 : gateway.uplinkInterval().toMillis() + AT_LEAST.toMillis();
        return Math.max(quickest, uplink);
    }
}
