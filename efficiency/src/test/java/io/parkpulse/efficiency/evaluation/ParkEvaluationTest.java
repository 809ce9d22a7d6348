package io.parkpulse.efficiency.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.benchmark.FrontrunnerRule;
import io.parkpulse.efficiency.benchmark.PeerGroup;
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

class ParkEvaluationTest {

    private static final ParkCalendar SHANGHAI = new ParkCalendar(ZoneId.of("Asia/Shanghai"));
    private static final Period OCTOBER = Period.parse("2026-10");
    private static final long Q = 15 * 60_000L;

    /** A register advancing {@code kwhPerQuarter} every quarter-hour from a day before the month to a day after. */
    private static List<CounterReading> steady(double kwhPerQuarter) {
        long from = SHANGHAI.start(OCTOBER).toEpochMilli() - 96 * Q;
        long to = SHANGHAI.end(OCTOBER).toEpochMilli() + 96 * Q;
        List<CounterReading> list = new ArrayList<>();
        double register = 1000;
        for (long t = from; t <= to; t += Q) {
            list.add(CounterReading.of(t, register));
            register += kwhPerQuarter;
        }
        return list;
    }

    @Test
    void a_meter_known_for_less_than_90_percent_of_the_month_gives_no_figure() {
        long from = SHANGHAI.start(OCTOBER).toEpochMilli();
        List<CounterReading> firstHalf = steady(100).stream().filter(r -> r.timeMs() <= from + 15L * 96 * Q).toList();
        EnterpriseInfo a = new EnterpriseInfo("a", "C3011", 100, null);
        Map<String, EnterprisePeriod> figures = new ParkEvaluation(SHANGHAI, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT)
                .figures(OCTOBER, List.of(a), List.of(new MeterInfo("E-a", "a", Metered.ELECTRICITY, CounterProfile.plain())),
                        id -> firstHalf, List.of(report("a", 30_000_000, 2_000_000)));

        EnterprisePeriod p = figures.get("a");
        assertThat(p.consumption().get(Metered.ELECTRICITY).coverage()).isCloseTo(15.0 / 31, within(1e-12));
        assertThat(p.indicators().get(Indicator.ELECTRICITY).isPresent()).isFalse();
        assertThat(p.indicators().get(Indicator.ENERGY_PER_OUTPUT_VALUE).missing()).isEqualTo("no energy measured for enough of the period");
    }

    private static OutputReport report(String enterprise, double outputValue, double tax) {
        return OutputReport.builder(enterprise, YearMonth.of(2026, 10), outputValue).valueAdded(outputValue * 0.25).tax(tax)
                .employees(100).build();
    }

    @Test
    void october_figures_rank_peers_and_grade_the_graded() {
        Map<String, EnterpriseInfo> enterprises = new LinkedHashMap<>();
        enterprises.put("a", new EnterpriseInfo("a", "C3011", 100, null));
        enterprises.put("b", new EnterpriseInfo("b", "C3011", 50, null));
        enterprises.put("c", new EnterpriseInfo("c", "C3011", 80, LocalDate.of(2026, 3, 1)));
        enterprises.put("w", new EnterpriseInfo("w", "D4620", 12, null));
        enterprises.put("s", new EnterpriseInfo("s", "I6513", 0, null));
        List<MeterInfo> meters = List.of(
                new MeterInfo("E-a", "a", Metered.ELECTRICITY, CounterProfile.plain()),
                new MeterInfo("E-b", "b", Metered.ELECTRICITY, CounterProfile.plain()),
                new MeterInfo("E-c", "c", Metered.ELECTRICITY, CounterProfile.plain()),
                new MeterInfo("E-w", "w", Metered.ELECTRICITY, CounterProfile.plain()),
                new MeterInfo("W-a", "a", Metered.WATER, CounterProfile.plain()));
        Map<String, List<CounterReading>> readings = new HashMap<>();
        readings.put("E-a", steady(100));  // 31 days × 96 × 100 = 297 600 kWh
        readings.put("E-b", steady(50));   // 148 800 kWh
        readings.put("E-c", steady(75));   // 223 200 kWh
        readings.put("E-w", steady(10));
        readings.put("W-a", steady(1));
        List<OutputReport> reports = List.of(report("a", 30_000_000, 2_000_000), report("b", 10_000_000, 500_000),
                report("c", 30_000_000, 1_000_000), report("w", 1_000_000, 10_000));

        ParkEvaluation evaluation = new ParkEvaluation(SHANGHAI, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT);
        Map<String, EnterprisePeriod> figures = evaluation.figures(OCTOBER, enterprises.values(), meters,
                id -> readings.getOrDefault(id, List.of()), reports);

        EnterprisePeriod a = figures.get("a");
        assertThat(a.figures().electricityKwh()).isCloseTo(297_600, within(1e-6));
        assertThat(a.figures().waterM3()).isCloseTo(2_976, within(1e-6));
        assertThat(a.consumption().get(Metered.ELECTRICITY).completeness()).isEqualTo(1.0);
        assertThat(a.figures().energy().tce()).isCloseTo(297_600 * 0.1229 / 1000, within(1e-9));
        assertThat(a.indicators().get(Indicator.ENERGY_PER_OUTPUT_VALUE).value())
                .isCloseTo(297_600 * 0.1229 / 1000 / 3000, within(1e-12));

        PeerGroup cement = ParkEvaluation.peerGroups(figures, Indicator.ENERGY_PER_OUTPUT_VALUE, FrontrunnerRule.BEST).get("C3011");
        // per 10^4 CNY: a 297 600/3 000, b 148 800/1 000, c 223 200/3 000 kWh → c best, a, b worst
        assertThat(cement.standings().keySet()).containsExactly("c", "a", "b");
        assertThat(cement.leaders()).containsExactly("c");
        assertThat(ParkEvaluation.peerGroups(figures, Indicator.ENERGY_PER_OUTPUT_VALUE, FrontrunnerRule.BEST))
                .containsKeys("C3011", "D4620").doesNotContainKey("I6513"); // s reported nothing

        // no water meter is no water figure, not zero water: b and c are not the water frontrunners
        assertThat(figures.get("b").indicators().get(Indicator.WATER_PER_OUTPUT_VALUE).missing())
                .isEqualTo("no water measured for enough of the period");
        assertThat(ParkEvaluation.peerGroups(figures, Indicator.WATER_PER_OUTPUT_VALUE, FrontrunnerRule.BEST).get("C3011")
                .standings()).containsOnlyKeys("a");
        assertThat(figures.get("s").indicators().get(Indicator.COMPREHENSIVE_ENERGY).isPresent()).isFalse();

        ScoringRule taxOnly = ScoringRule.ratio(List.of(ScoredIndicator.ratio(Indicator.TAX_PER_MU, 10, 100)));
        GradingScope scope = new GradingScope(3, List.of("D44", "D45", "D46"), 2, "T");
        ClassRule twoClasses = new ClassRule(ClassRule.Kind.PERCENTILE, List.of(new ClassRule.Band("A", 50), new ClassRule.Band("B", 100)));
        Map<String, ParkEvaluation.LandEfficiency> land = ParkEvaluation.landEfficiency(figures, enterprises, taxOnly,
                twoClasses, scope, LocalDate.of(2026, 11, 1));

        assertThat(land.get("a").score().total()).isCloseTo(20, within(1e-9)); // 200 万元 / 100 mu / 10 × 100
        assertThat(land.get("a").grade()).isEqualTo("A");
        assertThat(land.get("b").grade()).isEqualTo("B");                     // 1 of 2 graded ranks above it
        assertThat(land.get("c").grade()).isEqualTo("T");
        assertThat(land.get("c").reason()).contains("fewer than 2 years");
        assertThat(land.get("w").grade()).isEqualTo("T");
        assertThat(land.get("w").reason()).contains("D4620");
        assertThat(land.get("s").score()).isNull();
        assertThat(land.get("s").reason()).contains("below the 3.0 mu threshold");
        assertThat(land.get("s").why().code()).isEqualTo("land_below_threshold");
        assertThat(land.get("s").why().args()).containsEntry("land_mu", "0.0").containsEntry("threshold_mu", "3.0");
        assertThat(land.get("c").why().code()).isEqualTo("operating_too_short");
        assertThat(land.get("w").why().code()).isEqualTo("industry_not_graded");
    }
}
