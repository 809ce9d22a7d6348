package io.parkpulse.ingest.live;

/**
 * A meter's newest live values as ingest stored them, and when it was last heard from at all.
 *
 * @param seenMs  device time of the meter's newest reading of any kind — a water meter that reports only its
 *                cumulative volume is alive too (docs/live.md): what {@code meter_silent} judges
 * @param timeMs  device time of the reading the live values come from, {@code null} while none had any
 * @param powerKw active power, primary side (kW), or {@code null} when that reading had none
 * @param flowM3h flow (m³/h), or {@code null} when that reading had none
 * @param state   equipment state (the wire name: running, idle, fault, off), or {@code null} when that reading had none
 */
record MeterValues(long seenMs, Long timeMs, Double powerKw, Double flowM3h, String state) {

    /** A reading with live values. */
    static MeterValues live(long timeMs, Double powerKw, Double flowM3h, String state) {
        return new MeterValues(timeMs, timeMs, powerKw, flowM3h, state);
    }

    /** A reading with none (cumulative registers only): the meter is alive, its live values unchanged. */
    static MeterValues seen(long timeMs) {
        return new MeterValues(timeMs, null, null, null, null);
    }

    /**
     * These values after a reading of {@code later}: the newest reading of any kind is when the meter was last seen;
     * of the live values a newer reading's replace them, an older one's are ignored (the rollup carries the newest
     * values), one of the same instant fills in what it adds. Returns {@code this} when nothing changes.
     */
    MeterValues then(MeterValues later) {
        long seen = Math.max(seenMs, later.seenMs);
        MeterValues values = liveThen(later);
        if (seen == seenMs && values == this) {
            return this;
        }
        return new MeterValues(seen, values.timeMs, values.powerKw, values.flowM3h, values.state);
    }

    private MeterValues liveThen(MeterValues later) {
        if (later.timeMs == null) {
            return this;
        }
        if (timeMs == null || later.timeMs > timeMs) {
            return later;
        }
        if (later.timeMs < timeMs) {
            return this;
        }
        return new MeterValues(seenMs, timeMs, later.powerKw != null ? later.powerKw : powerKw,
                later.flowM3h != null ? later.flowM3h : flowM3h, later.state != null ? later.state : state);
    }
}
