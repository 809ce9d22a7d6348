package io.parkpulse.dashboard.efficiency;

import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.policy.Policy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a park's period: reads the billing registers and output reports from InfluxDB, then runs the efficiency
 * engine on a worker thread (a month of a large park is CPU work the event loop must not wait for).
 *
 * <p>A result under the park's own policy is kept for {@code resultTtl}, so the rankings, benchmarks and classes a
 * dashboard asks for one after another cost one evaluation, and identical requests arriving together share it. It
 * is dropped when the park file changes and when output reports of the park arrive; readings that arrive late count
 * once it expires. Draft policies (what-if) are never kept.
 */
public final class EfficiencyService {

    /** Readings this far outside the period are read too, so its first and last intervals can be measured. */
    static final Duration MARGIN = Duration.ofDays(1);
    private static final int MAX_KEPT = 64;

    private final Vertx vertx;
    private final CounterReadingStore readings;
    private final OutputReportStore reports;
    private final Duration resultTtl;
    private final long maxReadings;
    private final Map<Key, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(String park, Object parkVersion, Period period) {
    }

    private record Kept(Future<ParkPeriodResult> result, long expiresAtNanos) {
    }

    /**
     * @param resultTtl   how long a result under the park's policy is reused (0: never)
     * @param maxReadings the most readings one evaluation may read; a longer period for a large park is refused with
     *                    a message rather than exhausting memory
     */
    public EfficiencyService(Vertx vertx, CounterReadingStore readings, OutputReportStore reports, Duration resultTtl,
                             long maxReadings) {
        this.vertx = vertx;
        this.readings = readings;
        this.reports = reports;
        this.resultTtl = resultTtl;
        this.maxReadings = maxReadings;
    }

    /** Forgets kept results of {@code park}, after its output reports changed. */
    public void forget(String park) {
        kept.keySet().removeIf(k -> k.park().equals(park));
    }

    /**
     * The park's figures for {@code period} under {@code policy}. Fails with {@link PolicyProblem} when the policy
     * cannot evaluate the period (an equal-value basis without that year's coefficient).
     */
    public Future<ParkPeriodResult> evaluate(ParkModel model, Policy policy, Period period) {
        if (policy != model.park().policy() || resultTtl.isZero()) {
            return read(model, policy, period);
        }
        long now = System.nanoTime();
        kept.values().removeIf(k -> k.expiresAtNanos() - now < 0 || k.result().failed());
        Key key = new Key(model.park().id(), model.park(), period);
        Kept k = kept.get(key);
        if (k != null) {
            return k.result();
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        Future<ParkPeriodResult> result = read(model, policy, period);
        kept.put(key, new Kept(result, now + resultTtl.toNanos()));
        return result;
    }

    private Future<ParkPeriodResult> read(ParkModel model, Policy policy, Period period) {
        long expected = expectedReadings(model, period);
        if (expected > maxReadings) {
            return Future.failedFuture(new TooMuchData("about " + expected + " readings for " + period + " in park "
                    + model.park().id() + ", more than the " + maxReadings + " one evaluation may read "
                    + "(PARKPULSE_API_MAX_READINGS); ask for a shorter period"));
        }
        ParkCalendar calendar = new ParkCalendar(model.park().timeZone());
        long from = calendar.start(period).minus(MARGIN).toEpochMilli();
        long to = calendar.end(period).plus(MARGIN).toEpochMilli();
        Future<Map<String, List<CounterReading>>> r = readings.read(model, from, to);
        Future<List<OutputReport>> o = reports.read(model.park().id(), model.park().timeZone(), period.firstMonth(),
                period.lastMonth(), null);
        return Future.all(r, o).compose(done -> vertx.executeBlocking(() -> compute(model, policy, period, calendar,
                r.result(), o.result()), false));
    }

    /** {@code period} and the same period a year earlier, for the growth comparison. */
    public Future<Map<String, GrowthLine>> growth(ParkModel model, Policy policy, Period period) {
        Future<ParkPeriodResult> now = evaluate(model, policy, period);
        Future<ParkPeriodResult> before = evaluate(model, policy, period.yearEarlier());
        return Future.all(now, before).map(done -> GrowthLine.of(now.result(), before.result()));
    }

    /** Runs the engine on readings and reports already read; the same inputs give the same result. */
    public static ParkPeriodResult compute(ParkModel model, Policy policy, Period period, ParkCalendar calendar,
                                           Map<String, List<CounterReading>> readings, List<OutputReport> reports) {
        ParkEvaluation evaluation = new ParkEvaluation(calendar, policy.coefficients(), policy.basis());
        Map<String, EnterprisePeriod> figures;
        try {
            figures = evaluation.figures(period, model.enterprises().values(), model.meters(),
                    id -> readings.getOrDefault(id, List.of()), reports);
        } catch (IllegalArgumentException e) {
            throw new PolicyProblem("policy " + policy.version() + " cannot evaluate " + period + ": " + e.getMessage());
        }
        return new ParkPeriodResult(model, policy, period, figures);
    }

    /** How many readings the billing meters should have produced over the period and its margins. */
    static long expectedReadings(ParkModel model, Period period) {
        long spanMs = Duration.ofDays(period.days()).plus(MARGIN).plus(MARGIN).toMillis();
        long total = 0;
        for (var m : model.meters()) {
            total += spanMs / m.profile().expectedIntervalMs();
        }
        return total;
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
