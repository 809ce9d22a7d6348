package io.parkpulse.efficiency.carbon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A year's budgets: the park's and some enterprises' own.
 *
 * @param year        the year
 * @param park        the park's totals ({@link Budget#NONE} when not set)
 * @param enterprises enterprise id → its budget
 */
public record YearBudget(int year, Budget park, Map<String, Budget> enterprises) {

    public YearBudget {
        Objects.requireNonNull(park, "park");
        enterprises = Collections.unmodifiableMap(new LinkedHashMap<>(enterprises));
    }

    /** The budget of {@code enterprise}, {@link Budget#NONE} when it has none of its own. */
    public Budget of(String enterprise) {
        return enterprises.getOrDefault(enterprise, Budget.NONE);
    }
}
