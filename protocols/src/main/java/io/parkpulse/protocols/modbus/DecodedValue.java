package io.parkpulse.protocols.modbus;

/** What {@link RegisterCodec#decode} made of a value's register words: a number in the wire unit, or why not. */
public sealed interface DecodedValue permits DecodedValue.Number, DecodedValue.Rejected {

    /** A finite value, already multiplied by the scale. */
    record Number(double value) implements DecodedValue {
    }

    /** Words that do not make a usable value, and what was wrong with them. */
    record Rejected(String reason) implements DecodedValue {
    }
}
