package io.parkpulse.efficiency.carbon.tracking;

import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.CarbonTargets;
import io.parkpulse.efficiency.carbon.Milestone;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's progress toward the park's budgets and intensity milestone through a month, for the park and each enterprise
 * (docs/efficiency.md, "Targets and tracking"). Every verdict carries its data state; {@link Verdict#UNKNOWN} says why.
 *
 * @param year         the year
 * @param through      the last month counted
 * @param targets      the plan, {@code null} when the policy has none
 * @param milestone    the year's milestone, {@code null} when the year is not one of the plan's
 * @param park         the park's progress
 * @param enterprises  each enterprise's, in input order
 * @param contributors who makes the park's gaps
 */
public record TargetProgress(int year, YearMonth through, CarbonTargets targets, Milestone milestone, ParkProgress park,
                             Map<String, EnterpriseProgress> enterprises, Contributors contributors) {

    public TargetProgress {
        enterprises = Collections.unmodifiableMap(new LinkedHashMap<>(enterprises));
    }

    /** How the budget is spread over the months for the "budget to date" line. */
    public enum Profile {
        /** In proportion to the previous year's months (its seasonal shape). */
        PREVIOUS_YEAR_SHARES,
        /** In proportion to the days of each month (no complete previous year). */
        DAYS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A total (energy or CO₂) against its budget.
     *
     * @param quantity  energy (tce) or CO₂ (t)
     * @param ytd       the year to date
     * @param budget    the year's budget, {@code NaN} when none
     * @param budgetYtd the budget spread over the months through {@code through} ({@link Profile}), {@code NaN} when none
     * @param forecast  the year-end forecast with its band
     * @param verdict   against budget × (1 + margin)
     * @param gap       forecast − budget, {@code NaN} when either is unknown
     * @param state     the data state of the year to date and the forecast
     * @param why       why the verdict is unknown ({@code no_budget}, {@code insufficient_data}), else {@code null}
     */
    public record TotalProgress(CarbonQuantity quantity, double ytd, double budget, double budgetYtd, Forecast forecast,
                                Verdict verdict, double gap, DataState state, Reason why) {
        public String unit() {
            return quantity.unit();
        }
    }

    /**
     * An intensity (energy or CO₂ per 10⁴ CNY of value added) of the year to date against the milestone.
     *
     * @param ytd       Σ energy (or CO₂) ÷ Σ value added of the months through {@code through}
     * @param milestone the year's milestone, {@code NaN} when none
     * @param verdict   against milestone × (1 + margin)
     * @param gap       ytd − milestone
     * @param state     the data state of the year to date
     * @param why       why the verdict is unknown ({@code no_milestone}, {@code insufficient_data}, {@code quantity_zero})
     */
    public record IntensityProgress(double ytd, double milestone, Verdict verdict, double gap, DataState state, Reason why) {
    }

    /**
     * One month of the chart: the month's figures, the cumulative actual and the cumulative budget profile.
     * Cumulative figures after an unknown month are unknown ({@code NaN}).
     */
    public record MonthProgress(YearMonth month, double energyTce, double co2T, double valueAdded10k,
                                double cumulativeEnergyTce, double cumulativeCo2T, double budgetCumulativeEnergyTce,
                                double budgetCumulativeCo2T, DataState state) {
    }

    /**
     * The park: sums of its enterprises. A month with an enterprise month that is insufficient is insufficient and names
     * the enterprise.
     */
    public record ParkProgress(TotalProgress energy, TotalProgress co2, IntensityProgress energyPerValueAdded,
                               IntensityProgress co2PerValueAdded, List<MonthProgress> months, Profile budgetProfile,
                               DataState state) {
        public ParkProgress {
            months = List.copyOf(months);
        }
    }

    /**
     * An enterprise: its totals against its own budget (verdict unknown with {@code no_budget} when it has none), its
     * intensities of the year to date, its two-high reasons.
     */
    public record EnterpriseProgress(String enterprise, String industry, TotalProgress energy, TotalProgress co2,
                                     double energyPerValueAddedYtd, double co2PerValueAddedYtd, List<MonthProgress> months,
                                     Profile budgetProfile, List<Reason> twoHigh, DataState state) {
        public EnterpriseProgress {
            months = List.copyOf(months);
            twoHigh = List.copyOf(twoHigh);
        }

        public boolean isTwoHigh() {
            return !twoHigh.isEmpty();
        }
    }

    /**
     * The shares of the park's gaps, largest first; empty when the gap is unknown (no budget, no milestone,
     * insufficient data).
     */
    public record Contributors(List<Contribution> energy, List<Contribution> co2, List<Contribution> energyPerValueAdded,
                               List<Contribution> co2PerValueAdded) {
        public Contributors {
            energy = List.copyOf(energy);
            co2 = List.copyOf(co2);
            energyPerValueAdded = List.copyOf(energyPerValueAdded);
            co2PerValueAdded = List.copyOf(co2PerValueAdded);
        }
    }
}
