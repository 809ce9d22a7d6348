package io.parkpulse.efficiency.benchmark;

/**
 * One enterprise against its peer group on one indicator.
 *
 * @param value       its value
 * @param rank        1 = best; equal values share the better rank (1, 2, 2, 4)
 * @param percentile  share of the other peers it does at least as well as, 0–100 (100 = best; alone: 100)
 * @param gap         value − frontrunner, in the indicator's unit (sign as the numbers fall)
 * @param gapPercent  gap ÷ |frontrunner| × 100, {@code NaN} when the frontrunner is 0
 */
public record PeerStanding(double value, int rank, double percentile, double gap, double gapPercent) {
}
