package io.parkpulse.simulators.model;

/** Rounds values to the digits a meter's display or protocol carries. */
final class Rounding {

    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Rounding() {
    }

    static double round(double value, int decimals) {
        double scale = POWERS[decimals];
        return Math.round(value * scale) / scale;
    }
}
