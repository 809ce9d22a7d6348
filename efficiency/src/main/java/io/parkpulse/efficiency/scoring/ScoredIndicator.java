package io.parkpulse.efficiency.scoring;

import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import java.util.Objects;

/**
 * One line of a scoring rule.
 *
 * @param indicator what is scored
 * @param direction which way is better (defaults to the indicator's own)
 * @param weight    points at the benchmark (ratio) or at the best (min–max)
 * @param benchmark what the value is divided by (ratio method only)
 * @param cap       the most points, as a multiple of the weight ({@code NaN}: no cap)
 * @param floor     the fewest points, as a multiple of the weight ({@code NaN}: 0)
 * @param missing   what a missing value scores
 */
public record ScoredIndicator(Indicator indicator, Direction direction, double weight, Benchmark benchmark,
                              double cap, double floor, MissingRule missing) {

    public ScoredIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(missing, "missing");
        if (direction == Direction.NONE) {
            throw new IllegalArgumentException(indicator.id() + " has no direction to score");
        }
    }

    /** Scored by value ÷ fixed benchmark × weight, uncapped, missing scores zero. */
    public static ScoredIndicator ratio(Indicator indicator, double benchmark, double weight) {
        return new ScoredIndicator(indicator, indicator.direction(), weight, new Benchmark.Fixed(benchmark),
                Double.NaN, Double.NaN, MissingRule.ZERO);
    }
}
