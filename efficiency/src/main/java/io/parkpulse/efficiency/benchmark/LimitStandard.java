package io.parkpulse.efficiency.benchmark;

import io.parkpulse.efficiency.coal.EnergyBasis;
import java.util.Objects;

/**
 * One row of a national energy-limit standard (docs/domain.md §3.2): 限定值 (what existing plants may consume, mandatory),
 * 准入值 (what new plants must meet) and 先进值 (the advanced target). Smaller is better for all of them.
 *
 * @param id       the name policies use: {@code gb16780-2007/clinker-comprehensive/4000tpd}
 * @param standard the standard's number and year
 * @param product  what is measured, for people
 * @param unit     unit of the values
 * @param basis    electricity basis the values assume, or {@code null} for physical units (kWh/t)
 * @param limit    限定值
 * @param entry    准入值
 * @param advanced 先进值, {@code NaN} when the standard gives none
 */
public record LimitStandard(String id, String standard, String product, String unit, EnergyBasis basis,
                            double limit, double entry, double advanced) {

    public LimitStandard {
        Objects.requireNonNull(id, "id");
    }

    /** Where {@code actual} stands against the three values. */
    public LimitComparison compare(double actual) {
        LimitComparison.Grade grade;
        if (!Double.isNaN(advanced) && actual <= advanced) {
            grade = LimitComparison.Grade.ADVANCED;
        } else if (actual <= entry) {
            grade = LimitComparison.Grade.ENTRY;
        } else if (actual <= limit) {
            grade = LimitComparison.Grade.LIMIT;
        } else {
            grade = LimitComparison.Grade.ABOVE_LIMIT;
        }
        return new LimitComparison(id, actual, grade, actual - limit, actual - entry,
                Double.isNaN(advanced) ? Double.NaN : actual - advanced, actual / limit);
    }
}
