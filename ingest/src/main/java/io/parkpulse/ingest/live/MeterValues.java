package io.parkpulse.ingest.live;

/**
 * A meter's newest live values as ingest stored them.
 *
 * @param timeMs  device time of the reading they come from
 * @param powerKw active power, primary side (kW), or {@code null} when that reading had none
 * @param flowM3h flow (m³/h), or {@code null} when that reading had none
 * @param state   equipment state (the wire name: running, idle, fault, off), or {@code null} when that reading had none
 */
record MeterValues(long timeMs, Double powerKw, Double flowM3h, String state) {

    /**
     * These values after a reading of {@code later}: a newer reading replaces them, an older one is ignored (the
     * rollup carries the newest values), one of the same instant fills in what it adds.
     */
    MeterValues then(MeterValues later) {
        if (later.timeMs > timeMs) {
            return later;
        }
        if (later.timeMs < timeMs) {
            return this;
        }
        return new MeterValues(timeMs, later.powerKw != null ? later.powerKw : powerKw, later.flowM3h != null ? later.flowM3h : flowM3h,
                later.state != null ? later.state : state);
    }
}
