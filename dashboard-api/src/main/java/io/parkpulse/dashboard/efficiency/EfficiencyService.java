package io.parkpulse.dashboard.efficiency;

import io.parkpulse.dashboard.DashboardConfig;
import io.parkpulse.dashboard.readings.MeterDayStore.LateFingerprint;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.MeterFigure;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.Park;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluates a park's period: each billing meter's consumption from {@link DailyConsumption} (stored days where they are
 * still good, raw readings for the rest), the output reports from InfluxDB, then the efficiency engine on a worker
 * thread (a large park is CPU work the event loop must not wait for).
 *
 * <p>A result under the park's own policy is kept for {@code resultTtl}, so the rankings, benchmarks and classes a
 * dashboard asks for one after another cost one evaluation, and identical requests arriving together share it. It
 * is dropped when the park file changes and when output reports of the park arrive; readings that arrive late count
 * once it expires. Draft policies (what-if) are never kept.
 *
 * <p>A settled month — one that had ended {@link DailyConsumption#SETTLE} before it was computed — is kept longer, for
 * the months of a year ({@link #months}): up to {@code keptMonths} park-months, the least recently used dropped first,
 * each valid while the park file is the same, no output report of the park arrived since, and the late-reading marks
 * of its days and the day either side add up to what they did before it was computed (one InfluxDB request checks the
 * year's months). A late reading recomputes its month only.
 */
public final class EfficiencyService {

    private static final int MAX_KEPT = 64;

    private final Vertx vertx;
    private final DailyConsumption consumption;
    private final OutputReportStore reports;
    private final Duration resultTtl;
    private final Clock clock;
    private final Map<Key, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private final CarbonService carbon;
    private final int maxKeptMonths;
    /** Settled months, least recently used first; guarded by itself. */
    private final LinkedHashMap<MonthKey, SettledMonth> settled;
    /** Counts {@link #forget} calls: a month computed across one is not kept. */
    private final AtomicLong forgets = new AtomicLong();

    private record Key(String park, Period period) {
    }

    /**
     * A result, the park-file version it was computed for (compared by identity: a reload is a new Park) and when its
     * computation began ({@link System#nanoTime}).
     */
    private record Kept(Park park, Future<ParkPeriodResult> result, long expiresAtNanos, long startedNanos) {
    }

    private record MonthKey(String park, YearMonth month) {
    }

    /** A settled month's result, for the park-file version and the late marks it was computed with. */
    private record SettledMonth(Park park, ParkPeriodResult result, LateFingerprint marks) {
    }

    /** @param resultTtl how long a result under the park's policy is reused (0: never) */
    public EfficiencyService(Vertx vertx, DailyConsumption consumption, OutputReportStore reports, Duration resultTtl,
                             Clock clock) {
        this(vertx, consumption, reports, resultTtl, DashboardConfig.DEFAULT_KEPT_MONTHS, clock);
    }

    /**
     * @param resultTtl  how long a result under the park's policy is reused (0: never)
     * @param keptMonths how many settled park-months are kept beyond it, checked against the late marks (0: none)
     */
    public EfficiencyService(Vertx vertx, DailyConsumption consumption, OutputReportStore reports, Duration resultTtl,
                             int keptMonths, Clock clock) {
        this.vertx = vertx;
        this.consumption = consumption;
        this.reports = reports;
        this.resultTtl = resultTtl;
        this.clock = clock;
        this.maxKeptMonths = keptMonths;
        this.settled = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<MonthKey, SettledMonth> eldest) {
                return size() > maxKeptMonths;
            }
        };
        this.carbon = new CarbonService(vertx, this, resultTtl, clock);
    }

    /** The park's carbon years, built from this service's month results and kept as long as they are. */
    public CarbonService carbon() {
        return carbon;
    }

    /** Forgets kept results of {@code park}, its kept months too, after its output reports changed. */
    public void forget(String park) {
        forgets.incrementAndGet();
        kept.keySet().removeIf(k -> k.park().equals(park));
        synchronized (settled) {
            settled.keySet().removeIf(k -> k.park().equals(park));
        }
        carbon.forget(park);
    }

    /** How many settled park-months are kept now. */
    int keptMonths() {
        synchronized (settled) {
            return settled.size();
        }
    }

    /**
     * The park's {@code months} under its own policy, in order: each settled month kept earlier whose late marks are
     * unchanged as it was, the others evaluated (and kept once settled). The marks of all of them are checked in one
     * InfluxDB request, before anything is computed, so a month is kept with marks read no later than its own.
     */
    public Future<List<ParkPeriodResult>> months(ParkModel model, List<YearMonth> months) {
        Park park = model.park();
        if (maxKeptMonths <= 0) {
            return evaluateAll(model, months, null, null, 0);
        }
        long forgotten = forgets.get();
        return consumption.lateFingerprints(model, months).compose(marks -> {
            long checkedNanos = System.nanoTime();
            long nowMs = clock.millis();
            List<ParkPeriodResult> reused = new ArrayList<>(Collections.nCopies(months.size(), null));
            synchronized (settled) {
                for (int i = 0; i < months.size(); i++) {
                    SettledMonth s = settled.get(new MonthKey(park.id(), months.get(i)));
                    if (s != null && s.park() == park && s.marks().equals(marks.get(i))) {
                        reused.set(i, s.result());
                    }
                }
            }
            return evaluateAll(model, months, reused, marks, checkedNanos).onSuccess(all -> {
                if (forgets.get() != forgotten) {
                    return; // output reports arrived meanwhile: what was computed may predate them
                }
                synchronized (settled) {
                    for (int i = 0; i < months.size(); i++) {
                        if (reused.get(i) == null && isSettled(months.get(i), model, nowMs)) {
                            settled.put(new MonthKey(park.id(), months.get(i)), new SettledMonth(park, all.get(i), marks.get(i)));
                        }
                    }
                }
            });
        });
    }

    /** Whether {@code month} had ended {@link DailyConsumption#SETTLE} before {@code atMs}: its days no longer change. */
    static boolean isSettled(YearMonth month, ParkModel model, long atMs) {
        long end = month.plusMonths(1).atDay(1).atStartOfDay(model.park().timeZone()).toInstant().toEpochMilli();
        return end + DailyConsumption.SETTLE.toMillis() <= atMs;
    }

    /**
     * The months' results: {@code reused} where given, the others evaluated — when {@code marks} are given, reusing
     * only results whose computation began after {@code notBeforeNanos} (after the marks were read). The output reports
     * of the months evaluated are read in one query when there are several.
     */
    private Future<List<ParkPeriodResult>> evaluateAll(ParkModel model, List<YearMonth> months, List<ParkPeriodResult> reused,
                                                       List<LateFingerprint> marks, long notBeforeNanos) {
        YearMonth first = null;
        YearMonth last = null;
        int evaluated = 0;
        for (int i = 0; i < months.size(); i++) {
            if (reused == null || reused.get(i) == null) {
                YearMonth m = months.get(i);
                first = first == null || m.isBefore(first) ? m : first;
                last = last == null || m.isAfter(last) ? m : last;
                evaluated++;
            }
        }
        Future<Map<YearMonth, List<OutputReport>>> allReports = evaluated < 2 ? null
                : reports.read(model.park().id(), model.park().timeZone(), first, last, null)
                        .map(list -> list.stream().collect(java.util.stream.Collectors.groupingBy(OutputReport::month)));
        List<Future<ParkPeriodResult>> all = new ArrayList<>(months.size());
        for (int i = 0; i < months.size(); i++) {
            ParkPeriodResult r = reused == null ? null : reused.get(i);
            if (r != null) {
                all.add(Future.succeededFuture(r));
            } else {
                YearMonth m = months.get(i);
                Future<List<OutputReport>> mine = allReports == null ? null
                        : allReports.map(byMonth -> byMonth.getOrDefault(m, List.of()));
                all.add(evaluate(model, model.park().policy(), Period.month(m), marks == null ? null : notBeforeNanos, mine));
            }
        }
        return Future.all(all).map(done -> all.stream().map(Future::result).toList());
    }

    /**
     * The park's figures for {@code period} under {@code policy}. Fails with {@link PolicyProblem} when the policy
     * cannot evaluate the period (an equal-value basis without that year's coefficient), with {@link TooMuchData}
     * when it would read more raw readings than allowed.
     */
    public Future<ParkPeriodResult> evaluate(ParkModel model, Policy policy, Period period) {
        return evaluate(model, policy, period, null, null);
    }

    /**
     * As {@link #evaluate(ParkModel, Policy, Period)}, reusing a kept result only if begun after {@code notBeforeNanos}
     * (when given), with the period's output reports read already (when given).
     */
    private Future<ParkPeriodResult> evaluate(ParkModel model, Policy policy, Period period, Long notBeforeNanos,
                                              Future<List<OutputReport>> periodReports) {
        if (policy != model.park().policy() || resultTtl.isZero()) {
            return read(model, policy, period, periodReports);
        }
        long now = System.nanoTime();
        kept.values().removeIf(k -> k.expiresAtNanos() - now < 0 || k.result().failed());
        Key key = new Key(model.park().id(), period);
        Kept k = kept.get(key);
        if (k != null && k.park() == model.park() && (notBeforeNanos == null || k.startedNanos() - notBeforeNanos >= 0)) {
            return k.result();
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        Future<ParkPeriodResult> result = read(model, policy, period, periodReports);
        kept.put(key, new Kept(model.park(), result, now + resultTtl.toNanos(), now));
        return result;
    }

    private Future<ParkPeriodResult> read(ParkModel model, Policy policy, Period period, Future<List<OutputReport>> periodReports) {
        ParkCalendar calendar = new ParkCalendar(model.park().timeZone());
        Future<List<MeterFigure>> meters = consumption.figures(model, calendar.dailyGrid(period), clock.millis());
        Future<List<OutputReport>> o = periodReports != null ? periodReports
                : reports.read(model.park().id(), model.park().timeZone(), period.firstMonth(), period.lastMonth(), null);
        return Future.all(meters, o).compose(done -> vertx.executeBlocking(() -> {
            // the policy's carbon part too: grid factor, green rule, fuel factors
            ParkEvaluation evaluation = ParkEvaluation.under(calendar, policy);
            try {
                Map<String, EnterprisePeriod> figures = evaluation.figures(period, model.enterprises().values(),
                        meters.result(), o.result());
                return new ParkPeriodResult(model, policy, period, figures);
            } catch (IllegalArgumentException e) {
                throw new PolicyProblem("policy " + policy.version() + " cannot evaluate " + period + ": " + e.getMessage());
            }
        }, false));
    }

    /** {@code period} and the same period a year earlier, for the growth comparison. */
    public Future<Map<String, GrowthLine>> growth(ParkModel model, Policy policy, Period period) {
        Future<ParkPeriodResult> now = evaluate(model, policy, period);
        Future<ParkPeriodResult> before = evaluate(model, policy, period.yearEarlier());
        return Future.all(now, before).map(done -> GrowthLine.of(now.result(), before.result()));
    }

    /** The period is too long for one evaluation of this park; the message says how much it would read. */
    public static final class TooMuchData extends RuntimeException {
        public TooMuchData(String message) {
            super(message, null, false, false);
        }
    }

    /** The policy cannot produce figures for the period asked for; the message says why. */
    public static final class PolicyProblem extends RuntimeException {
        public PolicyProblem(String message) {
            super(message, null, false, false);
        }
    }
}
