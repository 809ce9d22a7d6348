package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.benchmark.LimitComparison;
import io.parkpulse.efficiency.benchmark.LimitStandard;

/**
 * A product held to a national limit-standard row: its unit energy on the row's basis and boundary, and the comparison
 * — or, when the data cannot support one, no value and no comparison, the state saying what is missing.
 *
 * @param product    the product as reported
 * @param standard   the row
 * @param value      the unit energy in the row's unit, {@code NaN} when there is no comparison
 * @param comparison where it stands, {@code null} unless the state is sufficient
 * @param state      the state of every carrier the row counts and of the output reports
 */
public record LimitCheck(String product, LimitStandard standard, double value, LimitComparison comparison,
                         DataState state) {

    /** Why there is no comparison ("incomplete: fuel not metered"), or {@code null} when there is one. */
    public String missing() {
        return comparison == null ? "incomplete: " + state.summary() : null;
    }
}
