package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The year's budget spread over its twelve months, cumulative — the "budget to date" line of the month chart after
 * the last month counted too. The same rule as the tracker's (docs/efficiency.md, "Budget profile"): in proportion to
 * the previous year's months when the series has a complete previous year with a total above 0, else to the days of
 * the months. Pure.
 */
public final class BudgetProfile {

    private BudgetProfile() {
    }

    /**
     * Cumulative shares of the year, January … December (the last is 1).
     *
     * @param previous the series' twelve months of the year before, or {@code null} when it has none
     */
    public static double[] cumulativeShares(int year, List<MonthFigures> previous, CarbonQuantity quantity) {
        double[] shares = new double[12];
        double total = 0;
        boolean complete = previous != null && previous.size() == 12
                && previous.stream().allMatch(f -> f.state().isSufficient());
        if (complete) {
            for (MonthFigures f : previous) {
                total += value(f, quantity);
            }
        }
        if (complete && total > 0) {
            double part = 0;
            for (int i = 0; i < 12; i++) {
                part += value(previous.get(i), quantity);
                shares[i] = part / total;
            }
            return shares;
        }
        double days = 0;
        int yearDays = YearMonth.of(year, 1).atDay(1).lengthOfYear();
        for (int i = 0; i < 12; i++) {
            days += YearMonth.of(year, i + 1).lengthOfMonth();
            shares[i] = days / yearDays;
        }
        return shares;
    }

    /**
     * The park's previous year, month by month the sum of its enterprises': {@code null} when none has one, or when one
     * that has one is not complete (the tracker's rule: a park month is as sure as its least sure enterprise month).
     */
    public static List<MonthFigures> parkPrevious(Collection<List<MonthFigures>> enterprises) {
        if (enterprises.isEmpty()) {
            return null;
        }
        double[][] sums = new double[12][2];
        for (List<MonthFigures> months : enterprises) {
            if (months.size() != 12 || !months.stream().allMatch(f -> f.state().isSufficient())) {
                return null;
            }
            for (int i = 0; i < 12; i++) {
                sums[i][0] += months.get(i).energyTce();
                sums[i][1] += months.get(i).co2T();
            }
        }
        List<MonthFigures> park = new ArrayList<>();
        YearMonth first = enterprises.iterator().next().get(0).month();
        for (int i = 0; i < 12; i++) {
            park.add(new MonthFigures(first.plusMonths(i), sums[i][0], sums[i][1], Double.NaN, Double.NaN,
                    io.parkpulse.efficiency.evaluation.DataState.complete()));
        }
        return park;
    }

    private static double value(MonthFigures f, CarbonQuantity q) {
        return q == CarbonQuantity.ENERGY ? f.energyTce() : f.co2T();
    }
}
