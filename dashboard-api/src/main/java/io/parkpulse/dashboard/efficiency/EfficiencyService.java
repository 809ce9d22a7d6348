package io.parkpulse.dashboard.efficiency;

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
import java.util.List;
import java.util.Map;

/**
 * Evaluates a park's period: each billing meter's consumption from {@link DailyConsumption} (stored days where they are
 * still good, raw readings for the rest), the output reports from InfluxDB, then the efficiency engine on a worker
 * thread (a large park is CPU work the event loop must not wait for).
 *
 * <p>A result under the park's own policy is kept for {@code resultTtl}, so the rankings, benchmarks and classes a
 * dashboard asks for one after another cost one evaluation, and identical requests arriving together share it. It
 * is dropped when the park file changes and when output reports of the park arrive; readings that arrive late count
 * once it expires. Draft policies (what-if) are never kept.
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

    private record Key(String park, Period period) {
    }

    /** A result and the park-file version it was computed for (compared by identity: a reload is a new Park). */
    private record Kept(Park park, Future<ParkPeriodResult> result, long expiresAtNanos) {
    }

    /** @param resultTtl how long a result under the park's policy is reused (0: never) */
    public EfficiencyService(Vertx vertx, DailyConsumption consumption, OutputReportStore reports, Duration resultTtl,
                             Clock clock) {
        this.vertx = vertx;
        this.consumption = consumption;
        this.reports = reports;
        this.resultTtl = resultTtl;
        this.clock = clock;
        this.carbon = new CarbonService(vertx, this, resultTtl, clock);
    }

    /** The park's carbon years, built from this service's month results and kept as long as they are. */
    public CarbonService carbon() {
        return carbon;
    }

    /** Forgets kept results of {@code park}, after its output reports changed. */
    public void forget(String park) {
        kept.keySet().removeIf(k -> k.park().equals(park));
        carbon.forget(park);
    }

    /**
     * The park's figures for {@code period} under {@code policy}. Fails with {@link PolicyProblem} when the policy
     * cannot evaluate the period (an equal-value basis without that year's coefficient), with {@link TooMuchData}
     * when it would read more raw readings than allowed.
     */
    public Future<ParkPeriodResult> evaluate(ParkModel model, Policy policy, Period period) {
        if (policy != model.park().policy() || resultTtl.isZero()) {
            return read(model, policy, period);
        }
        long now = System.nanoTime();
        kept.values().removeIf(k -> k.expiresAtNanos() - now < 0 || k.result().failed());
        Key key = new Key(model.park().id(), period);
        Kept k = kept.get(key);
        if (k != null && k.park() == model.park()) {
            return k.result();
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        Future<ParkPeriodResult> result = read(model, policy, period);
        kept.put(key, new Kept(model.park(), result, now + resultTtl.toNanos()));
        return result;
    }

    private Future<ParkPeriodResult> read(ParkModel model, Policy policy, Period period) {
        ParkCalendar calendar = new ParkCalendar(model.park().timeZone());
        Future<List<MeterFigure>> meters = consumption.figures(model, calendar.dailyGrid(period), clock.millis());
        Future<List<OutputReport>> o = reports.read(model.park().id(), model.park().timeZone(), period.firstMonth(),
                period.lastMonth(), null);
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
