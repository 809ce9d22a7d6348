package io.parkpulse.efficiency.benchmark;

/** Statistics of peer values, in one place. */
public final class Statistics {

    private Statistics() {
    }

    /** Median of values sorted in ascending order (the mean of the middle two for an even count). */
    public static double median(double[] ascending) {
        int n = ascending.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? ascending[n / 2] : (ascending[n / 2 - 1] + ascending[n / 2]) / 2;
    }
}
