package io.parkpulse.efficiency.scoring;

import io.parkpulse.efficiency.indicator.Indicator;
import java.util.Map;

/**
 * An enterprise's score and its parts.
 *
 * @param total  sum of the parts
 * @param points points per indicator
 * @param filled indicators scored by the missing-data rule rather than a value
 */
public record Score(double total, Map<Indicator, Double> points, java.util.Set<Indicator> filled) {
}
