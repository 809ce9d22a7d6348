package io.parkpulse.efficiency.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.indicator.Direction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerGroupTest {

    private static Map<String, Double> values(double... v) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put("e" + (i + 1), v[i]);
        }
        return m;
    }

    @Test
    void smaller_intensity_leads_and_ties_share_rank() {
        PeerGroup g = PeerGroup.of(values(0.30, 0.10, 0.20, 0.20, 0.50), Direction.LOWER_IS_BETTER, FrontrunnerRule.BEST);

        assertThat(g.count()).isEqualTo(5);
        assertThat(g.frontrunner()).isEqualTo(0.10);
        assertThat(g.leaders()).containsExactly("e2");
        assertThat(g.median()).isEqualTo(0.20);
        assertThat(g.mean()).isCloseTo(0.26, within(1e-12));
        assertThat(g.standings().keySet()).containsExactly("e2", "e3", "e4", "e1", "e5");
        assertThat(g.standings().get("e3").rank()).isEqualTo(2);
        assertThat(g.standings().get("e4").rank()).isEqualTo(2);
        assertThat(g.standings().get("e1").rank()).isEqualTo(4);
        assertThat(g.standings().get("e2").percentile()).isEqualTo(100);
        assertThat(g.standings().get("e3").percentile()).isCloseTo(75, within(1e-12)); // as good as 3 of the 4 others
        assertThat(g.standings().get("e5").percentile()).isZero();
        assertThat(g.standings().get("e5").gap()).isCloseTo(0.40, within(1e-12));
        assertThat(g.standings().get("e5").gapPercent()).isCloseTo(400, within(1e-9));
    }

    @Test
    void frontrunner_can_be_the_mean_of_the_top_percent() {
        PeerGroup g = PeerGroup.of(values(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), Direction.HIGHER_IS_BETTER,
                new FrontrunnerRule(20));
        assertThat(g.frontrunner()).isCloseTo(95, within(1e-12));
        assertThat(g.median()).isCloseTo(55, within(1e-12));
        assertThat(g.standings().get("e10").gap()).isCloseTo(5, within(1e-12));
    }

    @Test
    void a_group_of_one_is_its_own_frontrunner() {
        PeerGroup g = PeerGroup.of(values(0.3), Direction.LOWER_IS_BETTER, FrontrunnerRule.BEST);
        assertThat(g.standings().get("e1").rank()).isEqualTo(1);
        assertThat(g.standings().get("e1").percentile()).isEqualTo(100);
        assertThat(g.standings().get("e1").gap()).isZero();
    }

    @Test
    void volumes_are_not_benchmarked() {
        assertThatThrownBy(() -> PeerGroup.of(values(1), Direction.NONE, FrontrunnerRule.BEST))
                .hasMessageContaining("without a direction");
    }

    @Test
    void cement_clinker_against_gb_16780() {
        LimitStandard clinker = LimitStandards.byId("gb16780-2007/clinker-comprehensive/4000tpd").orElseThrow();
        assertThat(clinker.compare(112).grade()).isEqualTo(LimitComparison.Grade.ADVANCED);
        assertThat(clinker.compare(118).grade()).isEqualTo(LimitComparison.Grade.ENTRY);
        assertThat(clinker.compare(125).grade()).isEqualTo(LimitComparison.Grade.LIMIT);
        LimitComparison over = clinker.compare(131);
        assertThat(over.grade()).isEqualTo(LimitComparison.Grade.ABOVE_LIMIT);
        assertThat(over.gapToLimit()).isCloseTo(3, within(1e-12));
        assertThat(over.gapToAdvanced()).isCloseTo(17, within(1e-12));
        assertThat(over.eei()).isCloseTo(131.0 / 128, within(1e-12));
    }

    @Test
    void ferrosilicon_has_no_advanced_value_in_gb_21341_2008() {
        LimitStandard fesi = LimitStandards.byId("gb21341-2008/fesi75-a/comprehensive-equivalent").orElseThrow();
        LimitComparison c = fesi.compare(1900);
        assertThat(c.grade()).isEqualTo(LimitComparison.Grade.ENTRY);
        assertThat(c.gapToAdvanced()).isNaN();
        assertThat(LimitStandards.byId("gb21341-2008/fesi75-a/comprehensive-equal-value").orElseThrow().limit())
                .isEqualTo(4600);
    }
}
