package io.parkpulse.efficiency.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Yearly milestones of a five-year intensity target, budgets and two-high marking. */
class CarbonTargetsTest {

    /** 十五五: energy per value added 0.62 → −13.5 %, CO2 per value added 1.45 → −18 % from 2025 to 2030. */
    private static final CarbonTargets PLAN = new CarbonTargets("十五五 (2026–2030)", 2025, 2030, 0.62, 1.45, 0.135, 0.18,
            Map.of(2027, new Milestone(2027, 0.59, Double.NaN, true)));

    @Test
    void milestones_fall_by_the_same_share_every_year_to_the_final_target() {
        // each year × (1 − 0.135)^(1/5) = 0.971411; 2026: 0.62 × 0.971411 = 0.602275
        assertThat(PLAN.milestone(2026).energyPerValueAdded()).isCloseTo(0.602275, within(1e-6));
        // 2028: 0.62 × 0.971411³ = 0.62 × 0.916663 = 0.568331
        assertThat(PLAN.milestone(2028).energyPerValueAdded()).isCloseTo(0.568331, within(1e-6));
        // 2030: 0.62 × 0.865 = 0.5363, exactly the target
        assertThat(PLAN.milestone(2030).energyPerValueAdded()).isCloseTo(0.5363, within(1e-12));
        // CO2: 2026: 1.45 × 0.82^(1/5) = 1.45 × 0.961087 = 1.393576; 2030: 1.45 × 0.82 = 1.189
        assertThat(PLAN.milestone(2026).co2PerValueAdded()).isCloseTo(1.393576, within(1e-6));
        assertThat(PLAN.milestone(2030).co2PerValueAdded()).isCloseTo(1.189, within(1e-12));
        assertThat(PLAN.milestone(2026).stated()).isFalse();
    }

    @Test
    void a_stated_milestone_takes_the_place_of_the_derived_one_for_what_it_states() {
        Milestone m = PLAN.milestone(2027);
        assertThat(m.stated()).isTrue();
        assertThat(m.energyPerValueAdded()).isEqualTo(0.59);
        // CO2 not stated: 1.45 × 0.82^(2/5) = 1.45 × 0.923689 = 1.339348
        assertThat(m.co2PerValueAdded()).isCloseTo(1.339348, within(1e-6));
    }

    @Test
    void a_plan_is_checked() {
        assertThatThrownBy(() -> PLAN.milestone(2025)).hasMessageContaining("not a year of the plan");
        assertThatThrownBy(() -> new CarbonTargets("x", 2025, 2025, 1, 1, 0.1, 0.1, Map.of())).hasMessageContaining("after the base year");
        assertThatThrownBy(() -> new CarbonTargets("x", 2025, 2030, 1, 1, -0.1, 0.1, Map.of())).hasMessageContaining("share");
    }

    @Test
    void two_high_by_industry_and_by_thresholds() {
        TwoHighRule rule = new TwoHighRule(List.of("C25", "C30", "D4411"), 1.0, 10_000);
        assertThat(rule.isTwoHigh("C1711", 0.5, 2_000)).isEmpty();
        assertThat(rule.isTwoHigh("C3041", 1.2, 12_000)).extracting(r -> r.code())
                .containsExactly("two_high_industry", "two_high_intensity", "two_high_energy");
        assertThat(rule.isTwoHigh("C1711", 1.2, Double.NaN)).extracting(r -> r.code()).containsExactly("two_high_intensity");
        assertThat(rule.isTwoHigh("C2511", Double.NaN, Double.NaN).get(0).args()).containsEntry("prefix", "C25");
    }
}
