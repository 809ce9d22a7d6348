package io.parkpulse.efficiency.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.parkpulse.efficiency.scoring.ScoringRule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing is graded, ranked or compared on insufficient data; every figure says how far it can be trusted. */
class DataSufficiencyTest {

    private static final ParkCalendar SHANGHAI = new ParkCalendar(ZoneId.of("Asia/Shanghai"));
    private static final Period OCTOBER = Period.parse("2026-10");
    private static final long Q = 15 * 60_000L;
    private static final ScoringRule ENERGY_AND_TAX = ScoringRule.ratio(List.of(
            ScoredIndicator.ratio(Indicator.TAX_PER_MU, 10, 60), ScoredIndicator.ratio(Indicator.TAX_PER_ENERGY, 1, 40)));
    private static final ClassRule TWO_CLASSES = new ClassRule(ClassRule.Kind.PERCENTILE,
            List.of(new ClassRule.Band("A", 50), new ClassRule.Band("B", 100)));
    private static final GradingScope SCOPE = new GradingScope(3, List.of(), 0, "T");

    private final Map<String, EnterpriseInfo> enterprises = new LinkedHashMap<>();
    private final List<MeterInfo> meters = new ArrayList<>();
    private final Map<String, List<CounterReading>> readings = new HashMap<>();
    private final List<OutputReport> reports = new ArrayList<>();

    DataSufficiencyTest() {
        for (String id : List.of("a", "b", "c")) {
            enterprises.put(id, new EnterpriseInfo(id, "C3011", 100, null));
            meters.add(new MeterInfo("E-" + id, id, Metered.ELECTRICITY, CounterProfile.plain()));
        }
    }

    /** A register advancing {@code perQuarter} every quarter-hour over [from, to]. */
    private static List<CounterReading> steady(long from, long to, double perQuarter) {
        List<CounterReading> list = new ArrayList<>();
        double register = 1000;
        for (long t = from; t <= to; t += Q) {
            list.add(CounterReading.of(t, register));
            register += perQuarter;
        }
        return list;
    }

    private static List<CounterReading> wholeOctober(double perQuarter) {
        return steady(SHANGHAI.start(OCTOBER).toEpochMilli() - 96 * Q, SHANGHAI.end(OCTOBER).toEpochMilli() + 96 * Q, perQuarter);
    }

    /** Readings over the first {@code days} days of October only. */
    private static List<CounterReading> firstDays(int days, double perQuarter) {
        long start = SHANGHAI.start(OCTOBER).toEpochMilli();
        return steady(start - 96 * Q, start + days * 96 * Q, perQuarter);
    }

    private static OutputReport report(String enterprise, YearMonth month, double tax) {
        return OutputReport.builder(enterprise, month, 30_000_000).valueAdded(7_500_000).tax(tax).employees(100).build();
    }

    private Map<String, EnterprisePeriod> evaluate(Period period, double minCoverage) {
        return new ParkEvaluation(SHANGHAI, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT, minCoverage)
                .figures(period, enterprises.values(), meters, id -> readings.getOrDefault(id, List.of()), reports);
    }

    private Map<String, ParkEvaluation.LandEfficiency> grade(Map<String, EnterprisePeriod> figures) {
        return ParkEvaluation.landEfficiency(figures, enterprises, ENERGY_AND_TAX, TWO_CLASSES, SCOPE, LocalDate.of(2026, 10, 31));
    }

    @Test
    void an_empty_month_grades_no_one_and_says_what_is_missing() {
        Map<String, EnterprisePeriod> figures = evaluate(OCTOBER, 0.9);
        Map<String, ParkEvaluation.LandEfficiency> land = grade(figures);

        assertThat(land.values()).allSatisfy(l -> {
            assertThat(l.grade()).isNull();
            assertThat(l.score()).isNull();
            assertThat(l.state().kind()).isEqualTo(DataState.Kind.INSUFFICIENT);
            assertThat(l.state().reasons()).extracting(DataState.Reason::code)
                    .containsExactlyInAnyOrder("no_output_report", "no_readings");
            assertThat(l.reason()).isEqualTo("insufficient data: no electricity readings in the period; no output report for 2026-10");
        });
        assertThat(ParkEvaluation.peerGroups(figures, Indicator.TAX_PER_ENERGY, io.parkpulse.efficiency.benchmark.FrontrunnerRule.BEST))
                .isEmpty();
    }

    @Test
    void one_missing_report_grades_the_others_and_marks_that_one_insufficient() {
        readings.put("E-a", wholeOctober(100));
        readings.put("E-b", wholeOctober(100));
        readings.put("E-c", wholeOctober(100));
        reports.add(report("a", YearMonth.of(2026, 10), 2_000_000));
        reports.add(report("b", YearMonth.of(2026, 10), 1_000_000));

        Map<String, ParkEvaluation.LandEfficiency> land = grade(evaluate(OCTOBER, 0.9));

        assertThat(land.get("a").grade()).isEqualTo("A");
        assertThat(land.get("b").grade()).isEqualTo("B"); // graded between the two: c is not a peer with zero tax
        assertThat(land.get("a").state().kind()).isEqualTo(DataState.Kind.COMPLETE);
        assertThat(land.get("c").grade()).isNull();
        assertThat(land.get("c").state().reasons()).containsExactly(DataState.noOutputReport("2026-10"));
    }

    @Test
    void a_carrier_under_the_policy_coverage_is_insufficient_above_it_partial_with_its_coverage() {
        readings.put("E-a", wholeOctober(100));
        readings.put("E-b", firstDays(29, 100));  // 29 of 31 days: 93.5 %
        readings.put("E-c", firstDays(20, 100));  // 20 of 31 days: 64.5 %
        for (String id : List.of("a", "b", "c")) {
            reports.add(report(id, YearMonth.of(2026, 10), 1_000_000));
        }

        Map<String, EnterprisePeriod> strict = evaluate(OCTOBER, 0.9);
        assertThat(strict.get("b").state(Indicator.TAX_PER_ENERGY).kind()).isEqualTo(DataState.Kind.PARTIAL);
        assertThat(strict.get("b").state(Indicator.TAX_PER_ENERGY).reasons()).containsExactly(
                DataState.partialCoverage("electricity", 29.0 / 31));
        assertThat(strict.get("b").indicators().get(Indicator.TAX_PER_ENERGY).isPresent()).isTrue();
        assertThat(strict.get("c").state(Indicator.TAX_PER_ENERGY).reasons()).containsExactly(
                DataState.coverageBelow("electricity", 20.0 / 31, 0.9));
        assertThat(strict.get("c").indicators().get(Indicator.TAX_PER_ENERGY).missing())
                .isEqualTo("no energy consumption measured for enough of the period");
        assertThat(grade(strict).get("c").grade()).isNull();
        assertThat(strict.get("c").state(Indicator.TAX_PER_MU).kind()).isEqualTo(DataState.Kind.COMPLETE); // no meter in it

        // a park whose policy accepts 60 % counts c's twenty days, as partial
        Map<String, EnterprisePeriod> lenient = evaluate(OCTOBER, 0.6);
        assertThat(lenient.get("c").state(Indicator.TAX_PER_ENERGY).kind()).isEqualTo(DataState.Kind.PARTIAL);
        assertThat(grade(lenient).get("c").grade()).isNotNull();
        assertThat(DataState.coverageBelow("electricity", 20.0 / 31, 0.9).text())
                .isEqualTo("electricity known over 64.5 % of the period, under the policy's 90.0 %");
    }

    @Test
    void a_quarter_with_one_months_report_missing_has_no_output_figure_not_two_thirds_of_one() {
        Period q4 = Period.parse("2026-Q4");
        reports.add(report("a", YearMonth.of(2026, 10), 1_000_000));
        reports.add(report("a", YearMonth.of(2026, 12), 1_000_000));

        EnterprisePeriod a = evaluate(q4, 0.9).get("a");

        assertThat(a.figures().output().outputValue()).isCloseTo(60_000_000, within(1e-6)); // what was reported
        assertThat(a.indicators().get(Indicator.OUTPUT_VALUE).isPresent()).isFalse();
        assertThat(a.indicators().get(Indicator.OUTPUT_VALUE).missing()).isEqualTo("insufficient data: no output report for 2026-11");
        assertThat(a.indicators().get(Indicator.TAX_PER_MU).isPresent()).isFalse();
    }

    @Test
    void an_enterprise_with_no_energy_meter_has_no_energy_state_but_its_reported_figures_stand() {
        enterprises.put("d", new EnterpriseInfo("d", "C3011", 100, null));
        reports.add(report("d", YearMonth.of(2026, 10), 1_000_000));

        EnterprisePeriod d = evaluate(OCTOBER, 0.9).get("d");

        assertThat(d.state(Indicator.COMPREHENSIVE_ENERGY).reasons()).containsExactly(DataState.noEnergyMeter());
        assertThat(d.state(Indicator.WATER).reasons()).containsExactly(DataState.carrierNotMetered("water"));
        assertThat(d.indicators().get(Indicator.TAX_PER_MU).value()).isCloseTo(1, within(1e-12)); // 100 万元 / 100 mu
        assertThat(d.state(Indicator.TAX_PER_MU).kind()).isEqualTo(DataState.Kind.COMPLETE);
    }

    @Test
    void states_combine_to_the_weaker_with_the_reasons_of_both() {
        DataState partial = new DataState(DataState.Kind.PARTIAL, List.of(DataState.partialCoverage("water", 0.95)));
        DataState insufficient = DataState.insufficient(DataState.noOutputReport("2026-10"));

        assertThat(partial.and(DataState.complete())).isSameAs(partial);
        assertThat(DataState.complete().and(insufficient)).isSameAs(insufficient);
        assertThat(partial.and(insufficient).kind()).isEqualTo(DataState.Kind.INSUFFICIENT);
        assertThat(partial.and(insufficient).reasons()).containsExactly(DataState.partialCoverage("water", 0.95),
                DataState.noOutputReport("2026-10"));
        assertThat(insufficient.and(insufficient).reasons()).hasSize(1);
    }
}
