package io.parkpulse.simulators.generator;

import io.parkpulse.simulators.model.ElectricalRating;

/**
 * How a generated electricity meter is connected: voltage level and transformer ratios chosen for
 * the load it carries, so that its peak sits at about half of what the CT allows (the usual margin
 * when a CT is specified), rounded up to a standard CT primary current.
 *
 * @param ctRatio CT primary ÷ 5 A, 1 for a direct-connected meter
 * @param ptRatio PT ratio, 1 on the 0.4 kV side
 */
record GridConnection(double ctRatio, double ptRatio) {

    /** Standard CT primary currents, A (GB/T 20840.2 series values as commonly stocked). */
    private static final int[] CT_PRIMARIES = {10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 250, 300, 400, 500, 600, 750,
        800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000};
    private static final double TARGET_LOADING = 0.55;
    /** Loads above this go on 10 kV where a 10 kV supply exists. */
    private static final double MEDIUM_VOLTAGE_ABOVE_KW = 630;

    static GridConnection forLoad(double peakKw, double powerFactor, boolean mediumVoltageAvailable) {
        if (mediumVoltageAvailable && peakKw > MEDIUM_VOLTAGE_ABOVE_KW) {
            return new GridConnection(ctFor(peakKw / (ElectricalRating.SQRT3 * 10 * powerFactor)), 100);
        }
        double amps = peakKw / (ElectricalRating.SQRT3 * ElectricalRating.LOW_VOLTAGE_KV * powerFactor);
        if (amps <= TARGET_LOADING * ElectricalRating.DIRECT_MAX_A) {
            return new GridConnection(1, 1);
        }
        return new GridConnection(ctFor(amps), 1);
    }

    /** A 110 kV park incomer (110 kV / 100 V PT). */
    static GridConnection highVoltage(double peakKw) {
        return new GridConnection(ctFor(peakKw / (ElectricalRating.SQRT3 * 110 * 0.95)), 1100);
    }

    boolean mediumVoltage() {
        return ptRatio > 1;
    }

    private static double ctFor(double peakAmps) {
        double wanted = peakAmps / TARGET_LOADING;
        for (int primary : CT_PRIMARIES) {
            if (primary >= wanted) {
                return primary / ElectricalRating.CT_SECONDARY_A;
            }
        }
        // beyond the table (only synthetic giant parks): whole thousands of amperes
        return Math.ceil(wanted / 1000) * 1000 / ElectricalRating.CT_SECONDARY_A;
    }
}
