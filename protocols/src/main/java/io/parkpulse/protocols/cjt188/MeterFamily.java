package io.parkpulse.protocols.cjt188;

import java.util.Optional;

/**
 * The kinds of meter CJ/T 188-2004 reads, each a range of ten meter types T (docs/domain.md §6.2; the standard's table
 * of meter types): water 10H–19H, heat 20H–29H, gas 30H–39H. Water and gas meters answer a metering-data read with the
 * same 22-byte reply ({@link MeteringRead}), heat meters with 46 bytes ({@link HeatMeteringRead}). Types 40H and up
 * (electricity and other meters) are not read over CJ/T 188 here.
 */
public enum MeterFamily {
    WATER(0x10, "water"),
    HEAT(0x20, "heat"),
    GAS(0x30, "gas");

    private final int firstType;
    private final String label;

    MeterFamily(int firstType, String label) {
        this.firstType = firstType;
        this.label = label;
    }

    /** The lowest meter type of the range, e.g. {@code 0x20}. */
    public int firstType() {
        return firstType;
    }

    /** The highest meter type of the range, e.g. {@code 0x29}. */
    public int lastType() {
        return firstType + 9;
    }

    /** "heat meter (meter type 0x20–0x29)", for messages. */
    public String describe() {
        return String.format("%s meter (meter type 0x%02X–0x%02X)", label, firstType, lastType());
    }

    /** The family of meter type {@code meterType}; empty for a type outside the three ranges. */
    public static Optional<MeterFamily> of(int meterType) {
        for (MeterFamily f : values()) {
            if (meterType >= f.firstType && meterType <= f.lastType()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
