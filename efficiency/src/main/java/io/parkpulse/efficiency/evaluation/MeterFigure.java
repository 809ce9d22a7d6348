package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterFinding;
import java.util.List;

/**
 * A billing meter's consumption over a period, however it was obtained: computed now from raw readings, or added up
 * from buckets computed and stored earlier.
 */
public record MeterFigure(MeterInfo meter, ConsumptionFigure total, List<CounterFinding> findings) {

    public MeterFigure {
        findings = List.copyOf(findings);
    }
}
