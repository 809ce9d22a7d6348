package io.parkpulse.efficiency.scoring;

/** How an indicator's value becomes points (docs/domain.md §2.3). */
public enum ScoringMethod {
    /**
     * value ÷ benchmark × weight; for smaller-is-better indicators (2 − value ÷ benchmark) × weight, never below 0.
     * Uncapped unless the indicator sets a cap: one strong indicator can exceed its weight, as published schemes do.
     */
    RATIO,
    /**
     * weight × [floor + (100 − floor) × (value − min) ÷ (max − min)] ÷ 100 over the scored group (Jingde, floor 20):
     * everyone gets between floor % and 100 % of the weight.
     */
    MIN_MAX
}
