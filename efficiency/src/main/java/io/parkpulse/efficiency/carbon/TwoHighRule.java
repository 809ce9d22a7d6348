package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which enterprises the park marks "two-high" (两高: high energy use, high emissions): by industry code prefix
 * (GB/T 4754) and, optionally, by an intensity or a yearly energy above a threshold. Any one reason marks it.
 *
 * @param industryPrefixes         code prefixes such as C25, C30, D4411
 * @param energyPerValueAddedAbove tce/10⁴ CNY above which an enterprise is marked; {@code NaN}: no such rule
 * @param yearlyEnergyTceAbove     tce a year above which an enterprise is marked; {@code NaN}: no such rule
 */
public record TwoHighRule(List<String> industryPrefixes, double energyPerValueAddedAbove, double yearlyEnergyTceAbove) {

    public TwoHighRule {
        industryPrefixes = List.copyOf(industryPrefixes);
    }

    /**
     * Why an enterprise is two-high; empty when it is not. A threshold is not judged on an unknown ({@code NaN}) figure.
     *
     * @param industry    its GB/T 4754 code
     * @param energyPerVa its energy per 10⁴ CNY of value added (year to date)
     * @param yearlyTce   its yearly energy (the forecast to year end)
     */
    public List<Reason> isTwoHigh(String industry, double energyPerVa, double yearlyTce) {
        List<Reason> reasons = new ArrayList<>();
        for (String prefix : industryPrefixes) {
            if (industry != null && industry.startsWith(prefix)) {
                reasons.add(new Reason("two_high_industry", Map.of("industry", industry, "prefix", prefix),
                        "industry " + industry + " is listed as two-high (" + prefix + ")"));
                break;
            }
        }
        if (!Double.isNaN(energyPerValueAddedAbove) && energyPerVa > energyPerValueAddedAbove) {
            reasons.add(new Reason("two_high_intensity", Map.of("value", format(energyPerVa), "threshold",
                    format(energyPerValueAddedAbove)), "energy per value added " + format(energyPerVa)
                    + " tce/10^4 CNY is above " + format(energyPerValueAddedAbove)));
        }
        if (!Double.isNaN(yearlyEnergyTceAbove) && yearlyTce > yearlyEnergyTceAbove) {
            reasons.add(new Reason("two_high_energy", Map.of("value", format(yearlyTce), "threshold",
                    format(yearlyEnergyTceAbove)), "yearly energy " + format(yearlyTce) + " tce is above " + format(yearlyEnergyTceAbove)));
        }
        return reasons;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
