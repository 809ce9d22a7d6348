package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.Map;
import java.util.Objects;

/**
 * The grid factor used for a year: the year's own, or the latest earlier one when the year has none published yet.
 *
 * @param factor        the factor used
 * @param requestedYear the year of the consumption
 */
public record FactorChoice(GridFactor factor, int requestedYear) {

    public FactorChoice {
        Objects.requireNonNull(factor, "factor");
        if (factor.year() > requestedYear) {
            throw new IllegalArgumentException("a factor of " + factor.year() + " is never used for " + requestedYear);
        }
    }

    /** True when the year has no factor of its own and an earlier year's is used. */
    public boolean fromEarlierYear() {
        return factor.year() < requestedYear;
    }

    /** The note that says so ({@code grid_factor_from_earlier_year} {requested, used}), or {@code null}. */
    public DataState.Reason note() {
        if (!fromEarlierYear()) {
            return null;
        }
        return new DataState.Reason("grid_factor_from_earlier_year", Map.of("requested", Integer.toString(requestedYear),
                "used", Integer.toString(factor.year())), "no grid emission factor published for " + requestedYear
                + "; the factor of " + factor.year() + " is used");
    }
}
