package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.List;

/**
 * One enterprise's line of the monthly report. Numbers are {@code NaN} when unknown (left blank in the file), with
 * the reason in {@link #notes()}. The peer statistics are anonymous: values, rank and percentile, never who holds them.
 *
 * @param energyTce             comprehensive energy, tce on the policy's basis
 * @param electricityKwh        electricity, kWh
 * @param waterM3               water, m³
 * @param outputValue           output value, 10⁴ CNY
 * @param energyPerOutputValue  tce per 10⁴ CNY
 * @param energyPerProduct      "product: value unit" for each reported product, "; "-separated, or empty
 * @param outputValuePerMu      10⁴ CNY per mu
 * @param taxPerMu              10⁴ CNY per mu
 * @param score                 land-efficiency score
 * @param grade                 land-efficiency class, or {@code null} when out of scope
 * @param energyGrowthPercent   year-on-year energy growth, %
 * @param outputGrowthPercent   year-on-year output growth, %
 * @param elasticity            energy growth ÷ output growth
 * @param quadrant              growth quadrant id, or {@code null}
 * @param peers                 enterprises of its industry with an energy-per-output value (0: none)
 * @param peerFrontrunner       frontrunner value of energy per output value among them
 * @param peerMedian            median among them
 * @param rank                  its rank among them, 1 = best; 0 when it has no value
 * @param percentile            its percentile among them, 0–100 (100 = best)
 * @param state                 the state of the data the row's figures rest on (energy, output reports, class)
 * @param notes                 what else a reader must know, as messages the report says in its language
 * @param co2T                  CO₂, t, on the policy's carbon basis (grid factor of the month's year, green rule)
 * @param co2PerValueAdded      tCO₂ per 10⁴ CNY value added
 */
public record ReportRow(String enterprise, String name, String industry, double landMu,
                        double energyTce, double electricityKwh, double waterM3, double outputValue,
                        double energyPerOutputValue, String energyPerProduct, double outputValuePerMu, double taxPerMu,
                        double score, String grade, double energyGrowthPercent, double outputGrowthPercent,
                        double elasticity, String quadrant, int peers, double peerFrontrunner, double peerMedian,
                        int rank, double percentile, DataState state, List<DataState.Reason> notes,
                        double co2T, double co2PerValueAdded) {
}
