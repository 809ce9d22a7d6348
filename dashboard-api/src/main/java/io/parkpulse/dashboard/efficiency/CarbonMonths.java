package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.indicator.Indicator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One enterprise's month as target tracking takes it, from the month's evaluation: energy (tce) and CO₂ (t) from its
 * figures, value added and output value from its output report, and the state of its energy and report inputs. Pure.
 */
public final class CarbonMonths {

    /** What a month's totals and intensities rest on: every metered carrier, and the month's output report. */
    public static final Set<Indicator.Input> INPUTS = EnumSet.of(Indicator.Input.ENERGY, Indicator.Input.OUTPUT_REPORT);

    private static final double TEN_THOUSAND = 10_000.0;

    private CarbonMonths() {
    }

    /**
     * The month's figures. A month whose energy is known but whose CO₂ is not (no grid factor for the policy's scope,
     * no factor for a fuel) is insufficient for tracking, with the carbon notes as its reasons: a verdict on CO₂ is
     * never made from part of it.
     */
    public static MonthFigures of(YearMonth month, EnterprisePeriod p) {
        DataState state = p == null ? DataState.insufficient(new DataState.Reason("no_month_figures",
                Map.of("month", month.toString()), "no figures for " + month)) : p.state(INPUTS);
        if (p == null) {
            return new MonthFigures(month, Double.NaN, Double.NaN, Double.NaN, Double.NaN, state);
        }
        double energy = p.figures().energy().tce();
        double co2 = p.figures().carbon().tCo2();
        if (state.isSufficient() && !(Double.isFinite(energy) && Double.isFinite(co2))) {
            List<DataState.Reason> why = new ArrayList<>(p.figures().carbon().notes().stream()
                    .filter(n -> n.code().equals("no_grid_factor") || n.code().equals("no_fuel_factor")).toList());
            if (why.isEmpty()) {
                why.add(new DataState.Reason("co2_unknown", Map.of("month", month.toString()),
                        "the CO2 of " + month + " cannot be computed"));
            }
            state = state.and(new DataState(DataState.Kind.INSUFFICIENT, why));
        }
        // reports state money in CNY; tracking works in 10^4 CNY (万元) like the indicators
        return new MonthFigures(month, energy, co2, p.figures().output().valueAdded() / TEN_THOUSAND,
                p.figures().output().outputValue() / TEN_THOUSAND, state);
    }
}
