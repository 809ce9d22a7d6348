package io.parkpulse.efficiency.growth;

/**
 * An enterprise's energy intensity (tce per 10⁴ CNY) against its peer median: the "level" dimension that turns the
 * growth quadrant into energy-consumption-level classes (docs/domain.md §4).
 */
public enum IntensityLevel {
    LOW, TYPICAL, HIGH;

    /**
     * @param band relative width of "typical" around the median (0.1: within ±10 %)
     */
    public static IntensityLevel of(double intensity, double peerMedian, double band) {
        if (!(peerMedian > 0)) {
            return TYPICAL;
        }
        if (intensity > peerMedian * (1 + band)) {
            return HIGH;
        }
        return intensity < peerMedian * (1 - band) ? LOW : TYPICAL;
    }
}
