package io.parkpulse.efficiency.carbon.tracking;

/**
 * What one enterprise adds to the park's gap.
 *
 * @param enterprise the enterprise
 * @param gap        its part of the park's gap, in the gap's unit (t, tce, or intensity points)
 * @param share      gap ÷ the park's gap ({@code NaN} when the park's gap is 0); all shares add up to 1
 */
public record Contribution(String enterprise, double gap, double share) {
}
