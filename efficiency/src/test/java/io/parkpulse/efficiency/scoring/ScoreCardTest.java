package io.parkpulse.efficiency.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCardTest {

    private static Map<String, Map<Indicator, Double>> group(Indicator indicator, double... values) {
        Map<String, Map<Indicator, Double>> group = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Map<Indicator, Double> v = new java.util.EnumMap<>(Indicator.class);
            v.put(indicator, values[i]);
            group.put("e" + (i + 1), v);
        }
        return group;
    }

    @Test
    void smaller_is_better_ratio_scores_two_minus_the_ratio_and_never_below_zero() {
        ScoredIndicator intensity = new ScoredIndicator(Indicator.ENERGY_PER_VALUE_ADDED, Direction.LOWER_IS_BETTER,
                10, new Benchmark.Fixed(0.5), Double.NaN, Double.NaN, MissingRule.ZERO);
        Map<String, Score> s = ScoreCard.score(group(Indicator.ENERGY_PER_VALUE_ADDED, 0.25, 0.5, 0.75, 1.5),
                ScoringRule.ratio(List.of(intensity)));
        assertThat(s.get("e1").total()).isCloseTo(15, within(1e-12));
        assertThat(s.get("e2").total()).isCloseTo(10, within(1e-12));
        assertThat(s.get("e3").total()).isCloseTo(5, within(1e-12));
        assertThat(s.get("e4").total()).isZero();
    }

    @Test
    void cap_and_floor_bound_the_points_as_multiples_of_the_weight() {
        ScoredIndicator tax = new ScoredIndicator(Indicator.TAX_PER_MU, Direction.HIGHER_IS_BETTER, 30,
                new Benchmark.Fixed(10), 1.2, 0.1, MissingRule.ZERO);
        Map<String, Score> s = ScoreCard.score(group(Indicator.TAX_PER_MU, 50, 10, 0), ScoringRule.ratio(List.of(tax)));
        assertThat(s.get("e1").total()).isCloseTo(36, within(1e-12));
        assertThat(s.get("e2").total()).isCloseTo(30, within(1e-12));
        assertThat(s.get("e3").total()).isCloseTo(3, within(1e-12));
    }

    @Test
    void a_negative_value_earns_no_points_when_no_floor_is_set() {
        Map<String, Score> s = ScoreCard.score(group(Indicator.VALUE_ADDED_PER_MU, -30, 30),
                ScoringRule.ratio(List.of(ScoredIndicator.ratio(Indicator.VALUE_ADDED_PER_MU, 10, 20))));
        assertThat(s.get("e1").total()).isZero();
        assertThat(s.get("e2").total()).isCloseTo(60, within(1e-12));
    }

    @Test
    void benchmark_can_be_twice_the_group_mean() {
        ScoredIndicator tax = new ScoredIndicator(Indicator.TAX_PER_MU, Direction.HIGHER_IS_BETTER, 45,
                new Benchmark.OfPeers(Benchmark.Statistic.MEAN, 2.0), Double.NaN, Double.NaN, MissingRule.ZERO);
        Map<String, Score> s = ScoreCard.score(group(Indicator.TAX_PER_MU, 10, 20, 30), ScoringRule.ratio(List.of(tax)));
        // mean 20, benchmark 40: 10/40*45, 20/40*45, 30/40*45
        assertThat(s.get("e1").total()).isCloseTo(11.25, within(1e-12));
        assertThat(s.get("e3").total()).isCloseTo(33.75, within(1e-12));
    }

    @Test
    void min_max_with_a_20_percent_floor_gives_everyone_20_to_100_percent_of_the_weight() {
        ScoredIndicator tax = new ScoredIndicator(Indicator.TAX_PER_MU, Direction.HIGHER_IS_BETTER, 50,
                new Benchmark.Fixed(1), Double.NaN, Double.NaN, MissingRule.ZERO);
        Map<String, Score> s = ScoreCard.score(group(Indicator.TAX_PER_MU, 5, 10, 25),
                new ScoringRule(ScoringMethod.MIN_MAX, 20, List.of(tax)));
        assertThat(s.get("e1").total()).isCloseTo(10, within(1e-12));          // 50 × 20 %
        assertThat(s.get("e2").total()).isCloseTo(50 * (20 + 80 * 0.25) / 100, within(1e-12));
        assertThat(s.get("e3").total()).isCloseTo(50, within(1e-12));
    }

    @Test
    void a_missing_value_scores_the_group_average_where_the_rule_says_so() {
        ScoredIndicator emissions = new ScoredIndicator(Indicator.VALUE_ADDED_PER_EMISSION, Direction.HIGHER_IS_BETTER,
                10, new Benchmark.Fixed(100), Double.NaN, Double.NaN, MissingRule.PEER_AVERAGE);
        Map<String, Score> s = ScoreCard.score(group(Indicator.VALUE_ADDED_PER_EMISSION, 50, 150, Double.NaN),
                ScoringRule.ratio(List.of(emissions)));
        assertThat(s.get("e3").total()).isCloseTo(10, within(1e-12)); // (5 + 15) / 2
        assertThat(s.get("e3").filled()).containsExactly(Indicator.VALUE_ADDED_PER_EMISSION);
        assertThat(s.get("e1").filled()).isEmpty();
    }
}
