package io.parkpulse.efficiency.scoring;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Who a land-efficiency evaluation covers and who it grades (docs/domain.md §2.5, 2.6): enterprises below the land threshold
 * are out of scope; utilities and enterprises operating for fewer than the minimum years are scored but not graded,
 * and get the ungraded class (T in Huai'an).
 *
 * @param minLandMu          least land area in scope (3 or 5 mu in published schemes; 0: everyone)
 * @param ungradedIndustries GB/T 4754 code prefixes not graded ("D44" power, "D45" gas, "D46" water)
 * @param minYearsOperating  enterprises operating fewer years are not graded (0: no rule)
 * @param ungradedClass      the class name they get
 * @param minCoverage        least share of the period a metered carrier must be known over for its figures to count,
 *                           0–1 (0.9: the online-monitoring completeness rule, docs/domain.md §5); under it an
 *                           enterprise's energy is insufficient and it is neither ranked on it nor graded
 */
public record GradingScope(double minLandMu, List<String> ungradedIndustries, int minYearsOperating, String ungradedClass,
                           double minCoverage) {

    /** The online-monitoring rule's 90 %. */
    public static final double DEFAULT_MIN_COVERAGE = 0.9;

    public GradingScope {
        ungradedIndustries = List.copyOf(ungradedIndustries);
        if (!(minCoverage > 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("the least coverage is a share above 0 and at most 1, got " + minCoverage);
        }
    }

    /** The least coverage as a percent, as park files write it (exactly 90, not 90.00000000000001). */
    public double minCoveragePercent() {
        return BigDecimal.valueOf(minCoverage).movePointRight(2).doubleValue();
    }

    /** A scope with the default least coverage. */
    public GradingScope(double minLandMu, List<String> ungradedIndustries, int minYearsOperating, String ungradedClass) {
        this(minLandMu, ungradedIndustries, minYearsOperating, ungradedClass, DEFAULT_MIN_COVERAGE);
    }

    /** Why the enterprise is out of scope ({@code land_below_threshold}), or {@code null}. */
    public Reason outOfScope(double landMu) {
        return landMu < minLandMu ? new Reason("land_below_threshold", Map.of("land_mu", Double.toString(landMu),
                "threshold_mu", Double.toString(minLandMu)), "land " + landMu + " mu is below the " + minLandMu + " mu threshold")
                : null;
    }

    /** Why the enterprise is scored but not graded ({@code industry_not_graded}, {@code operating_too_short}), or {@code null}. */
    public Reason ungraded(String industry, LocalDate operatingSince, LocalDate asOf) {
        for (String prefix : ungradedIndustries) {
            if (industry != null && industry.startsWith(prefix)) {
                return new Reason("industry_not_graded", Map.of("industry", industry, "prefix", prefix),
                        "industry " + industry + " is not graded (" + prefix + ")");
            }
        }
        if (minYearsOperating > 0 && operatingSince != null && operatingSince.plusYears(minYearsOperating).isAfter(asOf)) {
            return new Reason("operating_too_short", Map.of("since", operatingSince.toString(),
                    "years", Integer.toString(minYearsOperating)),
                    "operating since " + operatingSince + ", fewer than " + minYearsOperating + " years");
        }
        return null;
    }
}
