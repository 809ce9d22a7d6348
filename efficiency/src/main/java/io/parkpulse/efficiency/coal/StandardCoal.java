package io.parkpulse.efficiency.coal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Comprehensive energy consumption (综合能耗) in tonnes of standard coal: E = Σ quantity × coefficient
 * (GB/T 2589-2020; docs/domain.md §1.5), with the basis and the coefficient table it was computed with.
 *
 * @param tce       total, tonnes of standard coal
 * @param basis     the electricity basis used
 * @param table     the coefficient table's version
 * @param breakdown tce per carrier
 */
public record StandardCoal(double tce, EnergyBasis basis, String table, Map<EnergyCarrier, Double> breakdown) {

    public StandardCoal {
        Map<EnergyCarrier, Double> copy = new EnumMap<>(EnergyCarrier.class);
        copy.putAll(breakdown);
        breakdown = Collections.unmodifiableMap(copy);
    }

    /** Converts physical quantities (in each carrier's unit) consumed in {@code year}. */
    public static StandardCoal of(Map<EnergyCarrier, Double> quantities, CoefficientTable table, EnergyBasis basis, int year) {
        Map<EnergyCarrier, Double> breakdown = new EnumMap<>(EnergyCarrier.class);
        double total = 0;
        for (Map.Entry<EnergyCarrier, Double> e : quantities.entrySet()) {
            double tce = e.getValue() * table.kgcePerUnit(e.getKey(), basis, year) / 1000.0;
            breakdown.put(e.getKey(), tce);
            total += tce;
        }
        return new StandardCoal(total, basis, table.version(), breakdown);
    }
}
