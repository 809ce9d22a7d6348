package io.parkpulse.efficiency.indicator;

import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.coal.StandardCoal;
import java.util.Objects;

/**
 * Everything an enterprise's indicators for one period are computed from.
 *
 * @param enterprise    enterprise id
 * @param industry      GB/T 4754 code with section letter; peers share it
 * @param landMu        land area in mu (0: no land of its own)
 * @param energy        comprehensive energy with its basis
 * @param electricityKwh electricity, kWh (main meters); {@code NaN} when not measured for enough of the period
 * @param waterM3        water, m³; {@code NaN} likewise
 * @param output         summed output reports
 * @param carbon         CO₂ of the same energy (metered carriers and declared fuels) with its basis
 */
public record EnterpriseFigures(String enterprise, String industry, double landMu, StandardCoal energy,
                                double electricityKwh, double waterM3, OutputTotals output, Emissions carbon) {

    /** Figures whose CO₂ is not computed (unknown): for callers that need energy indicators only. */
    public EnterpriseFigures(String enterprise, String industry, double landMu, StandardCoal energy,
                             double electricityKwh, double waterM3, OutputTotals output) {
        this(enterprise, industry, landMu, energy, electricityKwh, waterM3, output, Emissions.unknown(CarbonPolicy.standard()));
    }

    public EnterpriseFigures {
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(carbon, "carbon");
    }
}
