package io.parkpulse.efficiency.carbon;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A park's five-year intensity targets (能耗强度, 碳排放强度): energy and CO₂ per 10⁴ CNY of value added shall fall by
 * a share from the base year's to the final year's. Yearly milestones fall geometrically — the same share every year —
 * unless the policy states a year's milestone itself.
 *
 * @param plan                    the plan's name, as the park writes it ("十五五 (2026–2030)")
 * @param baseYear                the year the base intensities are of
 * @param finalYear               the year the reductions are due
 * @param baseEnergyPerValueAdded tce/10⁴ CNY in the base year, {@code NaN} when no energy target
 * @param baseCo2PerValueAdded    tCO₂/10⁴ CNY in the base year, {@code NaN} when no CO₂ target
 * @param energyReduction         share down by the final year (0.135 = 13.5 %), {@code NaN} when none
 * @param co2Reduction            share down by the final year, {@code NaN} when none
 * @param stated                  year → milestone the policy states; a {@code NaN} in it is derived
 */
public record CarbonTargets(String plan, int baseYear, int finalYear, double baseEnergyPerValueAdded,
                            double baseCo2PerValueAdded, double energyReduction, double co2Reduction,
                            Map<Integer, Milestone> stated) {

    public CarbonTargets {
        Objects.requireNonNull(plan, "plan");
        if (finalYear <= baseYear) {
            throw new IllegalArgumentException("the final year " + finalYear + " must come after the base year " + baseYear);
        }
        for (double r : new double[] {energyReduction, co2Reduction}) {
            if (!Double.isNaN(r) && !(r >= 0 && r < 1)) {
                throw new IllegalArgumentException("a reduction is a share from 0 to under 1, not " + r);
            }
        }
        stated = Collections.unmodifiableMap(new TreeMap<>(stated));
        stated.keySet().forEach(y -> {
            if (!covers(y, baseYear, finalYear)) {
                throw new IllegalArgumentException("a milestone of " + y + " is outside " + (baseYear + 1) + "-" + finalYear);
            }
        });
    }

    /** Whether {@code year} is one of the plan's years (after the base year, up to the final year). */
    public boolean covers(int year) {
        return covers(year, baseYear, finalYear);
    }

    private static boolean covers(int year, int baseYear, int finalYear) {
        return year > baseYear && year <= finalYear;
    }

    /**
     * The milestone of {@code year}: stated, or base × (1 − R)^((year − base year) ÷ (final year − base year)).
     *
     * @throws IllegalArgumentException when the year is not one of the plan's
     */
    public Milestone milestone(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException(year + " is not a year of the plan " + plan + " (" + (baseYear + 1) + "-" + finalYear + ")");
        }
        Milestone s = stated.get(year);
        double energy = s != null && !Double.isNaN(s.energyPerValueAdded()) ? s.energyPerValueAdded()
                : derived(baseEnergyPerValueAdded, energyReduction, year);
        double co2 = s != null && !Double.isNaN(s.co2PerValueAdded()) ? s.co2PerValueAdded()
                : derived(baseCo2PerValueAdded, co2Reduction, year);
        return new Milestone(year, energy, co2, s != null);
    }

    private double derived(double base, double reduction, int year) {
        if (Double.isNaN(base) || Double.isNaN(reduction)) {
            return Double.NaN;
        }
        return base * Math.pow(1 - reduction, (double) (year - baseYear) / (finalYear - baseYear));
    }
}
