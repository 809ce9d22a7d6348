package io.parkpulse.efficiency.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The elasticity cases of docs/domain.md §4. */
class GrowthComparisonTest {

    private static final double FLAT = 0.01;

    @Test
    void energy_15_percent_against_output_5_percent_is_elasticity_3_and_energy_outpacing_output() {
        GrowthComparison g = GrowthComparison.of(115, 100, 105, 100, FLAT);
        assertThat(g.elasticity().getAsDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(g.quadrant()).isEqualTo(Quadrant.ENERGY_OUTPACING_OUTPUT);
    }

    @Test
    void zero_output_growth_has_no_elasticity() {
        GrowthComparison g = GrowthComparison.of(110, 100, 100, 100, FLAT);
        assertThat(g.elasticity()).isEmpty();
        assertThat(g.quadrant()).isEqualTo(Quadrant.OUTPUT_FLAT);
        assertThat(g.energyGrowth()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void output_growth_within_the_threshold_counts_as_flat() {
        assertThat(GrowthComparison.ofRates(0.05, 0.009, FLAT).quadrant()).isEqualTo(Quadrant.OUTPUT_FLAT);
        assertThat(GrowthComparison.ofRates(0.05, -0.01, FLAT).quadrant()).isEqualTo(Quadrant.OUTPUT_FLAT);
        assertThat(GrowthComparison.ofRates(0.05, 0.011, FLAT).elasticity()).isPresent();
    }

    @Test
    void energy_up_8_percent_with_output_down_4_percent_is_the_worst_quadrant() {
        GrowthComparison g = GrowthComparison.ofRates(0.08, -0.04, FLAT);
        assertThat(g.quadrant()).isEqualTo(Quadrant.DIVERGING);
        assertThat(g.elasticity().getAsDouble()).isCloseTo(-2.0, within(1e-9));
    }

    @Test
    void negative_elasticity_is_classified_by_signs_not_by_value() {
        GrowthComparison energyDownOutputUp = GrowthComparison.ofRates(-0.08, 0.04, FLAT);
        assertThat(energyDownOutputUp.elasticity().getAsDouble()).isCloseTo(-2.0, within(1e-9));
        assertThat(energyDownOutputUp.quadrant()).isEqualTo(Quadrant.IMPROVING);
    }

    @Test
    void both_down_is_efficient_contraction_only_when_energy_falls_more() {
        assertThat(GrowthComparison.ofRates(-0.10, -0.05, FLAT).quadrant()).isEqualTo(Quadrant.CONTRACTING_EFFICIENTLY);
        assertThat(GrowthComparison.ofRates(-0.02, -0.05, FLAT).quadrant()).isEqualTo(Quadrant.DIVERGING);
    }

    @Test
    void output_up_with_energy_slower_is_improving() {
        GrowthComparison g = GrowthComparison.ofRates(0.03, 0.10, FLAT);
        assertThat(g.quadrant()).isEqualTo(Quadrant.IMPROVING);
        assertThat(g.elasticity().getAsDouble()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void growth_from_nothing_is_refused() {
        assertThatThrownBy(() -> GrowthComparison.of(10, 0, 10, 10, FLAT)).hasMessageContaining("positive year-earlier");
    }

    @Test
    void intensity_level_is_measured_against_the_peer_median() {
        assertThat(IntensityLevel.of(0.12, 0.10, 0.1)).isEqualTo(IntensityLevel.HIGH);
        assertThat(IntensityLevel.of(0.105, 0.10, 0.1)).isEqualTo(IntensityLevel.TYPICAL);
        assertThat(IntensityLevel.of(0.08, 0.10, 0.1)).isEqualTo(IntensityLevel.LOW);
    }
}
