package io.parkpulse.efficiency.indicator;

import io.parkpulse.efficiency.evaluation.DataState.Reason;

/**
 * An indicator's value, or why there is none.
 *
 * @param value the value in the indicator's unit, {@code NaN} when missing
 * @param why   why it is missing, as a code with its args ({@code not_reported}, {@code no_land} …) and English text,
 *              or {@code null}
 */
public record IndicatorValue(double value, Reason why) {

    public static IndicatorValue of(double value) {
        return new IndicatorValue(value, null);
    }

    public static IndicatorValue missing(Reason why) {
        return new IndicatorValue(Double.NaN, why);
    }

    /** Why it is missing in English ("no land of its own", "no output value reported"), or {@code null}. */
    public String missing() {
        return why == null ? null : why.text();
    }

    public boolean isPresent() {
        return why == null;
    }
}
