package io.parkpulse.efficiency.counter;

import java.util.List;

/**
 * What is known of one meter in one bucket (a local day, usually): the raw sums a {@link ConsumptionFigure} is made
 * of, so buckets computed at different times can be stored and added up to the same figure a single calculation over
 * all of them gives.
 *
 * @param startMs     the bucket's first instant
 * @param lengthMs    its length
 * @param value       consumption in its known part, primary units
 * @param knownMs     how much of it is covered by measured or spread intervals
 * @param estimatedMs how much of that was spread across gaps
 * @param readings    readings that fell in it
 */
public record BucketConsumption(long startMs, long lengthMs, double value, long knownMs, long estimatedMs, int readings) {

    /**
     * The figure of buckets added up: consumption summed, coverage and estimated share as parts of their whole length,
     * completeness as readings present against those expected every {@code expectedIntervalMs}.
     */
    public static ConsumptionFigure sum(List<BucketConsumption> buckets, long expectedIntervalMs) {
        double value = 0;
        long known = 0;
        long estimated = 0;
        long present = 0;
        long span = 0;
        for (BucketConsumption b : buckets) {
            value += b.value;
            known += b.knownMs;
            estimated += b.estimatedMs;
            present += b.readings;
            span += b.lengthMs;
        }
        if (span == 0) {
            return new ConsumptionFigure(0, 0, 0, 0);
        }
        double expected = (double) span / expectedIntervalMs;
        return new ConsumptionFigure(value, (double) known / span, (double) estimated / span, Math.min(1.0, present / expected));
    }
}
