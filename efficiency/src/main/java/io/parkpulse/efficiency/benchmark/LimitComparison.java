package io.parkpulse.efficiency.benchmark;

/**
 * An enterprise's unit-product energy against a limit standard.
 *
 * @param standard    the standard row's id
 * @param actual      the enterprise's value
 * @param grade       the best level it meets
 * @param gapToLimit  actual − 限定值 (≤ 0: compliant)
 * @param gapToEntry  actual − 准入值
 * @param gapToAdvanced actual − 先进值, {@code NaN} without one
 * @param eei         energy-efficiency index actual ÷ 限定值 (GB/T 28924 style)
 */
public record LimitComparison(String standard, double actual, Grade grade, double gapToLimit, double gapToEntry,
                              double gapToAdvanced, double eei) {

    public enum Grade {
        /** meets 先进值 */
        ADVANCED,
        /** meets 准入值: what a new plant needs */
        ENTRY,
        /** meets 限定值 only: compliant */
        LIMIT,
        /** above 限定值: not compliant */
        ABOVE_LIMIT
    }
}
