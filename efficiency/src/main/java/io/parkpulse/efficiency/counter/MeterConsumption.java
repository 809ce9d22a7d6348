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
        return BucketConsumption.sum(buckets().subList(fromBucket, toBucket), expectedIntervalMs);
    }

    /** Every bucket's raw sums, in grid order: what can be stored and added up later. */
    public List<BucketConsumption> buckets() {
        java.util.List<BucketConsumption> list = new java.util.ArrayList<>(grid.size());
        for (int b = 0; b < grid.size(); b++) {
            list.add(new BucketConsumption(grid.start(b), grid.bucketMs(), value[b], knownMs[b], estimatedMs[b], readings[b]));
        }
        return list;
    }

    /** Everything noticed in the readings, in time order. */
    public List<CounterFinding> findings() {
        return findings;
    }
}
