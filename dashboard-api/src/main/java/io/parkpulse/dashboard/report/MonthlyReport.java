package io.parkpulse.dashboard.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The monthly report of a park as one caller may see it: every enterprise for an operator, its own line for an
 * enterprise.
 *
 * @param policyVersion  the policy the figures were computed under
 * @param energyBasis    the energy basis id (equivalent, equal_value) and its Chinese name
 * @param coefficients   the standard-coal coefficient table
 * @param frontrunnerTopPercent how the peers' frontrunner value is taken (0: the single best)
 * @param generatedFor   the caller's name, for the record
 * @param grid           the grid emission factor the month's CO₂ is counted with, {@code null} when there is none
 * @param greenRule      the green-electricity rule id
 */
public record MonthlyReport(String park, String parkName, ZoneId zone, YearMonth month, String policyVersion,
                            String energyBasis, String energyBasisName, String coefficients,
                            double frontrunnerTopPercent, Instant generatedAt, String generatedFor,
                            List<ReportRow> rows, io.parkpulse.efficiency.carbon.FactorChoice grid, String greenRule) {

    /** {@code parkpulse-demo-park-2026-09.xlsx}; the park id reduced to characters safe in a header and a file name. */
    public String fileName(ReportFormat format) {
        return "parkpulse-" + park.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + month + "." + format.extension();
    }
}
