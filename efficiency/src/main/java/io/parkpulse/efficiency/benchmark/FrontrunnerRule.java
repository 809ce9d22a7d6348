package io.parkpulse.efficiency.benchmark;

/**
 * How a peer group's frontrunner value is chosen: the single best value, or the mean of the best N percent (a
 * steadier target when one outlier leads).
 *
 * @param topPercent 0 for the single best; otherwise the share of the group (rounded up, at least one) averaged
 */
public record FrontrunnerRule(double topPercent) {

    public static final FrontrunnerRule BEST = new FrontrunnerRule(0);

    public FrontrunnerRule {
        if (!(topPercent >= 0 && topPercent <= 100)) {
            throw new IllegalArgumentException("frontrunner top percent must be within 0-100, got " + topPercent);
        }
    }
}
