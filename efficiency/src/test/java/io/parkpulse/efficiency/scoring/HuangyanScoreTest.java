package io.parkpulse.efficiency.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.StandardCoal;
import io.parkpulse.efficiency.indicator.EnterpriseFigures;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorCalculator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.indicator.OutputTotals;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/domain.md §2.4: Huangyan district's 2022 formula for above-scale industrial firms, worked example 94.143. */
class HuangyanScoreTest {

    static final ScoringRule HUANGYAN_2022 = ScoringRule.ratio(List.of(
            ScoredIndicator.ratio(Indicator.TAX_PER_MU, 24.097, 30),
            ScoredIndicator.ratio(Indicator.VALUE_ADDED_PER_MU, 136.16, 20),
            ScoredIndicator.ratio(Indicator.VALUE_ADDED_PER_ENERGY, 2.694, 20),
            ScoredIndicator.ratio(Indicator.VALUE_ADDED_PER_EMISSION, 4929.81, 10),
            ScoredIndicator.ratio(Indicator.LABOUR_PRODUCTIVITY, 18.14, 10),
            ScoredIndicator.ratio(Indicator.RD_INTENSITY, 0.0302, 10)));

    /** 50 mu, tax 1 500 万元, value added 6 000 万元, 2 500 tce (等价值), 1.5 t pollutants, 400 staff, R&D 300 万元 on revenue 20 000 万元. */
    static EnterpriseFigures example() {
        OutputReport year = OutputReport.builder("ent-example", YearMonth.of(2022, 12), 250_000_000).valueAdded(60_000_000)
                .tax(15_000_000).revenue(200_000_000).rdSpend(3_000_000).employees(400).emissions(1.5).build();
        StandardCoal energy = new StandardCoal(2500, EnergyBasis.EQUAL_VALUE, "given", Map.of());
        return new EnterpriseFigures("ent-example", "C3484", 50, energy, 0, 0, OutputTotals.of(List.of(year)));
    }

    @Test
    void indicators_of_the_example_are_those_of_the_source() {
        Map<Indicator, IndicatorValue> v = IndicatorCalculator.indicators(example());
        assertThat(v.get(Indicator.TAX_PER_MU).value()).isCloseTo(30.0, within(1e-12));
        assertThat(v.get(Indicator.VALUE_ADDED_PER_MU).value()).isCloseTo(120.0, within(1e-12));
        assertThat(v.get(Indicator.VALUE_ADDED_PER_ENERGY).value()).isCloseTo(2.4, within(1e-12));
        assertThat(v.get(Indicator.VALUE_ADDED_PER_EMISSION).value()).isCloseTo(4000, within(1e-9));
        assertThat(v.get(Indicator.LABOUR_PRODUCTIVITY).value()).isCloseTo(15.0, within(1e-12));
        assertThat(v.get(Indicator.RD_INTENSITY).value()).isCloseTo(0.015, within(1e-12));
    }

    @Test
    void the_worked_example_scores_94_143() {
        Map<Indicator, Double> values = new EnumMap<>(Indicator.class);
        IndicatorCalculator.indicators(example()).forEach((k, v) -> values.put(k, v.value()));
        Score score = ScoreCard.score(Map.of("ent-example", values), HUANGYAN_2022).get("ent-example");

        assertThat(score.points().get(Indicator.TAX_PER_MU)).isCloseTo(37.349, within(5e-4));
        assertThat(score.points().get(Indicator.VALUE_ADDED_PER_MU)).isCloseTo(17.626, within(5e-4));
        assertThat(score.points().get(Indicator.VALUE_ADDED_PER_ENERGY)).isCloseTo(17.817, within(5e-4));
        assertThat(score.points().get(Indicator.VALUE_ADDED_PER_EMISSION)).isCloseTo(8.114, within(5e-4));
        assertThat(score.points().get(Indicator.LABOUR_PRODUCTIVITY)).isCloseTo(8.269, within(5e-4));
        assertThat(score.points().get(Indicator.RD_INTENSITY)).isCloseTo(4.967, within(5e-4));
        assertThat(Math.round(score.total() * 1000) / 1000.0).isEqualTo(94.143);
    }
}
