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
 * engine on a worker thread (a month of a large park is CPU work the event loop must not wait for). Nothing is kept
 * between calls, so readings that arrived late count the next time a period is asked for.
 */
public final class EfficiencyService {

    /** Readings this far outside the period are read too, so its first and last intervals can be measured. */
    static final Duration MARGIN = Duration.ofDays(1);

    private final Vertx vertx;
    private final CounterReadingStore readings;
    private final OutputReportStore reports;

    public EfficiencyService(Vertx vertx, CounterReadingStore readings, OutputReportStore reports) {
        this.vertx = vertx;
        this.readings = readings;
        this.reports = reports;
    }

    /**
     * The park's figures for {@code period} under {@code policy}. Fails with {@link PolicyProblem} when the policy
     * cannot evaluate the period (an equal-value basis without that year's coefficient).
     */
    public Future<ParkPeriodResult> evaluate(ParkModel model, Policy policy, Period period) {
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

    /** The policy cannot produce figures for the period asked for; the message says why. */
    public static final class PolicyProblem extends RuntimeException {
        public PolicyProblem(String message) {
            super(message, null, false, false);
        }
    }
}
