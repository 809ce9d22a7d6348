package io.parkpulse.efficiency.indicator;

/**
 * An indicator's value, or why there is none.
 *
 * @param value   the value in the indicator's unit, {@code NaN} when missing
 * @param missing why it is missing ("no land of its own", "no output report"), or {@code null}
 */
public record IndicatorValue(double value, String missing) {

    public static IndicatorValue of(double value) {
        return new IndicatorValue(value, null);
    }

    public static IndicatorValue missing(String why) {
        return new IndicatorValue(Double.NaN, why);
    }

    public boolean isPresent() {
        return missing == null;
    }
}
