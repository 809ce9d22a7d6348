package io.parkpulse.gateway.config;

import io.parkpulse.contract.Quantity;

/**
 * How much a point matters when the store-and-forward buffer fills up under the
 * {@link FullPolicy#SHED_LEAST_IMPORTANT} policy: {@code LOW} points stop being read first, then
 * {@code NORMAL}; {@code HIGH} points (the billing registers) are kept to the end.
 */
public enum Importance {
    LOW,
    NORMAL,
    HIGH;

    /** The default: cumulative registers are what bills and efficiency figures are made of. */
    public static Importance defaultFor(Quantity quantity) {
        if (quantity.isCumulative()) {
            return HIGH;
        }
        return switch (quantity) {
            case BATTERY_V, SIGNAL_DBM, FREQUENCY_HZ, TEMPERATURE_C -> LOW;
            default -> NORMAL;
        };
    }
}
