package io.parkpulse.efficiency.calendar;

import io.parkpulse.efficiency.counter.BucketGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The park's local calendar: a local day starts at local midnight (Asia/Shanghai: 16:00 UTC the day before), so
 * days and months of every report follow the park's clock, not UTC's (docs/domain.md §8.7).
 */
public final class ParkCalendar {

    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;

    public ParkCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant start(Period period) {
        return startOf(period.start());
    }

    public Instant end(Period period) {
        return startOf(period.end());
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * A grid over {@code period} with buckets of {@code bucketMs}. Daily buckets need days of equal length, which
     * holds for zones without daylight saving (all of China); elsewhere use buckets of an hour or less.
     *
     * @throws IllegalArgumentException if the period is not a whole number of buckets in this zone
     */
    public BucketGrid grid(Period period, long bucketMs) {
        return new BucketGrid(start(period).toEpochMilli(), end(period).toEpochMilli(), bucketMs);
    }

    /** One bucket per local day of {@code period}. */
    public BucketGrid dailyGrid(Period period) {
        return grid(period, DAY_MS);
    }
}
