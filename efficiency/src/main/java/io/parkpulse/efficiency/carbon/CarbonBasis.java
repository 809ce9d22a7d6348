package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a CO₂ figure was computed with, so every figure can say it.
 *
 * @param grid           the grid factor used, with the year asked for; {@code null} when there was none (then
 *                       electricity's emissions are unknown and a note {@code no_grid_factor} says why)
 * @param green          the green-electricity rule applied
 * @param heatTCo2PerGj  the heat factor, tCO₂/GJ
 * @param fuels          the factor of each fuel counted
 * @param notes          what the reader should know: {@code grid_factor_from_earlier_year}, {@code no_grid_factor},
 *                       {@code green_exceeds_metered}, {@code green_not_deducted}, {@code no_fuel_factor}
 */
public record CarbonBasis(FactorChoice grid, GreenElectricityRule green, double heatTCo2PerGj,
                          Map<EnergyCarrier, FuelFactor> fuels, List<DataState.Reason> notes) {

    public CarbonBasis {
        Objects.requireNonNull(green, "green");
        Map<EnergyCarrier, FuelFactor> f = new EnumMap<>(EnergyCarrier.class);
        f.putAll(fuels);
        fuels = Collections.unmodifiableMap(f);
        notes = List.copyOf(notes);
    }
}
