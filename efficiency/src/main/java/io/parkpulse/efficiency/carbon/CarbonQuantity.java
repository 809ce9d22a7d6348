package io.parkpulse.efficiency.carbon;

import java.util.Locale;

/** The two totals of dual control (双控): comprehensive energy in tce and CO₂ in t. */
public enum CarbonQuantity {
    ENERGY("tce"), CO2("t");

    private final String unit;

    CarbonQuantity(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /** The name in park files and APIs: energy, co2. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<CarbonQuantity> byId(String id) {
        for (CarbonQuantity q : values()) {
            if (q.id().equals(id)) {
                return java.util.Optional.of(q);
            }
        }
        return java.util.Optional.empty();
    }
}
