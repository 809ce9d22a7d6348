package io.parkpulse.dashboard.efficiency;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.FactorChoice;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.Enterprise;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A park's carbon year under one policy: every enterprise's months of the year (January through {@code through}) and
 * of the year before, their emissions with basis, the tracking against targets and budgets, and the peer groups of
 * CO₂ per 10⁴ CNY value added of the year to date. Immutable; shared between requests.
 *
 * @param through      the last complete month counted; {@code null} when the year has none yet (January of this year)
 * @param thisYear     enterprise → its months January … through
 * @param previousYear enterprise → its twelve months of the year before (only those operating before that year began)
 * @param emissions    enterprise → its emissions month by month, January … through
 * @param progress     the tracking; {@code null} when {@code through} is
 * @param grid         the grid factor the year's electricity is counted with; {@code null} when there is none
 * @param co2Peers     industry → the peer group of CO₂ per value added of the year to date (sufficient data only)
 */
public record ParkYear(ParkModel model, Policy policy, int year, YearMonth through,
                       Map<String, List<MonthFigures>> thisYear, Map<String, List<MonthFigures>> previousYear,
                       Map<String, List<Emissions>> emissions, TargetProgress progress, FactorChoice grid,
                       Map<String, PeerGroup> co2Peers) {

    /** The enterprise's name in the park file, or its id when the park file no longer has it. */
    public String enterpriseName(String id) {
        Enterprise e = model.park().enterprises().get(EnterpriseId.of(id));
        return e == null ? id : e.name();
    }

    /** Months of the year counted (0 when none is complete yet). */
    public int months() {
        return through == null ? 0 : through.getMonthValue();
    }
}
