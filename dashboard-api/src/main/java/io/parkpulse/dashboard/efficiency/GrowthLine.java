package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.growth.GrowthComparison;
import io.parkpulse.efficiency.growth.IntensityLevel;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One enterprise's year-on-year growth comparison (docs/domain.md §4): energy and output now and a year earlier,
 * the comparison when both year-earlier figures are known, and its energy intensity against the peer median.
 *
 * @param energyNow        comprehensive energy, tce on the policy's basis
 * @param energyYearAgo    the same a year earlier
 * @param outputNow        output value, 10⁴ CNY
 * @param outputYearAgo    the same a year earlier
 * @param comparison       growth rates, elasticity and quadrant; {@code null} when a figure is missing
 * @param why              why there is no comparison (insufficient_data, insufficient_data_for, growth_now_unknown,
 *                         no_growth_base with the period), or {@code null}
 * @param intensity        tce per 10⁴ CNY output value now, {@code NaN} when unknown
 * @param peerMedian       median intensity of its industry in the park now, {@code NaN} when unknown
 * @param level            intensity against the peer median, {@code null} when unknown
 * @param state            the state of the period's energy and output data
 * @param yearEarlierState the same of the year-earlier period; no quadrant unless both are sufficient
 */
public record GrowthLine(double energyNow, double energyYearAgo, double outputNow, double outputYearAgo,
                         GrowthComparison comparison, DataState.Reason why, double intensity, double peerMedian,
                         IntensityLevel level, DataState state, DataState yearEarlierState) {

    /** Every enterprise of {@code now}, compared with {@code yearAgo} under {@code now}'s policy. */
    public static Map<String, GrowthLine> of(ParkPeriodResult now, ParkPeriodResult yearAgo) {
        Map<String, GrowthLine> lines = new LinkedHashMap<>();
        double flat = now.policy().growthFlatThreshold();
        double band = now.policy().intensityBand();
        now.figures().forEach((id, p) -> {
            EnterprisePeriod before = yearAgo.figures().get(id);
            double eNow = value(p, Indicator.COMPREHENSIVE_ENERGY);
            double vNow = value(p, Indicator.OUTPUT_VALUE);
            double eBefore = before == null ? Double.NaN : value(before, Indicator.COMPREHENSIVE_ENERGY);
            double vBefore = before == null ? Double.NaN : value(before, Indicator.OUTPUT_VALUE);
            DataState state = p.state(GROWTH_INPUTS);
            DataState earlier = before == null ? DataState.complete() : before.state(GROWTH_INPUTS);
            DataState.Reason missing = null;
            GrowthComparison comparison = null;
            if (!state.isSufficient()) {
                missing = DataState.insufficientData(state);
            } else if (!earlier.isSufficient()) {
                missing = new DataState.Reason("insufficient_data_for", Map.of("period", period(yearAgo)),
                        "insufficient data for " + yearAgo.period() + ": " + earlier.summary());
            } else if (Double.isNaN(eNow) || Double.isNaN(vNow)) {
                missing = new DataState.Reason("growth_now_unknown", Map.of("period", period(now)),
                        "energy or output value of " + now.period() + " is not known");
            } else if (!(eBefore > 0) || !(vBefore > 0)) {
                missing = new DataState.Reason("no_growth_base", Map.of("period", period(yearAgo)),
                        "no positive energy and output value for " + yearAgo.period() + " to grow from");
            } else {
                comparison = GrowthComparison.of(eNow, eBefore, vNow, vBefore, flat);
            }
            double intensity = value(p, Indicator.ENERGY_PER_OUTPUT_VALUE);
            PeerGroup peers = now.peerGroupOf(id, Indicator.ENERGY_PER_OUTPUT_VALUE);
            double median = peers == null ? Double.NaN : peers.median();
            IntensityLevel level = Double.isNaN(intensity) || Double.isNaN(median) ? null
                    : IntensityLevel.of(intensity, median, band);
            lines.put(id, new GrowthLine(eNow, eBefore, vNow, vBefore, comparison, missing, intensity, median, level,
                    state, earlier));
        });
        return lines;
    }

    /** Why there is no comparison in English ("no positive energy and output value for 2025-11 to grow from"), or {@code null}. */
    public String missing() {
        return why == null ? null : why.text();
    }

    private static String period(ParkPeriodResult r) {
        return String.valueOf(r.period());
    }

    private static final Set<Indicator.Input> GROWTH_INPUTS = EnumSet.of(Indicator.Input.ENERGY, Indicator.Input.OUTPUT_REPORT);

    private static double value(EnterprisePeriod p, Indicator indicator) {
        IndicatorValue v = p.indicators().get(indicator);
        return v == null ? Double.NaN : v.value();
    }
}
