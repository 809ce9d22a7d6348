package io.parkpulse.park;

import java.time.Instant;
import java.util.Objects;

/**
 * A declared break in a meter's register (park file {@code meters[].events}): the meter exchanged for another, or its
 * transformer ratio or multiplier changed. Consumption across it is the old register up to {@code oldFinal} plus the
 * new one from {@code newStart} (docs/efficiency.md).
 *
 * @param type       what happened
 * @param time       when; readings at or after it belong to the new register
 * @param oldFinal   last reading of the old register, as displayed
 * @param newStart   first reading of the new register, as displayed
 * @param ctRatio    CT ratio from then on (electricity), {@code NaN} when unchanged
 * @param ptRatio    PT ratio from then on (electricity), {@code NaN} when unchanged
 * @param multiplier multiplier from then on (other kinds), {@code NaN} when unchanged
 */
public record MeterEvent(Type type, Instant time, double oldFinal, double newStart, double ctRatio, double ptRatio,
                         double multiplier) {

    public enum Type { EXCHANGE, RATIO_CHANGE }

    public MeterEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }
}
