package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.carbon.FactorChoice;
import io.parkpulse.efficiency.carbon.tracking.Verdict;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The carbon report of a month or a year (docs/reports.md, "Carbon report"): one line per enterprise and one for the
 * park, with what the figures rest on.
 *
 * @param period        the month ({@code 2026-11}) or the year ({@code 2026}) asked for
 * @param first         the first month counted
 * @param through       the last month counted (the year's last complete month)
 * @param grid          the grid factor used, {@code null} when there is none
 * @param gridNote      why there is none, or that it is an earlier year's; {@code null} otherwise
 * @param greenRule     the green-electricity rule id
 * @param heatTCo2PerGj the heat factor
 * @param energyBasis   the energy basis id and the coefficient table
 */
public record CarbonReport(String park, String parkName, ZoneId zone, String period, YearMonth first, YearMonth through,
                           String policyVersion, FactorChoice grid, DataState.Reason gridNote, String greenRule,
                           double heatTCo2PerGj, String energyBasis, String coefficients, Instant generatedAt,
                           String generatedFor, List<Row> rows) {

    /**
     * One line. Numbers are {@code NaN} when unknown (blank in the file, the notes say why).
     *
     * @param co2ByCarrier   tCO₂ per carrier counted
     * @param budget*        the year's budget, {@code NaN} when none
     * @param forecast*      the year-end forecast as of {@code through}
     * @param state          the data state of the line's figures
     * @param notes          carbon notes and why a verdict is unknown
     */
    public record Row(String enterprise, String name, String industry, boolean park, double energyTce, double co2T,
                      Map<EnergyCarrier, Double> co2ByCarrier, double greenKwhDeclared, double greenKwhApplied,
                      double valueAdded10k, double outputValue10k, double energyPerValueAdded, double co2PerValueAdded,
                      double co2PerOutputValue, double budgetEnergyTce, double budgetCo2T, double forecastEnergyTce,
                      double forecastCo2T, double forecastCo2Low, double forecastCo2High, Verdict energyVerdict,
                      Verdict co2Verdict, boolean twoHigh, DataState state, List<DataState.Reason> notes) {
    }

    /** {@code parkpulse-carbon-demo-park-2026-11.csv}. */
    public String fileName(ReportFormat format) {
        return "parkpulse-carbon-" + park.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + period + "." + format.extension();
    }
}
