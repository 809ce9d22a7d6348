package io.parkpulse.contract;

import java.util.List;
import java.util.Objects;

/**
 * What one meter reported at one instant.
 *
 * @param meter  the meter id from the park file
 * @param timeMs the device timestamp in epoch milliseconds (the time of measurement, not of arrival)
 * @param values the named values, at most one per quantity
 */
public record Reading(String meter, long timeMs, List<Value> values) {

    public Reading {
        Objects.requireNonNull(meter, "meter");
        values = List.copyOf(values);
    }
}
