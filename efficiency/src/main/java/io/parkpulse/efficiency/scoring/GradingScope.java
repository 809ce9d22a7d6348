package io.parkpulse.efficiency.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Who a land-efficiency evaluation covers and who it grades (docs/domain.md §2.5, 2.6): enterprises below the land threshold
 * are out of scope; utilities and enterprises operating for fewer than the minimum years are scored but not graded,
 * and get the ungraded class (T in Huai'an).
 *
 * @param minLandMu          least land area in scope (3 or 5 mu in published schemes; 0: everyone)
 * @param ungradedIndustries GB/T 4754 code prefixes not graded ("D44" power, "D45" gas, "D46" water)
 * @param minYearsOperating  enterprises operating fewer years are not graded (0: no rule)
 * @param ungradedClass      the class name they get
 */
public record GradingScope(double minLandMu, List<String> ungradedIndustries, int minYearsOperating, String ungradedClass) {

    public GradingScope {
        ungradedIndustries = List.copyOf(ungradedIndustries);
    }

    /** Why the enterprise is out of scope, or {@code null}. */
    public String outOfScope(double landMu) {
        return landMu < minLandMu ? "land " + landMu + " mu is below the " + minLandMu + " mu threshold" : null;
    }

    /** Why the enterprise is scored but not graded, or {@code null}. */
    public String ungraded(String industry, LocalDate operatingSince, LocalDate asOf) {
        for (String prefix : ungradedIndustries) {
            if (industry != null && industry.startsWith(prefix)) {
                return "industry " + industry + " is not graded (" + prefix + ")";
            }
        }
        if (minYearsOperating > 0 && operatingSince != null && operatingSince.plusYears(minYearsOperating).isAfter(asOf)) {
            return "operating since " + operatingSince + ", fewer than " + minYearsOperating + " years";
        }
        return null;
    }
}
