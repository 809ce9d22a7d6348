package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.efficiency.indicator.EnterpriseFigures;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import java.util.List;
import java.util.Map;

/**
 * One enterprise's figures for a period and how much they can be trusted.
 *
 * @param figures     inputs of the indicators
 * @param indicators  indicator values
 * @param consumption per metered resource, the summed consumption figure with coverage and completeness
 * @param findings    meter id → what the counter rules noticed
 */
public record EnterprisePeriod(EnterpriseFigures figures, Map<Indicator, IndicatorValue> indicators,
                               Map<Metered, ConsumptionFigure> consumption, Map<String, List<CounterFinding>> findings) {
}
