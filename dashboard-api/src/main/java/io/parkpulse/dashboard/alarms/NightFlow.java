package io.parkpulse.dashboard.alarms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The night minimum flow of a water meter (夜间最小流量, docs/domain.md §7.3): for a night, the 16 quarter-hours from 01:00
 * to 05:00 local time each get a flow, the mean of every four consecutive ones (a rolling hour) is taken, and the
 * night's figure is the lowest of those means. A night counts only when at least 14 of its 16 quarter-hours are known
 * (the 92-of-96 rule scaled to the window). Pure arithmetic over readings sorted by time.
 */
final class NightFlow {

    static final LocalTime START = LocalTime.of(1, 0);
    static final int QUARTERS = 16;
    static final int MIN_KNOWN_QUARTERS = 14;
    private static final long QUARTER_MS = 15 * 60_000L;
    private static final double MS_PER_HOUR = 3_600_000.0;
    /** Consecutive cumulative readings further apart than this say nothing about any quarter-hour between them. */
    static final long MAX_GAP_MS = 65 * 60_000L;

    private NightFlow() {
    }

    /** Readings of one meter, sorted by time: cumulative volume in m³ or instantaneous flow in m³/h. */
    record Readings(long[] timesMs, double[] values, boolean cumulative) {
    }

    /** The night's minimum 1-hour flow in m³/h, empty when the night is not known well enough. */
    static OptionalDouble nightline(LocalDate night, ZoneId zone, Readings readings) {
        long start = night.atTime(START).atZone(zone).toInstant().toEpochMilli();
        double[] quarters = new double[QUARTERS];
        int known = 0;
        for (int q = 0; q < QUARTERS; q++) {
            long from = start + q * QUARTER_MS;
            quarters[q] = readings.cumulative() ? fromVolumes(readings, from + QUARTER_MS / 2) : meanFlow(readings, from, from + QUARTER_MS);
            known += Double.isNaN(quarters[q]) ? 0 : 1;
        }
        if (known < MIN_KNOWN_QUARTERS) {
            return OptionalDouble.empty();
        }
        double min = Double.NaN;
        for (int q = 0; q + 4 <= QUARTERS; q++) {
            double mean = (quarters[q] + quarters[q + 1] + quarters[q + 2] + quarters[q + 3]) / 4;
            if (!Double.isNaN(mean) && !(mean >= min)) {
                min = mean;
            }
        }
        return Double.isNaN(min) ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    /**
     * The flow of the interval between the two readings around {@code atMs}: the volume difference over the time
     * between them. Unknown across a long gap or a register that went back (exchange, rollover, glitch).
     */
    private static double fromVolumes(Readings r, long atMs) {
        int after = Arrays.binarySearch(r.timesMs(), atMs);
        after = after >= 0 ? after + 1 : -after - 1;
        if (after == 0 || after >= r.timesMs().length) {
            return Double.NaN;
        }
        long t0 = r.timesMs()[after - 1];
        long t1 = r.timesMs()[after];
        double dv = r.values()[after] - r.values()[after - 1];
        if (t1 - t0 > MAX_GAP_MS || dv < 0) {
            return Double.NaN;
        }
        return dv / ((t1 - t0) / MS_PER_HOUR);
    }

    private static double meanFlow(Readings r, long fromMs, long toMs) {
        int i = Arrays.binarySearch(r.timesMs(), fromMs);
        i = i >= 0 ? i : -i - 1;
        double sum = 0;
        int n = 0;
        for (; i < r.timesMs().length && r.timesMs()[i] < toMs; i++) {
            sum += r.values()[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The baseline of {@code night}: the median of the nightlines of the {@code days} nights before it, or empty when
     * fewer than half of them are known.
     */
    static OptionalDouble baseline(LocalDate night, int days, ZoneId zone, Readings readings) {
        List<Double> lines = new ArrayList<>();
        for (int d = 1; d <= days; d++) {
            nightline(night.minusDays(d), zone, readings).ifPresent(lines::add);
        }
        if (lines.size() * 2 < days) {
            return OptionalDouble.empty();
        }
        lines.sort(Double::compare);
        int n = lines.size();
        return OptionalDouble.of(n % 2 == 1 ? lines.get(n / 2) : (lines.get(n / 2 - 1) + lines.get(n / 2)) / 2);
    }
}
