package io.parkpulse.protocols.cjt188;

import java.util.Optional;

/**
 * The unit byte that follows each value in a CJ/T 188 reply (github:hupengwu/fox-edge-server-protocol
 * {@code CJT188Unit.java}, docs/domain.md §6.2), with the factor to the base unit of its dimension: kWh for energy and
 * heat, kW for power, m³ for volume, m³/h for flow rate. A heat meter's heat is published in GJ
 * ({@link #toGigajoules}).
 */
public enum Cjt188Unit {
    JOULE(0x01, "J", Dimension.ENERGY, 1 / 3.6e6),
    WATT_HOUR(0x02, "Wh", Dimension.ENERGY, 1e-3),
    KILOWATT_HOUR(0x05, "kWh", Dimension.ENERGY, 1),
    MEGAWATT_HOUR(0x08, "MWh", Dimension.ENERGY, 1e3),
    MEGAWATT_HOUR_100(0x0A, "MWh×100", Dimension.ENERGY, 1e5),
    KILOJOULE(0x0B, "kJ", Dimension.ENERGY, 1 / 3.6e3),
    MEGAJOULE(0x0E, "MJ", Dimension.ENERGY, 1 / 3.6),
    GIGAJOULE(0x11, "GJ", Dimension.ENERGY, 1e3 / 3.6),
    GIGAJOULE_100(0x13, "GJ×100", Dimension.ENERGY, 1e5 / 3.6),
    WATT(0x14, "W", Dimension.POWER, 1e-3),
    KILOWATT(0x17, "kW", Dimension.POWER, 1),
    MEGAWATT(0x1A, "MW", Dimension.POWER, 1e3),
    LITRE(0x29, "L", Dimension.VOLUME, 1e-3),
    CUBIC_METRE(0x2C, "m³", Dimension.VOLUME, 1),
    LITRE_PER_HOUR(0x32, "L/h", Dimension.FLOW_RATE, 1e-3),
    CUBIC_METRE_PER_HOUR(0x35, "m³/h", Dimension.FLOW_RATE, 1);

    /** What a unit measures, with the base unit values are converted to. */
    public enum Dimension {
        ENERGY("kWh", "an energy"), POWER("kW", "a power"), VOLUME("m³", "a volume"), FLOW_RATE("m³/h", "a flow rate");

        private final String base;
        private final String noun;

        Dimension(String base, String noun) {
            this.base = base;
            this.noun = noun;
        }

        public String base() {
            return base;
        }

        /** The dimension with its article, for messages: "is not a volume". */
        public String noun() {
            return noun;
        }
    }

    /** GJ in one kWh: 3.6 MJ. */
    public static final double GJ_PER_KWH = 0.0036;

    private final int code;
    private final String symbol;
    private final Dimension dimension;
    private final double toBase;

    Cjt188Unit(int code, String symbol, Dimension dimension, double toBase) {
        this.code = code;
        this.symbol = symbol;
        this.dimension = dimension;
        this.toBase = toBase;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** {@code value} in this unit, expressed in the dimension's base unit. */
    public double toBase(double value) {
        return value * toBase;
    }

    /**
     * {@code value} in this energy unit, in GJ (1 GJ = 10⁹ J = 277.78 kWh, i.e. 1 kWh = 0.0036 GJ), without the binary
     * noise of the conversion: 1 GJ is 1.0, 5 328.19 kWh is 19.181484.
     *
     * @throws IllegalStateException when this is not an energy unit
     */
    public double toGigajoules(double value) {
        if (dimension != Dimension.ENERGY) {
            throw new IllegalStateException(symbol + " is not an energy unit");
        }
        return ReplyFields.tidy(toBase(value) * GJ_PER_KWH);
    }

    /** {@code gigajoules} expressed in this energy unit; the inverse of {@link #toGigajoules}. */
    public double fromGigajoules(double gigajoules) {
        if (dimension != Dimension.ENERGY) {
            throw new IllegalStateException(symbol + " is not an energy unit");
        }
        return ReplyFields.tidy(fromBase(gigajoules / GJ_PER_KWH));
    }

    /** {@code value} in the dimension's base unit, expressed in this unit. */
    public double fromBase(double value) {
        return value / toBase;
    }

    public static Optional<Cjt188Unit> byCode(int code) {
        for (Cjt188Unit u : values()) {
            if (u.code == code) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
