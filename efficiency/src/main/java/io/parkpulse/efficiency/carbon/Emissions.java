package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CO₂ of an enterprise (or any set of quantities) over a period, with its basis.
 *
 * @param tCo2             total tCO₂; {@code NaN} when a carrier's emissions are unknown (no grid factor, no fuel
 *                         factor) or there is nothing to count
 * @param tCo2ByCarrier    tCO₂ per carrier ({@code NaN} for one whose factor is missing)
 * @param greenKwhDeclared green electricity declared for the period, kWh (every kind)
 * @param greenKwhApplied  green electricity deducted under the rule, kWh (at most the electricity metered)
 * @param basis            factors, rule and notes
 */
public record Emissions(double tCo2, Map<EnergyCarrier, Double> tCo2ByCarrier, double greenKwhDeclared,
                        double greenKwhApplied, CarbonBasis basis) {

    public Emissions {
        Objects.requireNonNull(basis, "basis");
        Map<EnergyCarrier, Double> copy = new EnumMap<>(EnergyCarrier.class);
        copy.putAll(tCo2ByCarrier);
        tCo2ByCarrier = Collections.unmodifiableMap(copy);
    }

    /** Emissions of nothing known: an enterprise without any energy figure. */
    public static Emissions unknown(CarbonPolicy policy) {
        return new Emissions(Double.NaN, Map.of(), 0, 0, new CarbonBasis(null, policy.green(), policy.heatTCo2PerGj(),
                Map.of(), List.of()));
    }

    /** The share of each carrier in the total (0-1); empty when the total is unknown or zero. */
    public Map<EnergyCarrier, Double> shares() {
        Map<EnergyCarrier, Double> shares = new EnumMap<>(EnergyCarrier.class);
        if (Double.isNaN(tCo2) || tCo2 == 0) {
            return shares;
        }
        tCo2ByCarrier.forEach((c, t) -> shares.put(c, t / tCo2));
        return shares;
    }

    /** The notes of the basis ({@code grid_factor_from_earlier_year} …). */
    public List<DataState.Reason> notes() {
        return basis.notes();
    }
}
