package io.parkpulse.efficiency.counter;

/**
 * A declared break in a meter's register, from the park file: a meter exchanged for another, or its
 * transformer ratio (or multiplier) changed. Both are the same arithmetic: the old register ends at
 * {@code oldFinalRegister}, the new one starts at {@code newStartRegister}, and from {@code timeMs} on
 * its register is multiplied by {@code factorAfter}.
 *
 * @param type             what happened, for reports
 * @param timeMs           when; readings at or after this instant belong to the new register
 * @param oldFinalRegister last reading of the old register (as displayed, before any factor)
 * @param newStartRegister first reading of the new register (as displayed)
 * @param factorAfter      CT × PT (or multiplier) in force from {@code timeMs}
 */
public record CounterEvent(Type type, long timeMs, double oldFinalRegister, double newStartRegister, double factorAfter) {

    public enum Type { EXCHANGE, RATIO_CHANGE }

    public CounterEvent {
        if (!(factorAfter > 0) || !Double.isFinite(factorAfter)) {
            throw new IllegalArgumentException("factor after a meter event must be finite and > 0, got " + factorAfter);
        }
        if (!(oldFinalRegister >= 0) || !(newStartRegister >= 0)) {
            throw new IllegalArgumentException("register readings of a meter event must be >= 0");
        }
    }
}
