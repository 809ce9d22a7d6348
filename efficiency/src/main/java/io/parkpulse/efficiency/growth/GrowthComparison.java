package io.parkpulse.efficiency.growth;

import java.util.OptionalDouble;

/**
 * Year-on-year energy growth against output growth for one enterprise and period (docs/domain.md §4):
 * g_E = E_t ÷ E_{t−12} − 1, g_V = V_t ÷ V_{t−12} − 1, elasticity e = g_E ÷ g_V only when |g_V| exceeds the policy's
 * threshold.
 *
 * @param energyGrowth  g_E (0.15 = +15 %)
 * @param outputGrowth  g_V
 * @param elasticity    e, empty when output growth is too close to zero for a ratio to mean anything
 * @param quadrant      the class by signs and sizes
 */
public record GrowthComparison(double energyGrowth, double outputGrowth, OptionalDouble elasticity, Quadrant quadrant) {

    /**
     * @param energyNow      energy in the period (any unit, same as a year earlier)
     * @param energyYearAgo  energy in the same period a year earlier; must be > 0
     * @param outputNow      output value in the period
     * @param outputYearAgo  output value a year earlier; must be > 0
     * @param flatThreshold  |g_V| at or below this is "output flat" (0.01 = 1 %)
     * @throws IllegalArgumentException when a year-earlier figure is not positive: growth is undefined
     */
    public static GrowthComparison of(double energyNow, double energyYearAgo, double outputNow, double outputYearAgo,
                                      double flatThreshold) {
        if (!(energyYearAgo > 0) || !(outputYearAgo > 0)) {
            throw new IllegalArgumentException("growth needs positive year-earlier figures (energy " + energyYearAgo
                    + ", output " + outputYearAgo + ")");
        }
        return ofRates(energyNow / energyYearAgo - 1, outputNow / outputYearAgo - 1, flatThreshold);
    }

    public static GrowthComparison ofRates(double gE, double gV, double flatThreshold) {
        if (Math.abs(gV) <= flatThreshold) {
            return new GrowthComparison(gE, gV, OptionalDouble.empty(), Quadrant.OUTPUT_FLAT);
        }
        Quadrant quadrant;
        if (gV > 0) {
            quadrant = gE <= gV ? Quadrant.IMPROVING : Quadrant.ENERGY_OUTPACING_OUTPUT;
        } else {
            quadrant = gE < gV ? Quadrant.CONTRACTING_EFFICIENTLY : Quadrant.DIVERGING;
        }
        return new GrowthComparison(gE, gV, OptionalDouble.of(gE / gV), quadrant);
    }
}
