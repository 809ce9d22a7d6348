package io.parkpulse.efficiency.carbon.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.carbon.Budget;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.CarbonTargets;
import io.parkpulse.efficiency.carbon.GreenElectricityRule;
import io.parkpulse.efficiency.carbon.GridFactorScope;
import io.parkpulse.efficiency.carbon.Milestone;
import io.parkpulse.efficiency.carbon.TwoHighRule;
import io.parkpulse.efficiency.carbon.YearBudget;
import io.parkpulse.efficiency.evaluation.DataState;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two enterprises through March 2026, last year complete. A ("cement", C3011): last year 100 tce and 250 t a month,
 * this year 110 tce, 275 t and 200 万元 value added a month. B ("textiles", C1711): 50 tce, 100 t last year and this
 * year, 100 万元 a month. Park budget 2026: 1 900 tce, 4 600 t; A's own energy budget 1 250 tce. Milestone 2026 (stated):
 * 0.52 tce/万元, 1.45 t/万元.
 */
class TargetTrackerTest {

    private static final CarbonPolicy POLICY = new CarbonPolicy(GridFactorScope.NATIONAL, null, Map.of(),
            GreenElectricityRule.NOT_DEDUCTED, 0.11, Map.of(),
            new CarbonTargets("十五五", 2025, 2030, 0.62, 1.60, 0.135, 0.18, Map.of(2026, new Milestone(2026, 0.52, 1.45, true))),
            Map.of(2026, new YearBudget(2026, new Budget(1_900, 4_600), Map.of("cement", new Budget(1_250, Double.NaN)))),
            new TwoHighRule(List.of("C30"), Double.NaN, Double.NaN), 0, 0);

    private static List<MonthFigures> months(int year, int count, double tce, double co2, double valueAdded) {
        List<MonthFigures> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(new MonthFigures(YearMonth.of(year, i), tce, co2, valueAdded, valueAdded * 4, DataState.complete()));
        }
        return list;
    }

    private static TargetProgress track(List<MonthFigures> textilesThisYear) {
        Map<String, List<MonthFigures>> thisYear = new LinkedHashMap<>();
        thisYear.put("cement", months(2026, 3, 110, 275, 200));
        thisYear.put("textiles", textilesThisYear);
        Map<String, List<MonthFigures>> lastYear = new LinkedHashMap<>();
        lastYear.put("cement", months(2025, 12, 100, 250, 180));
        lastYear.put("textiles", months(2025, 12, 50, 100, 100));
        return TargetTracker.track(2026, YearMonth.of(2026, 3), thisYear, lastYear,
                Map.of("cement", "C3011", "textiles", "C1711"), POLICY);
    }

    @Test
    void the_park_is_at_risk_on_energy_and_on_track_on_co2() {
        TargetProgress t = track(months(2026, 3, 50, 100, 100));
        TargetProgress.TotalProgress energy = t.park().energy();

        // YTD 3 × 110 + 3 × 50 = 480 tce. A: r = 330 ÷ 300 = 1.1, 330 + 1.1 × 900 = 1 320; B: 150 + 1 × 450 = 600;
        // park forecast = 1 320 + 600 = 1 920
        assertThat(energy.ytd()).isCloseTo(480, within(1e-9));
        assertThat(energy.forecast().value()).isCloseTo(1920, within(1e-9));
        assertThat(energy.forecast().method()).isEqualTo(Forecast.SEASONAL_RATIO);
        // park band: ratios all 480 ÷ 450 = 1.066667, spread at the 2 % floor 0.0213333;
        // σ = 0.0213333 × √(9 × 150² + 1 350² × 3 × 150² ÷ 450²) = 0.0213333 × √(202 500 + 607 500) = 0.0213333 × 900 = 19.2
        assertThat(energy.forecast().low()).isCloseTo(1920 - 38.4, within(1e-6));
        assertThat(energy.forecast().high()).isCloseTo(1920 + 38.4, within(1e-6));
        // 1 881.6 ≤ 1 900 < 1 920: at risk, 20 tce over; budget to date by last year's flat shares: 1 900 × 3/12 = 475
        assertThat(energy.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(energy.gap()).isCloseTo(20, within(1e-9));
        assertThat(energy.budgetYtd()).isCloseTo(475, within(1e-9));
        assertThat(t.park().budgetProfile()).isEqualTo(TargetProgress.Profile.PREVIOUS_YEAR_SHARES);

        // CO2: A 825 + 1.1 × 2 250 = 3 300; B 300 + 900 = 1 200; 4 500 against 4 600. Park ratio 1 125 ÷ 1 050 = 1.071429,
        // σ = 0.0214286 × √(9 × 350² + 3 150² × 3 × 350² ÷ 1 050²) = 0.0214286 × 2 100 = 45: high 4 590 ≤ 4 600
        TargetProgress.TotalProgress co2 = t.park().co2();
        assertThat(co2.forecast().value()).isCloseTo(4500, within(1e-9));
        assertThat(co2.forecast().high()).isCloseTo(4590, within(1e-6));
        assertThat(co2.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(co2.gap()).isCloseTo(-100, within(1e-9));

        List<TargetProgress.MonthProgress> months = t.park().months();
        assertThat(months).hasSize(3);
        assertThat(months.get(1).cumulativeEnergyTce()).isCloseTo(320, within(1e-9));       // 2 × 160
        assertThat(months.get(1).budgetCumulativeEnergyTce()).isCloseTo(1900 * 2 / 12.0, within(1e-9));
        assertThat(months.get(2).budgetCumulativeCo2T()).isCloseTo(4600 * 3 / 12.0, within(1e-9));
    }

    @Test
    void the_budget_profile_runs_all_year_by_last_years_months_or_else_by_days() {
        // last year: cement 100 tce a month but 400 in December (1 500 in all), textiles 50 a month (600): the park's
        // months 150 … 150 and 450 in December, 2 100 in all → through November 1 650 ÷ 2 100, December 1
        Map<String, List<MonthFigures>> lastYear = new LinkedHashMap<>();
        List<MonthFigures> cement = new ArrayList<>(months(2025, 11, 100, 250, 180));
        cement.add(new MonthFigures(YearMonth.of(2025, 12), 400, 1000, 180, 720, DataState.complete()));
        lastYear.put("cement", cement);
        lastYear.put("textiles", months(2025, 12, 50, 100, 100));
        double[] park = TargetTracker.cumulativeBudgetShares(2026, lastYear, CarbonQuantity.ENERGY);
        assertThat(park[0]).isCloseTo(150 / 2100.0, within(1e-12));
        assertThat(park[10]).isCloseTo(1650 / 2100.0, within(1e-12));
        assertThat(park[11]).isCloseTo(1, within(1e-12));
        // one enterprise: its own months, 1 100 ÷ 1 500 through November
        assertThat(TargetTracker.cumulativeBudgetShares(2026, Map.of("cement", cement), CarbonQuantity.ENERGY)[10])
                .isCloseTo(1100 / 1500.0, within(1e-12));
        // the same rule as the tracker's budget to date: through March 3 × 150 ÷ 2 100
        Map<String, List<MonthFigures>> thisYear = Map.of("cement", months(2026, 3, 110, 275, 200),
                "textiles", months(2026, 3, 50, 100, 100));
        TargetProgress t = TargetTracker.track(2026, YearMonth.of(2026, 3), thisYear, lastYear, POLICY);
        assertThat(t.park().months().get(2).budgetCumulativeEnergyTce()).isCloseTo(1900 * park[2], within(1e-9));
        // no last year (or an incomplete one): by days, 2026 not a leap year — January 31 ÷ 365, June 181 ÷ 365
        double[] days = TargetTracker.cumulativeBudgetShares(2026, Map.of(), CarbonQuantity.CO2);
        assertThat(days[0]).isCloseTo(31 / 365.0, within(1e-12));
        assertThat(days[5]).isCloseTo(181 / 365.0, within(1e-12));
        assertThat(days[11]).isCloseTo(1, within(1e-12));
    }

    @Test
    void the_enterprises_gaps_add_up_to_the_parks() {
        TargetProgress t = track(months(2026, 3, 50, 100, 100));

        // A has its own 1 250 tce; B gets the rest, 1 900 − 1 250 = 650. A: 1 320 − 1 250 = 70; B: 600 − 650 = −50.
        // 70 − 50 = 20 = the park's gap
        List<Contribution> energy = t.contributors().energy();
        assertThat(energy).extracting(Contribution::enterprise).containsExactly("cement", "textiles");
        assertThat(energy.get(0).gap()).isCloseTo(70, within(1e-9));
        assertThat(energy.get(1).gap()).isCloseTo(-50, within(1e-9));
        assertThat(energy.get(0).share()).isCloseTo(3.5, within(1e-9)); // 70 ÷ 20
        assertThat(energy.stream().mapToDouble(Contribution::gap).sum()).isCloseTo(t.park().energy().gap(), within(1e-9));
        // CO2, no own budgets: 4 600 shared by last year's totals 3 000 : 1 200 → 3 285.714 and 1 314.286;
        // gaps 3 300 − 3 285.714 = 14.286 and 1 200 − 1 314.286 = −114.286: together −100
        List<Contribution> co2 = t.contributors().co2();
        assertThat(co2.get(0).gap()).isCloseTo(14.285714, within(1e-6));
        assertThat(co2.get(1).gap()).isCloseTo(-114.285714, within(1e-6));
        assertThat(co2.stream().mapToDouble(Contribution::gap).sum()).isCloseTo(-100, within(1e-9));

        // intensity: park 480 tce ÷ 900 万元 = 0.533333 against 0.52 → off track by 0.013333;
        // A (330 − 0.52 × 600) ÷ 900 = 0.02, B (150 − 0.52 × 300) ÷ 900 = −0.006667: together 0.013333
        TargetProgress.IntensityProgress energyPerVa = t.park().energyPerValueAdded();
        assertThat(energyPerVa.ytd()).isCloseTo(0.533333, within(1e-6));
        assertThat(energyPerVa.verdict()).isEqualTo(Verdict.OFF_TRACK);
        List<Contribution> intensity = t.contributors().energyPerValueAdded();
        assertThat(intensity.get(0).gap()).isCloseTo(0.02, within(1e-12));
        assertThat(intensity.get(1).gap()).isCloseTo(-0.0066667, within(1e-7));
        assertThat(intensity.stream().mapToDouble(Contribution::gap).sum()).isCloseTo(energyPerVa.gap(), within(1e-12));
        // CO2 per value added 1 125 ÷ 900 = 1.25 ≤ 1.45: on track
        assertThat(t.park().co2PerValueAdded().verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(t.contributors().co2PerValueAdded().stream().mapToDouble(Contribution::gap).sum())
                .isCloseTo(1.25 - 1.45, within(1e-12));
    }

    @Test
    void enterprises_are_judged_against_their_own_budget_and_marked_two_high() {
        TargetProgress t = track(months(2026, 3, 50, 100, 100));
        TargetProgress.EnterpriseProgress cement = t.enterprises().get("cement");
        // 1 320 ± 2 × 13.2 (σ = 0.022 × √(9 × 100² + 900² × 3 × 100² ÷ 300²) = 0.022 × 600): even 1 293.6 > 1 250
        assertThat(cement.energy().forecast().low()).isCloseTo(1293.6, within(1e-6));
        assertThat(cement.energy().verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(cement.co2().verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(cement.co2().why().code()).isEqualTo("no_budget");
        assertThat(cement.energyPerValueAddedYtd()).isCloseTo(330 / 600.0, within(1e-12));
        assertThat(cement.twoHigh()).extracting(DataState.Reason::code).containsExactly("two_high_industry");
        assertThat(t.enterprises().get("textiles").isTwoHigh()).isFalse();
    }

    @Test
    void an_insufficient_enterprise_month_makes_the_park_month_insufficient_and_no_verdict_is_given() {
        List<MonthFigures> textiles = new ArrayList<>(months(2026, 3, 50, 100, 100));
        textiles.set(1, new MonthFigures(YearMonth.of(2026, 2), 50, 100, Double.NaN, Double.NaN,
                DataState.insufficient(DataState.noOutputReport("2026-02"))));
        TargetProgress t = track(textiles);

        TargetProgress.MonthProgress february = t.park().months().get(1);
        assertThat(february.state().kind()).isEqualTo(DataState.Kind.INSUFFICIENT);
        assertThat(february.state().reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("enterprise_month_insufficient");
            assertThat(r.args()).containsEntry("enterprise", "textiles").containsEntry("month", "2026-02");
            assertThat(r.text()).contains("no output report for 2026-02");
        });
        assertThat(t.park().energy().verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(t.park().energy().state().isSufficient()).isFalse();
        assertThat(t.park().energy().why().code()).isEqualTo("insufficient_data");
        assertThat(t.park().energyPerValueAdded().verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(t.contributors().energy()).isEmpty();
        assertThat(t.contributors().energyPerValueAdded()).isEmpty();
        // the cement works' own data is whole: its verdict stands
        assertThat(t.enterprises().get("cement").energy().verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(t.enterprises().get("textiles").energy().verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void a_month_not_given_is_insufficient_and_a_new_enterprise_forecasts_by_run_rate() {
        Map<String, List<MonthFigures>> thisYear = Map.of("new", months(2026, 1, 10, 20, 30));
        TargetProgress t = TargetTracker.track(2026, YearMonth.of(2026, 2), thisYear, Map.of(), POLICY);
        assertThat(t.enterprises().get("new").state().reasons()).extracting(DataState.Reason::code).containsExactly("no_month_figures");

        TargetProgress ok = TargetTracker.track(2026, YearMonth.of(2026, 1), thisYear, Map.of(), POLICY);
        assertThat(ok.enterprises().get("new").energy().forecast().method()).isEqualTo(Forecast.RUN_RATE);
        assertThat(ok.park().budgetProfile()).isEqualTo(TargetProgress.Profile.DAYS);
        // budget by days: 1 900 × 31 ÷ 365
        assertThat(ok.park().energy().budgetYtd()).isCloseTo(1900 * 31 / 365.0, within(1e-9));
    }
}
