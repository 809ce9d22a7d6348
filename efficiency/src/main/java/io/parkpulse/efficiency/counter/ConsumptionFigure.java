package io.parkpulse.efficiency.counter;

/**
 * Consumption over a period with how much of it is known.
 *
 * @param value          primary units (kWh, m³, t …); only the known part of the period
 * @param coverage       share of the period whose consumption is known (measured or estimated), 0–1
 * @param estimatedShare share of the period whose consumption was spread across a gap, 0–1
 * @param completeness   readings present ÷ readings expected in the period, 0–1 (the online-monitoring
 *                       quality measure; ≥ 0.9 is required there)
 */
public record ConsumptionFigure(double value, double coverage, double estimatedShare, double completeness) {

    /** Every part of the period is known (it may still be partly estimated). */
    public boolean isComplete() {
        return coverage >= 1.0 - 1e-9;
    }

    /** Sum of figures of parallel meters over the same period: coverage and completeness of the weakest. */
    public ConsumptionFigure plus(ConsumptionFigure other) {
        return new ConsumptionFigure(value + other.value, Math.min(coverage, other.coverage),
                Math.max(estimatedShare, other.estimatedShare), Math.min(completeness, other.completeness));
    }
}
