package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.efficiency.indicator.EnterpriseFigures;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One enterprise's figures for a period and how much they can be trusted.
 *
 * @param figures     inputs of the indicators
 * @param indicators  indicator values
 * @param consumption per metered resource, the summed consumption figure with coverage and completeness
 * @param findings    meter id → what the counter rules noticed
 * @param inputs      how far each kind of input can be trusted over the period (energy, electricity, water, reports)
 */
public record EnterprisePeriod(EnterpriseFigures figures, Map<Indicator, IndicatorValue> indicators,
                               Map<Metered, ConsumptionFigure> consumption, Map<String, List<CounterFinding>> findings,
                               Map<Indicator.Input, DataState> inputs) {

    public EnterprisePeriod {
        inputs = Map.copyOf(inputs);
    }

    /** The state of what {@code indicator} is made of: the weakest of its inputs. */
    public DataState state(Indicator indicator) {
        return state(indicator.inputs());
    }

    /** The weakest state of {@code wanted}; an input not assessed counts as complete. */
    public DataState state(Collection<Indicator.Input> wanted) {
        return stateOf(inputs, wanted);
    }

    static DataState stateOf(Map<Indicator.Input, DataState> inputs, Collection<Indicator.Input> wanted) {
        DataState state = DataState.complete();
        for (Indicator.Input input : wanted) {
            state = state.and(inputs.getOrDefault(input, DataState.complete()));
        }
        return state;
    }
}
