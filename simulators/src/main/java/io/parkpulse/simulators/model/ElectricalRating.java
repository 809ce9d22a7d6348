package io.parkpulse.simulators.model;

import io.parkpulse.park.Meter;

/**
 * What an electricity meter's connection can carry, from its transformer ratios: the secondary
 * side of a CT is 5 A, of a PT 100 V (line); a meter without a PT sits on the 0.4 kV (380 V) side;
 * a direct-connected meter (no CT) is a 5(60) A meter.
 */
public final class ElectricalRating {

    public static final double SQRT3 = Math.sqrt(3);
    public static final double CT_SECONDARY_A = 5;
    public static final double PT_SECONDARY_KV = 0.1;
    public static final double LOW_VOLTAGE_KV = 0.38;
    public static final double DIRECT_MAX_A = 60;
    /** Rated active power is quoted at this power factor. */
    private static final double RATED_PF = 0.9;

    private ElectricalRating() {
    }

    /** Primary line voltage in kV. */
    public static double lineKv(Meter meter) {
        return meter.ptRatio() > 1 ? PT_SECONDARY_KV * meter.ptRatio() : LOW_VOLTAGE_KV;
    }

    /** Primary current the connection is rated for, A. */
    public static double ratedAmps(Meter meter) {
        return meter.ctRatio() > 1 ? CT_SECONDARY_A * meter.ctRatio() : DIRECT_MAX_A;
    }

    /** Active power at rated current and voltage, kW (primary side). */
    public static double ratedKw(Meter meter) {
        return ratedKw(lineKv(meter), ratedAmps(meter));
    }

    public static double ratedKw(double lineKv, double amps) {
        return SQRT3 * lineKv * amps * RATED_PF;
    }
}
