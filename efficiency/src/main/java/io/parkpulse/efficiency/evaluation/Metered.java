package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.coal.EnergyCarrier;

/** What a meter's counter measures, as far as efficiency is concerned: an energy carrier or water. */
public enum Metered {
    ELECTRICITY(EnergyCarrier.ELECTRICITY),
    NATURAL_GAS(EnergyCarrier.NATURAL_GAS),
    STEAM(EnergyCarrier.STEAM),
    HEAT(EnergyCarrier.HEAT),
    WATER(null);

    private final EnergyCarrier carrier;

    Metered(EnergyCarrier carrier) {
        this.carrier = carrier;
    }

    /** The energy carrier, or {@code null} for water (a working medium, reported on its own). */
    public EnergyCarrier carrier() {
        return carrier;
    }
}
