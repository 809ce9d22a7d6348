package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import io.parkpulse.efficiency.indicator.OutputReport;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges how far an enterprise's inputs over a period can be trusted (docs/efficiency.md, "Data state"): each metered
 * carrier against the policy's least coverage, every month's output report. An indicator resting on an insufficient
 * input is not computed — a quarter with one month's report missing would otherwise show two thirds of the output as
 * if it were all of it.
 */
final class DataSufficiency {

    private final double minCoverage;

    DataSufficiency(double minCoverage) {
        this.minCoverage = minCoverage;
    }

    /** The state of each input of one enterprise over {@code period}. */
    Map<Indicator.Input, DataState> inputs(Period period, Map<Metered, ConsumptionFigure> used,
                                           Collection<OutputReport> reports) {
        Map<Indicator.Input, DataState> states = new EnumMap<>(Indicator.Input.class);
        states.put(Indicator.Input.OUTPUT_REPORT, reports(period, reports));
        DataState energy = null;
        for (Map.Entry<Metered, ConsumptionFigure> e : used.entrySet()) {
            if (e.getKey().carrier() != null) {
                DataState carrier = metered(e.getKey(), e.getValue());
                energy = energy == null ? carrier : energy.and(carrier);
            }
        }
        states.put(Indicator.Input.ENERGY, energy == null ? DataState.insufficient(DataState.noEnergyMeter()) : energy);
        states.put(Indicator.Input.ELECTRICITY, metered(Metered.ELECTRICITY, used.get(Metered.ELECTRICITY)));
        states.put(Indicator.Input.WATER, metered(Metered.WATER, used.get(Metered.WATER)));
        return states;
    }

    /** Every month of the period needs its report; the missing months are named. */
    private static DataState reports(Period period, Collection<OutputReport> reports) {
        List<DataState.Reason> missing = new ArrayList<>();
        for (YearMonth month = period.firstMonth(); !month.isAfter(period.lastMonth()); month = month.plusMonths(1)) {
            YearMonth wanted = month;
            if (reports.stream().noneMatch(r -> r.month().equals(wanted))) {
                missing.add(DataState.noOutputReport(wanted.toString()));
            }
        }
        return missing.isEmpty() ? DataState.complete() : new DataState(DataState.Kind.INSUFFICIENT, missing);
    }

    /** A metered input: not metered, no readings, under the least coverage, partly known, or complete. */
    DataState metered(Metered metered, ConsumptionFigure f) {
        String carrier = metered.name().toLowerCase(Locale.ROOT);
        if (f == null) {
            return DataState.insufficient(DataState.carrierNotMetered(carrier));
        }
        if (f.coverage() <= 0 && f.completeness() <= 0) {
            return DataState.insufficient(DataState.noReadings(carrier));
        }
        if (f.coverage() < minCoverage) {
            return DataState.insufficient(DataState.coverageBelow(carrier, f.coverage(), minCoverage));
        }
        if (!f.isComplete()) {
            return new DataState(DataState.Kind.PARTIAL, List.of(DataState.partialCoverage(carrier, f.coverage())));
        }
        return DataState.complete();
    }

    /** True when the figure counts: known over at least the least coverage. */
    boolean usable(ConsumptionFigure f) {
        return f.coverage() >= minCoverage;
    }

    /**
     * The indicators with every value whose inputs are insufficient replaced by a missing value that says why — so
     * no peer group, ranking, benchmark or score ever sees it.
     */
    static Map<Indicator, IndicatorValue> guard(Map<Indicator, IndicatorValue> values, Map<Indicator.Input, DataState> inputs) {
        Map<Indicator, IndicatorValue> guarded = new EnumMap<>(Indicator.class);
        values.forEach((indicator, value) -> {
            DataState state = EnterprisePeriod.stateOf(inputs, indicator.inputs());
            guarded.put(indicator, value.isPresent() && !state.isSufficient()
                    ? IndicatorValue.missing(DataState.insufficientData(state)) : value);
        });
        return guarded;
    }
}
