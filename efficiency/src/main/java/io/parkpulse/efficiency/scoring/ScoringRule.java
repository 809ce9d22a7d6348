package io.parkpulse.efficiency.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A land-efficiency (亩均) scoring rule: the method and its indicators.
 *
 * @param method        ratio to benchmark or min–max
 * @param minMaxFloor   percent of the weight the worst gets under min–max (20 in Jingde)
 * @param indicators    the scored indicators
 */
public record ScoringRule(ScoringMethod method, double minMaxFloor, List<ScoredIndicator> indicators) {

    public ScoringRule {
        Objects.requireNonNull(method, "method");
        indicators = List.copyOf(indicators);
    }

    public static ScoringRule ratio(List<ScoredIndicator> indicators) {
        return new ScoringRule(ScoringMethod.RATIO, 0, indicators);
    }
}
