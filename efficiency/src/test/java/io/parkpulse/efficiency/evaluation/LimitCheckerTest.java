package io.parkpulse.efficiency.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.benchmark.LimitComparison;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.benchmark.LimitStandards;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.indicator.OutputReport;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A limit-standard comparison counts what the row counts, and only when all of it is metered. */
class LimitCheckerTest {

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final ParkEvaluation EVALUATION = new ParkEvaluation(new ParkCalendar(ZoneId.of("Asia/Shanghai")),
            CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT);
    private static final LimitChecker CHECKER = new LimitChecker(CoefficientTable.gbt2589(), 0.9);
    private static final EnterpriseInfo CEMENT = new EnterpriseInfo("cement", "C3011", 300, null);
    private static final LimitStandard CLINKER_COMPREHENSIVE = LimitStandards.byId("gb16780-2007/clinker-comprehensive/4000tpd").orElseThrow();
    private static final LimitStandard CLINKER_COAL = LimitStandards.byId("gb16780-2007/clinker-coal/4000tpd").orElseThrow();
    private static final LimitStandard CLINKER_ELECTRICITY = LimitStandards.byId("gb16780-2007/clinker-electricity/4000tpd").orElseThrow();

    /** 100 000 t of clinker, the only product. */
    private static final OutputReport CLINKER = OutputReport.builder("cement", YearMonth.of(2026, 10), 50_000_000)
            .products(List.of(new OutputReport.ProductOutput("clinker", 100_000, "t", 0))).build();

    private static MeterFigure whole(String id, Metered metered, double value) {
        return new MeterFigure(new MeterInfo(id, "cement", metered, CounterProfile.plain()), new ConsumptionFigure(value, 1, 0, 1), List.of());
    }

    private static List<LimitCheck> check(List<MeterFigure> meters, LimitStandard row) {
        EnterprisePeriod p = EVALUATION.figures(OCTOBER, List.of(CEMENT), meters, List.of(CLINKER)).get("cement");
        return CHECKER.check(p, Map.of("clinker", row), OCTOBER);
    }

    @Test
    void only_electricity_metered_is_incomplete_for_a_comprehensive_row_not_advanced() {
        // 8.2 GWh over 100 000 t is 10.08 kgce/t of electricity alone: the kiln's coal is not in it
        LimitCheck c = check(List.of(whole("E", Metered.ELECTRICITY, 8_200_000)), CLINKER_COMPREHENSIVE).get(0);

        assertThat(c.comparison()).isNull();
        assertThat(c.value()).isNaN();
        assertThat(c.state().kind()).isEqualTo(DataState.Kind.INSUFFICIENT);
        assertThat(c.missing()).isEqualTo("incomplete: fuel not metered");
    }

    @Test
    void the_same_enterprise_is_compared_on_the_electricity_row() {
        LimitCheck c = check(List.of(whole("E", Metered.ELECTRICITY, 6_500_000)), CLINKER_ELECTRICITY).get(0);

        assertThat(c.value()).isCloseTo(65, within(1e-9)); // 6 500 000 kWh / 100 000 t
        assertThat(c.comparison().grade()).isEqualTo(LimitComparison.Grade.LIMIT); // 62 < 65 ≤ 68
        assertThat(c.state().kind()).isEqualTo(DataState.Kind.COMPLETE);
    }

    @Test
    void the_coal_row_counts_fuel_only_and_the_comprehensive_row_both() {
        List<MeterFigure> both = List.of(whole("E", Metered.ELECTRICITY, 6_500_000), whole("G", Metered.NATURAL_GAS, 8_000_000));

        // 8 000 000 m³ × 1.2143 kgce/m³ / 100 000 t = 97.144 kgce/t: advanced (≤ 107)
        LimitCheck coal = check(both, CLINKER_COAL).get(0);
        assertThat(coal.value()).isCloseTo(8_000_000 * 1.2143 / 100_000, within(1e-9));
        assertThat(coal.comparison().grade()).isEqualTo(LimitComparison.Grade.ADVANCED);

        // + 6 500 000 kWh × 0.1229 / 100 000 t = 7.9885: 105.1325 kgce/t, advanced (≤ 114)
        LimitCheck all = check(both, CLINKER_COMPREHENSIVE).get(0);
        assertThat(all.value()).isCloseTo((8_000_000 * 1.2143 + 6_500_000 * 0.1229) / 100_000, within(1e-9));
        assertThat(all.comparison().grade()).isEqualTo(LimitComparison.Grade.ADVANCED);
    }

    @Test
    void a_counted_carrier_under_the_coverage_or_a_missing_report_makes_no_comparison() {
        MeterFigure halfGas = new MeterFigure(new MeterInfo("G", "cement", Metered.NATURAL_GAS, CounterProfile.plain()),
                new ConsumptionFigure(4_000_000, 0.5, 0, 0.5), List.of());
        LimitCheck c = check(List.of(whole("E", Metered.ELECTRICITY, 6_500_000), halfGas), CLINKER_COMPREHENSIVE).get(0);
        assertThat(c.comparison()).isNull();
        assertThat(c.missing()).isEqualTo("incomplete: natural_gas known over 50.0 % of the period, under the policy's 90.0 %");

        EnterprisePeriod noReport = EVALUATION.figures(Period.parse("2026-Q4"), List.of(CEMENT),
                List.of(whole("E", Metered.ELECTRICITY, 6_500_000)), List.of(CLINKER)).get("cement");
        LimitCheck q = CHECKER.check(noReport, Map.of("clinker", CLINKER_ELECTRICITY), Period.parse("2026-Q4")).get(0);
        assertThat(q.comparison()).isNull();
        assertThat(q.state().reasons()).extracting(DataState.Reason::code).containsExactly("no_output_report", "no_output_report");
    }

    @Test
    void every_built_in_row_names_what_it_counts() {
        assertThat(LimitStandards.all()).allSatisfy(row -> assertThat(row.counts()).isNotEmpty());
        assertThat(CLINKER_COAL.counts()).containsExactly(LimitStandard.Counted.FUEL);
        assertThat(LimitStandards.byId("gb21341-2008/fesi75-a/smelting-electricity").orElseThrow().counts())
                .containsExactly(LimitStandard.Counted.ELECTRICITY);
    }
}
