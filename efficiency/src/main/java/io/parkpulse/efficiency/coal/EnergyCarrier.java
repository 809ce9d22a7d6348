package io.parkpulse.efficiency.coal;

import java.util.Locale;

/** A kind of energy an enterprise consumes, in the physical unit it is metered and stored in. */
public enum EnergyCarrier {
    ELECTRICITY("kWh"),
    NATURAL_GAS("m³"),
    STEAM("t"),
    HEAT("GJ"),
    RAW_COAL("kg"),
    COKE("kg"),
    DIESEL("kg"),
    GASOLINE("kg"),
    FUEL_OIL("kg"),
    LPG("kg");

    private final String unit;

    EnergyCarrier(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /** The name used in park files and APIs: {@code natural_gas}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

}
