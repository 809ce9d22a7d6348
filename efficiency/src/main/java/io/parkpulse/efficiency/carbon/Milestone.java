package io.parkpulse.efficiency.carbon;

/**
 * A year's intensity milestone on the way to a five-year target.
 *
 * @param year                the year
 * @param energyPerValueAdded tce per 10⁴ CNY of value added, {@code NaN} when the plan sets none
 * @param co2PerValueAdded    tCO₂ per 10⁴ CNY of value added, {@code NaN} when the plan sets none
 * @param stated              true when the policy states (part of) it instead of deriving it
 */
public record Milestone(int year, double energyPerValueAdded, double co2PerValueAdded, boolean stated) {
}
