package io.parkpulse.efficiency.carbon;

/**
 * A yearly total allowed (用能权 energy-use quota, carbon budget).
 *
 * @param energyTce comprehensive energy, tce; {@code NaN} when not set
 * @param co2T      CO₂, t; {@code NaN} when not set
 */
public record Budget(double energyTce, double co2T) {

    public static final Budget NONE = new Budget(Double.NaN, Double.NaN);

    public Budget {
        for (double v : new double[] {energyTce, co2T}) {
            if (!Double.isNaN(v) && !(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("a budget is a finite amount above 0, not " + v);
            }
        }
    }

    /** The budget of {@code quantity}, {@code NaN} when not set. */
    public double of(CarbonQuantity quantity) {
        return quantity == CarbonQuantity.ENERGY ? energyTce : co2T;
    }
}
