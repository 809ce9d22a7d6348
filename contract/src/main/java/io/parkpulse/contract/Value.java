package io.parkpulse.contract;

import java.util.Objects;

/**
 * One named value of a reading: a number in the quantity's unit, or an equipment state.
 *
 * @param quantity what the value is
 * @param number   the value for numeric quantities; {@code NaN} for {@link Quantity#STATE}
 * @param state    the state for {@link Quantity#STATE}; {@code null} otherwise
 */
public record Value(Quantity quantity, double number, EquipmentState state) {

    public Value {
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.isNumeric() != (state == null)) {
            throw new IllegalArgumentException(quantity + " takes " + (quantity.isNumeric() ? "a number" : "a state"));
        }
    }

    public static Value of(Quantity quantity, double number) {
        return new Value(quantity, number, null);
    }

    public static Value of(EquipmentState state) {
        return new Value(Quantity.STATE, Double.NaN, state);
    }
}
