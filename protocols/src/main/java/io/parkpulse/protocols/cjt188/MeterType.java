package io.parkpulse.protocols.cjt188;

import java.util.Optional;

/**
 * The meter type byte T of CJ/T 188-2004 (docs/domain.md §6.2: cnblogs yangykaifa/p/7010777, python_cjt188 constants).
 * Codes {@code 10}–{@code 19}, {@code 20}–{@code 29} and {@code 30}–{@code 39} are ranges for water, heat and gas;
 * these are the codes the standard names.
 */
public enum MeterType {
    COLD_WATER(0x10),
    DOMESTIC_HOT_WATER(0x11),
    DIRECT_DRINKING_WATER(0x12),
    RECLAIMED_WATER(0x13),
    HEAT_METER_HEATING(0x20),
    HEAT_METER_COOLING(0x21),
    GAS(0x30),
    ELECTRICITY(0x40);

    /** T of a request any meter type answers (used with the wildcard address). */
    public static final int ANY = 0xAA;

    private final int code;

    MeterType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<MeterType> byCode(int code) {
        for (MeterType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
