package io.parkpulse.simulators.model;

/**
 * Where an enterprise stands within its industry on energy per unit of output. The factor
 * multiplies the industry's specific energy; an industry's {@code tierSpread} narrows the gaps where
 * physics leaves little room (ferroalloy smelting).
 */
public enum EfficiencyTier {
    LEADER(-0.20),
    AVERAGE(0.0),
    LAGGARD(0.30);

    /** How far an enterprise's factor may wander from its tier's centre, × spread: keeps the tiers apart. */
    public static final double MAX_DRIFT = 0.05;

    private final double offset;

    EfficiencyTier(double offset) {
        this.offset = offset;
    }

    /** The tier's centre: 0.8 / 1.0 / 1.3 at spread 1. */
    public double centre(double spread) {
        return 1 + offset * spread;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
