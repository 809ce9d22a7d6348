package io.parkpulse.efficiency.counter;

/**
 * Consecutive time buckets [from, from + k·size) that consumption is spread into: 15 minutes for load
 * curves, a day for monthly figures. Buckets of a day or longer are only exact for calendars without
 * daylight saving (Asia/Shanghai); {@link io.parkpulse.efficiency.calendar.ParkCalendar} builds grids
 * from local midnights for that reason.
 */
public record BucketGrid(long fromMs, long toMs, long bucketMs) {

    public BucketGrid {
        if (bucketMs <= 0 || toMs <= fromMs) {
            throw new IllegalArgumentException("bucket grid needs from < to and a positive bucket size");
        }
        if ((toMs - fromMs) % bucketMs != 0) {
            throw new IllegalArgumentException("bucket grid: " + (toMs - fromMs) + " ms is not a whole number of " + bucketMs + " ms buckets");
        }
    }

    public int size() {
        return (int) ((toMs - fromMs) / bucketMs);
    }

    public long start(int bucket) {
        return fromMs + bucket * bucketMs;
    }

    /** The bucket holding {@code timeMs}, or -1 outside the grid. */
    public int bucketOf(long timeMs) {
        if (timeMs < fromMs || timeMs >= toMs) {
            return -1;
        }
        return (int) ((timeMs - fromMs) / bucketMs);
    }
}
