package io.parkpulse.efficiency.counter;

import java.util.List;

/**
 * One meter's consumption spread over a bucket grid, with what is known of each bucket.
 */
public final class MeterConsumption {

    private final BucketGrid grid;
    private final double[] value;
    private final long[] knownMs;
    private final long[] estimatedMs;
    private final int[] readings;
    private final long expectedIntervalMs;
    private final List<CounterFinding> findings;

    MeterConsumption(BucketGrid grid, double[] value, long[] knownMs, long[] estimatedMs, int[] readings,
                     long expectedIntervalMs, List<CounterFinding> findings) {
        this.grid = grid;
        this.value = value;
        this.knownMs = knownMs;
        this.estimatedMs = estimatedMs;
        this.readings = readings;
        this.expectedIntervalMs = expectedIntervalMs;
        this.findings = List.copyOf(findings);
    }

    public BucketGrid grid() {
        return grid;
    }

    /** Consumption of one bucket (its known part only). */
    public double value(int bucket) {
        return value[bucket];
    }

    public ConsumptionFigure bucket(int bucket) {
        return total(bucket, bucket + 1);
    }

    /** The whole grid. */
    public ConsumptionFigure total() {
        return total(0, grid.size());
    }

    /** Buckets {@code [fromBucket, toBucket)}. */
    public ConsumptionFigure total(int fromBucket, int toBucket) {
        double sum = 0;
        long known = 0;
        long estimated = 0;
        long present = 0;
        for (int b = fromBucket; b < toBucket; b++) {
            sum += value[b];
            known += knownMs[b];
            estimated += estimatedMs[b];
            present += readings[b];
        }
        long span = (toBucket - fromBucket) * grid.bucketMs();
        double expected = (double) span / expectedIntervalMs;
        return new ConsumptionFigure(sum, (double) known / span, (double) estimated / span,
                Math.min(1.0, present / expected));
    }

    /** Everything noticed in the readings, in time order. */
    public List<CounterFinding> findings() {
        return findings;
    }
}
