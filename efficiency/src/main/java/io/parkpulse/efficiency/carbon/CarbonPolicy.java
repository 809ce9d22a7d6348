package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a park decides about carbon ({@code policy.carbon} in the park file, docs/park-file.md#carbon): which grid
 * factor, which green electricity counts, the heat factor, fuel factors other than the defaults, its five-year targets,
 * yearly budgets, two-high marking and the alarm margins.
 *
 * @param gridScope       the grid factor's scope
 * @param gridArea        its regional grid or province; {@code null} for the national scopes
 * @param ownFactors      year → a factor the park states itself (a province not shipped, a newer announcement); it
 *                        takes the place of the table's factor of that year
 * @param green           which declared green electricity is deducted
 * @param heatTCo2PerGj   purchased heat (and steam, by its heat content), tCO₂ per GJ
 * @param fuels           fuel factors that replace the GB/T 32150 defaults
 * @param targets         five-year intensity targets, {@code null} when none
 * @param budgets         year → budgets
 * @param twoHigh         two-high marking, {@code null} when none
 * @param budgetMargin    budget_at_risk when the forecast exceeds a budget × (1 + this)
 * @param intensityMargin intensity_off_track when the year-to-date intensity exceeds the milestone × (1 + this)
 */
public record CarbonPolicy(GridFactorScope gridScope, String gridArea, Map<Integer, GridFactor> ownFactors,
                           GreenElectricityRule green, double heatTCo2PerGj, Map<EnergyCarrier, FuelFactor> fuels,
                           CarbonTargets targets, Map<Integer, YearBudget> budgets, TwoHighRule twoHigh,
                           double budgetMargin, double intensityMargin) {

    /** The default heat factor, tCO₂/GJ (the national enterprise accounting guidelines' default for purchased heat). */
    public static final double DEFAULT_HEAT_T_CO2_PER_GJ = 0.11;

    private static final CarbonPolicy STANDARD = new CarbonPolicy(GridFactorScope.NATIONAL, null, Map.of(),
            GreenElectricityRule.NOT_DEDUCTED, DEFAULT_HEAT_T_CO2_PER_GJ, Map.of(), null, Map.of(), null, 0, 0);

    public CarbonPolicy {
        Objects.requireNonNull(gridScope, "gridScope");
        Objects.requireNonNull(green, "green");
        if (gridScope.needsArea() == (gridArea == null)) {
            throw new IllegalArgumentException("the " + gridScope.id() + " scope " + (gridScope.needsArea() ? "needs an area" : "takes no area"));
        }
        if (!(heatTCo2PerGj >= 0 && heatTCo2PerGj < 1)) {
            throw new IllegalArgumentException("the heat factor is tCO2 per GJ, from 0 to under 1, not " + heatTCo2PerGj);
        }
        if (!(budgetMargin >= 0) || !(intensityMargin >= 0)) {
            throw new IllegalArgumentException("alarm margins are shares from 0 up");
        }
        ownFactors = Collections.unmodifiableMap(new TreeMap<>(ownFactors));
        Map<EnergyCarrier, FuelFactor> f = new EnumMap<>(EnergyCarrier.class);
        f.putAll(fuels);
        fuels = Collections.unmodifiableMap(f);
        budgets = Collections.unmodifiableMap(new TreeMap<>(budgets));
    }

    /**
     * The policy of a park that says nothing about carbon: the national average grid factor, no green deduction, heat
     * 0.11 tCO₂/GJ, the GB/T 32150 fuel defaults, no targets, no budgets, no two-high marking, margins 0.
     */
    public static CarbonPolicy standard() {
        return STANDARD;
    }

    /**
     * The grid factor for electricity consumed in {@code year}: the park's own factor of the latest year at or before
     * it, or the table's — whichever is of the later year (the park's own wins a tie); empty when neither has one.
     */
    public Optional<FactorChoice> gridFactor(GridFactorTable table, int year) {
        Optional<FactorChoice> published = table.lookup(gridScope, gridArea, year);
        Optional<GridFactor> own = ownFactors.values().stream().filter(g -> g.year() <= year)
                .max(Comparator.comparingInt(GridFactor::year));
        if (own.isPresent() && (published.isEmpty() || own.get().year() >= published.get().factor().year())) {
            return Optional.of(new FactorChoice(own.get(), year));
        }
        return published;
    }

    /** The factor of {@code fuel}: the policy's override, else the bundled default; {@code null} when neither has one. */
    public FuelFactor fuelFactor(EnergyCarrier fuel) {
        FuelFactor f = fuels.get(fuel);
        return f != null ? f : FuelFactor.defaults().get(fuel);
    }

    /** The budgets of {@code year}, or empty. */
    public Optional<YearBudget> budget(int year) {
        return Optional.ofNullable(budgets.get(year));
    }
}
