package io.parkpulse.efficiency.carbon.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which enterprises move the park off course (docs/efficiency.md, "Contribution analysis"). Both decompositions add up
 * exactly (up to rounding) to the park's gap.
 *
 * <ul>
 * <li>Totals: enterprise e's gap is its forecast − its budget: its own budget when the policy gives one, else its
 * share of what the park's budget leaves after the enterprises' own, shared in proportion to {@code weights} (the
 * previous year's totals). Σ budgets = the park's budget, so Σ gaps = Σ forecasts − park budget.</li>
 * <li>Intensity: with the park's I = E ÷ V and the milestone I*, e contributes (E_e − I* × V_e) ÷ V; these add up to
 * I − I*. An enterprise with much energy and little value added contributes most.</li>
 * </ul>
 */
public final class ContributionAnalysis {

    private ContributionAnalysis() {
    }

    /**
     * Each enterprise's budget: its own, or its weighted share of the rest of the park's (equal shares when no weight is
     * above 0).
     */
    public static Map<String, Double> budgets(List<String> enterprises, double parkBudget, Map<String, Double> ownBudgets,
                                              Map<String, Double> weights) {
        double rest = parkBudget;
        double weightSum = 0;
        int others = 0;
        for (String e : enterprises) {
            Double own = ownBudgets.get(e);
            if (own != null && !Double.isNaN(own)) {
                rest -= own;
            } else {
                others++;
                weightSum += Math.max(0, weights.getOrDefault(e, 0.0));
            }
        }
        Map<String, Double> budgets = new LinkedHashMap<>();
        for (String e : enterprises) {
            Double own = ownBudgets.get(e);
            if (own != null && !Double.isNaN(own)) {
                budgets.put(e, own);
            } else {
                double w = Math.max(0, weights.getOrDefault(e, 0.0));
                budgets.put(e, weightSum > 0 ? rest * w / weightSum : rest / others);
            }
        }
        return budgets;
    }

    /** Totals: forecast − budget per enterprise, largest first. */
    public static List<Contribution> totals(Map<String, Double> forecasts, double parkBudget, Map<String, Double> ownBudgets,
                                            Map<String, Double> weights) {
        Map<String, Double> budgets = budgets(new ArrayList<>(forecasts.keySet()), parkBudget, ownBudgets, weights);
        double parkGap = -parkBudget;
        for (double f : forecasts.values()) {
            parkGap += f;
        }
        List<Contribution> list = new ArrayList<>();
        for (Map.Entry<String, Double> e : forecasts.entrySet()) {
            double gap = e.getValue() - budgets.get(e.getKey());
            list.add(new Contribution(e.getKey(), gap, parkGap == 0 ? Double.NaN : gap / parkGap));
        }
        list.sort(Comparator.comparingDouble(Contribution::gap).reversed());
        return list;
    }

    /**
     * Intensity: (E_e − target × V_e) ÷ V per enterprise, largest first.
     *
     * @param numerators  enterprise → its energy (tce) or CO₂ (t) of the year to date
     * @param valueAdded  enterprise → its value added (10⁴ CNY) of the year to date
     * @param target      the milestone intensity
     */
    public static List<Contribution> intensity(Map<String, Double> numerators, Map<String, Double> valueAdded, double target) {
        double e = 0;
        double v = 0;
        for (String id : numerators.keySet()) {
            e += numerators.get(id);
            v += valueAdded.get(id);
        }
        double parkGap = e / v - target;
        List<Contribution> list = new ArrayList<>();
        for (String id : numerators.keySet()) {
            double gap = (numerators.get(id) - target * valueAdded.get(id)) / v;
            list.add(new Contribution(id, gap, parkGap == 0 ? Double.NaN : gap / parkGap));
        }
        list.sort(Comparator.comparingDouble(Contribution::gap).reversed());
        return list;
    }
}
