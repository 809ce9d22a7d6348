package io.parkpulse.simulators.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A leak to inject behind a water meter.
 *
 * @param meter    water meter id
 * @param start    when the leak begins
 * @param flowM3h  leak flow in m³/h, or NaN for a default sized to the meter's night minimum
 */
public record LeakSpec(String meter, Instant start, double flowM3h) {

    public LeakSpec {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(start, "start");
        if (!Double.isNaN(flowM3h) && !(flowM3h > 0)) {
            throw new IllegalArgumentException("leak flow for " + meter + " must be positive, got " + flowM3h);
        }
    }
}
