package io.parkpulse.dashboard.efficiency;

import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.readings.MeterDayStore.LateFingerprint;
import io.parkpulse.dashboard.readings.MeterDayStore.LateMark;
import io.parkpulse.dashboard.readings.MeterDayStore.StoredDay;
import io.parkpulse.dashboard.readings.MeterDayStore.StoredDays;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.counter.BucketConsumption;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.efficiency.counter.ConsumptionCalculator;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.counter.MeterConsumption;
import io.parkpulse.efficiency.evaluation.MeterFigure;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each billing meter's consumption over a run of local days, from days computed and stored earlier wherever they are
 * still good, and from raw readings for the rest — which are then stored. A stored day is good when its day had ended
 * {@link #SETTLE} before it was computed and the late-reading marks of the meter on that day and its neighbours are
 * the ones it was computed with: ingest rewrites a meter-day's mark whenever a late reading of it arrives
 * (docs/storage.md), so any late batch — even one written long after it arrived, after an outage — changes the mark
 * and the day is computed again. No clocks are compared. So a month asked for the second time costs its days, not
 * its millions of readings, and late data still changes the days it touches.
 */
public final class DailyConsumption {

    private static final Logger LOG = LoggerFactory.getLogger(DailyConsumption.class);

    /** A day is stored only once it ended this long ago: readings still on their way normally arrive within it. */
    public static final Duration SETTLE = Duration.ofHours(2);
    /** Readings this far outside the days computed are read too, so the days' first and last intervals can be measured. */
    static final long MARGIN_MS = Duration.ofDays(1).toMillis();

    private final Vertx vertx;
    private final CounterReadingStore readings;
    private final MeterDayStore days;
    private final long maxReadings;

    public DailyConsumption(Vertx vertx, CounterReadingStore readings, MeterDayStore days, long maxReadings) {
        this.vertx = vertx;
        this.readings = readings;
        this.days = days;
        this.maxReadings = maxReadings;
    }

    /**
     * @param grid  the local days of the period, one bucket each
     * @param nowMs the present, for what is settled and when days were computed
     */
    public Future<List<MeterFigure>> figures(ParkModel model, BucketGrid grid, long nowMs) {
        String park = model.park().id();
        List<Long> dayStarts = new ArrayList<>(grid.size());
        for (int b = 0; b < grid.size(); b++) {
            dayStarts.add(grid.start(b));
        }
        Future<StoredDays> stored = days.days(park, dayStarts, grid.bucketMs());
        Future<List<LateMark>> marks = days.lateMarks(park, grid.fromMs() - grid.bucketMs(), grid.toMs() + grid.bucketMs());
        // checking every meter-day against the marks and adding up the days is CPU work: on a worker, so the months
        // of a year evaluate on every core and the event loop stays free
        return Future.all(stored, marks).compose(done -> vertx.executeBlocking(() -> {
            Map<String, Map<Long, Long>> late = lateByDay(marks.result());
            Map<String, int[]> needed = neededDays(model, grid, stored.result(), late, nowMs);
            return new Plan(late, needed, needed.isEmpty() ? assemble(model, grid, stored.result(), Map.of()) : null);
        }, false)).compose(plan -> plan.figures() != null ? Future.succeededFuture(plan.figures())
                : fromReadings(model, grid, stored.result(), plan, nowMs));
    }

    /**
     * The late-mark fingerprint of each of {@code months} of the park, over exactly the marks {@link #figures} reads for
     * the month (its days and the day either side), in one InfluxDB request.
     */
    public Future<List<LateFingerprint>> lateFingerprints(ParkModel model, List<YearMonth> months) {
        ParkCalendar calendar = new ParkCalendar(model.park().timeZone());
        List<long[]> ranges = new ArrayList<>(months.size());
        for (YearMonth m : months) {
            BucketGrid grid = calendar.dailyGrid(Period.month(m));
            ranges.add(new long[] {grid.fromMs() - grid.bucketMs(), grid.toMs() + grid.bucketMs()});
        }
        return days.lateFingerprints(model.park().id(), ranges);
    }

    /** What the stored days say: the marks by meter and day, the days to compute, the figures when there are none. */
    private record Plan(Map<String, Map<Long, Long>> late, Map<String, int[]> needed, List<MeterFigure> figures) {
    }

    /** The figures after computing the days {@code plan} needs from the raw readings, which are then stored. */
    private Future<List<MeterFigure>> fromReadings(ParkModel model, BucketGrid grid, StoredDays stored, Plan plan, long nowMs) {
        String park = model.park().id();
        Map<String, int[]> needed = plan.needed();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long expected = 0;
        for (Map.Entry<String, int[]> e : needed.entrySet()) {
            long a = grid.start(e.getValue()[0]) - MARGIN_MS;
            long b = grid.start(e.getValue()[1]) + grid.bucketMs() + MARGIN_MS;
            from = Math.min(from, a);
            to = Math.max(to, b);
            expected += (b - a) / model.meter(e.getKey()).profile().expectedIntervalMs();
        }
        if (expected > maxReadings) {
            return Future.failedFuture(new EfficiencyService.TooMuchData("about " + expected + " readings to read for park "
                    + park + ", more than the " + maxReadings + " one evaluation may read "
                    + "(PARKPULSE_API_MAX_READINGS_MILLIONS); ask for a shorter period"));
        }
        return readings.read(model, needed.keySet(), from, to).compose(raw -> vertx.executeBlocking(() -> {
            Map<String, List<StoredDay>> computed = compute(model, grid, needed, raw, plan.late(), nowMs);
            Map<String, List<StoredDay>> settled = new LinkedHashMap<>();
            int[] count = {0};
            computed.forEach((meter, list) -> {
                List<StoredDay> keep = list.stream().filter(d -> isSettled(d.bucket(), nowMs)).toList();
                count[0] += keep.size();
                if (!keep.isEmpty()) {
                    settled.put(meter, keep);
                }
            });
            LOG.info("park {}: {} meter(s) computed from {} raw readings, {} settled meter-days to store", park,
                    needed.size(), raw.values().stream().mapToInt(List::size).sum(), count[0]);
            // storing is for the next question; this answer does not wait for it
            days.store(park, settled).onFailure(e -> LOG.warn("could not store {} computed days of park {}: {}",
                    count[0], park, e.toString()));
            return assemble(model, grid, stored, computed);
        }, false));
    }

    /** Meter → day start → the arrival its late mark records. */
    private static Map<String, Map<Long, Long>> lateByDay(List<LateMark> marks) {
        Map<String, Map<Long, Long>> lateByDay = new HashMap<>();
        for (LateMark m : marks) {
            lateByDay.computeIfAbsent(m.meter(), k -> new HashMap<>()).put(m.dayMs(), m.arrivedMs());
        }
        return lateByDay;
    }

    /** Meter → [first, last] bucket index of the days it needs computed; meters that need none are left out. */
    static Map<String, int[]> neededDays(ParkModel model, BucketGrid grid, StoredDays stored,
                                         Map<String, Map<Long, Long>> lateByDay, long nowMs) {
        Map<String, int[]> needed = new LinkedHashMap<>();
        List<Map<String, StoredDay>> byDay = days(grid, stored);
        for (MeterInfo meter : model.meters()) {
            Map<Long, Long> late = lateByDay.getOrDefault(meter.id(), Map.of());
            int first = -1;
            int last = -1;
            for (int b = 0; b < grid.size(); b++) {
                long start = grid.start(b);
                StoredDay day = byDay.get(b).get(meter.id());
                boolean good = day != null && day.bucket().lengthMs() == grid.bucketMs()
                        && isSettled(day.bucket(), day.computedAtMs())
                        && day.lateSeen() == lateAround(late, start, grid.bucketMs());
                if (!good || !isSettled(new BucketConsumption(start, grid.bucketMs(), 0, 0, 0, 0), nowMs)) {
                    first = first < 0 ? b : first;
                    last = b;
                }
            }
            if (first >= 0) {
                needed.put(meter.id(), new int[] {first, last});
            }
        }
        return needed;
    }

    /**
     * What the late marks of a day and its neighbours say, in one number: a late reading in either neighbour can
     * change the day (the interval across midnight). A sum, so a change of any of the three marks changes it.
     */
    static long lateAround(Map<Long, Long> late, long dayStart, long dayMs) {
        long sum = 0;
        for (long d = dayStart - dayMs; d <= dayStart + dayMs; d += dayMs) {
            sum += late.getOrDefault(d, 0L);
        }
        return sum;
    }

    private static boolean isSettled(BucketConsumption day, long atMs) {
        return day.startMs() + day.lengthMs() + SETTLE.toMillis() <= atMs;
    }

    private static Map<String, List<StoredDay>> compute(ParkModel model, BucketGrid grid, Map<String, int[]> needed,
                                                        Map<String, List<CounterReading>> raw,
                                                        Map<String, Map<Long, Long>> lateByDay, long nowMs) {
        Map<String, List<StoredDay>> computed = new HashMap<>();
        needed.forEach((meter, range) -> {
            BucketGrid days = new BucketGrid(grid.start(range[0]), grid.start(range[1]) + grid.bucketMs(), grid.bucketMs());
            MeterConsumption c = ConsumptionCalculator.compute(raw.getOrDefault(meter, List.of()),
                    model.meter(meter).profile(), days);
            Map<Long, List<CounterFinding>> findingsByDay = new HashMap<>();
            for (CounterFinding f : c.findings()) {
                int b = days.bucketOf(f.timeMs());
                if (b >= 0) {
                    findingsByDay.computeIfAbsent(days.start(b), k -> new ArrayList<>()).add(f);
                }
            }
            Map<Long, Long> late = lateByDay.getOrDefault(meter, Map.of());
            List<StoredDay> list = new ArrayList<>();
            for (BucketConsumption b : c.buckets()) {
                list.add(new StoredDay(b, findingsByDay.getOrDefault(b.startMs(), List.of()), nowMs,
                        lateAround(late, b.startMs(), b.lengthMs())));
            }
            computed.put(meter, list);
        });
        return computed;
    }

    /** Each day of the grid's meter → stored day, looked up once rather than per meter. */
    private static List<Map<String, StoredDay>> days(BucketGrid grid, StoredDays stored) {
        List<Map<String, StoredDay>> days = new ArrayList<>(grid.size());
        for (int b = 0; b < grid.size(); b++) {
            days.add(stored.day(grid.start(b)));
        }
        return days;
    }

    /** Every meter's figure over the grid, each day from what was just computed or else from storage. */
    private static List<MeterFigure> assemble(ParkModel model, BucketGrid grid, StoredDays stored,
                                              Map<String, List<StoredDay>> computed) {
        List<MeterFigure> figures = new ArrayList<>(model.meters().size());
        List<Map<String, StoredDay>> byDay = days(grid, stored);
        for (MeterInfo meter : model.meters()) {
            List<StoredDay> mine = computed.getOrDefault(meter.id(), List.of());
            Map<Long, StoredDay> fresh = new HashMap<>(mine.size() * 2);
            for (StoredDay d : mine) {
                fresh.put(d.bucket().startMs(), d);
            }
            List<BucketConsumption> buckets = new ArrayList<>(grid.size());
            List<CounterFinding> findings = new ArrayList<>();
            for (int b = 0; b < grid.size(); b++) {
                StoredDay d = fresh.get(grid.start(b));
                if (d == null) {
                    d = byDay.get(b).get(meter.id());
                }
                buckets.add(d.bucket());
                findings.addAll(d.findings());
            }
            figures.add(new MeterFigure(meter, BucketConsumption.sum(buckets, meter.profile().expectedIntervalMs()), findings));
        }
        return figures;
    }
}
