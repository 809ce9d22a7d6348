package io.parkpulse.dashboard.alarms;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.GrowthLine;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.growth.GrowthComparison;
import io.parkpulse.efficiency.growth.Quadrant;
import io.parkpulse.efficiency.policy.AlarmRule;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.QuerySeries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Judges a park's daily rules from stored data: each water meter's night minimum flow against its baseline
 * ({@link NightFlow}), each enterprise's energy growth against its output growth, last month year on year, exactly
 * as {@code GET /growth} computes it ({@link EfficiencyService#growth}), and the carbon rules on the current year
 * through its last complete month, exactly as {@code GET /targets} tracks it ({@link CarbonRules}).
 */
final class DailyRules {

    /** The night of a day is judged once its window is over and the hourly NB-IoT values have had time to arrive. */
    static final LocalTime NIGHT_SETTLED = LocalTime.of(6, 0);

    private final InfluxClient influx;
    private final EfficiencyService efficiency;

    DailyRules(InfluxClient influx, EfficiencyService efficiency) {
        this.influx = influx;
        this.efficiency = efficiency;
    }

    /** The judgement of one daily rule: its observations, or why it could not be judged. */
    record Outcome(AlarmRule rule, List<Observation> observations, Throwable failure) {
    }

    /** Every daily rule of the park at {@code nowMs}; never fails: a rule that could not be judged says why. */
    Future<List<Outcome>> observe(ParkModel model, long nowMs) {
        Park park = model.park();
        ZonedDateTime now = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMs), park.timeZone());
        List<Future<Outcome>> outcomes = new ArrayList<>();
        List<AlarmRule.EnergyOutgrowsOutput> growthRules = new ArrayList<>();
        List<AlarmRule> carbonRules = new ArrayList<>();
        for (AlarmRule rule : park.policy().alarms()) {
            if (rule instanceof AlarmRule.NightWaterRise n) {
                outcomes.add(recover(rule, nightWater(park, n, now).map(List::of)));
            } else if (rule instanceof AlarmRule.EnergyOutgrowsOutput g) {
                growthRules.add(g);
            } else if (rule instanceof AlarmRule.BudgetAtRisk || rule instanceof AlarmRule.IntensityOffTrack) {
                carbonRules.add(rule);
            }
        }
        if (!carbonRules.isEmpty()) {
            Future<ParkYear> year = efficiency.carbon().year(model, now.getYear());
            for (AlarmRule rule : carbonRules) {
                outcomes.add(recover(rule, year.map(y -> rule instanceof AlarmRule.BudgetAtRisk b
                        ? CarbonRules.budget(b, y) : CarbonRules.intensity((AlarmRule.IntensityOffTrack) rule, y))));
            }
        }
        if (!growthRules.isEmpty()) {
            YearMonth month = YearMonth.from(now).minusMonths(1);
            Future<Map<String, GrowthLine>> lines = efficiency.growth(model, park.policy(), Period.month(month));
            for (AlarmRule.EnergyOutgrowsOutput g : growthRules) {
                outcomes.add(recover(g, lines.map(l -> growth(park, g, l, month))));
            }
        }
        return Future.join(outcomes).transform(done -> Future.succeededFuture(outcomes.stream().map(Future::result).toList()));
    }

    private static Future<Outcome> recover(AlarmRule rule, Future<List<Observation>> observations) {
        return observations.map(o -> new Outcome(rule, o, null)).recover(e -> Future.succeededFuture(new Outcome(rule, List.of(), e)));
    }

    /** The latest night whose window is settled at {@code now}. */
    static LocalDate latestNight(ZonedDateTime now) {
        return now.toLocalTime().isBefore(NIGHT_SETTLED) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }

    private Future<Observation> nightWater(Park park, AlarmRule.NightWaterRise rule, ZonedDateTime now) {
        Meter meter = park.meter(MeterId.of(rule.meter())).orElse(null); // the park file's reader checked the id
        Subject subject = Subject.meter(rule.meter());
        if (meter == null || meter.kind() != MeterKind.WATER) {
            return Future.succeededFuture(Observation.unknown(rule, subject, Double.NaN, AlarmDetails.notAWaterMeter()));
        }
        LocalDate night = latestNight(now);
        long from = night.minusDays(rule.baselineDays()).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        long to = night.atTime(NIGHT_SETTLED).atZone(park.timeZone()).toInstant().toEpochMilli();
        boolean cumulative = meter.metering() == Metering.CUMULATIVE;
        String field = (cumulative ? Quantity.VOLUME_M3 : Quantity.FLOW_M3H).wireName();
        String q = "SELECT \"" + field + "\" FROM \"" + MeterKind.WATER.wireName() + "\" WHERE \"park\" = $park AND "
                + "\"meter\" = $meter AND time >= " + from + "ms AND time < " + to + "ms";
        return influx.query(q, Map.of("park", park.id(), "meter", meter.id().value())).map(answer -> {
            NightFlow.Readings readings = readings(QuerySeries.of(answer), field, cumulative);
            OptionalDouble line = NightFlow.nightline(night, park.timeZone(), readings);
            OptionalDouble base = NightFlow.baseline(night, rule.baselineDays(), park.timeZone(), readings);
            if (base.isEmpty()) {
                return Observation.unknown(rule, subject, Double.NaN, AlarmDetails.nightBaselineShort(night, rule.baselineDays()));
            }
            double threshold = base.getAsDouble() * (1 + rule.risePercent() / 100);
            Reason detail = AlarmDetails.nightBaseline(night, base.getAsDouble(), rule.baselineDays(), trim(rule.risePercent()));
            if (line.isEmpty()) {
                return Observation.unknown(rule, subject, threshold, AlarmDetails.nightQuartersShort(night, NightFlow.MIN_KNOWN_QUARTERS));
            }
            double value = line.getAsDouble();
            return new Observation(rule, subject, value > threshold ? Observation.Status.BREACH : Observation.Status.NORMAL,
                    value, threshold, null, detail);
        });
    }

    private static NightFlow.Readings readings(List<QuerySeries> series, String field, boolean cumulative) {
        List<long[]> rows = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (QuerySeries s : series) {
            int t = s.column("time");
            int v = s.column(field);
            for (Object row : s.rows()) {
                JsonArray r = (JsonArray) row;
                if (r.getValue(v) instanceof Number n) {
                    rows.add(new long[] {r.getLong(t)});
                    values.add(n.doubleValue());
                }
            }
        }
        long[] times = new long[rows.size()];
        double[] vs = new double[rows.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = rows.get(i)[0];
            vs[i] = values.get(i);
        }
        return new NightFlow.Readings(times, vs, cumulative);
    }

    /**
     * Energy grew faster than output: energy outpacing output, or output falling while energy falls less or rises,
     * or output flat while energy grows beyond the flat threshold; by more than the rule's margin in every case.
     */
    private static List<Observation> growth(Park park, AlarmRule.EnergyOutgrowsOutput rule, Map<String, GrowthLine> lines,
                                            YearMonth month) {
        List<Observation> found = new ArrayList<>();
        double flat = park.policy().growthFlatThreshold();
        for (String enterprise : park.enterprises().keySet().stream().map(EnterpriseId::value).toList()) {
            if (rule.enterprise() != null && !rule.enterprise().equals(enterprise)) {
                continue;
            }
            Subject subject = Subject.enterprise(enterprise);
            GrowthLine line = lines.get(enterprise);
            GrowthComparison c = line == null ? null : line.comparison();
            if (c == null) {
                found.add(Observation.unknown(rule, subject, Double.NaN, AlarmDetails.noGrowth(month, line == null ? null : line.why())));
                continue;
            }
            double gap = (c.energyGrowth() - c.outputGrowth()) * 100;
            boolean faster = c.quadrant() == Quadrant.ENERGY_OUTPACING_OUTPUT || c.quadrant() == Quadrant.DIVERGING
                    || (c.quadrant() == Quadrant.OUTPUT_FLAT && c.energyGrowth() - c.outputGrowth() > flat);
            boolean breach = faster && gap > rule.marginPoints();
            Reason detail = AlarmDetails.growthAgainst(month, month.minusYears(1), c.energyGrowth() * 100,
                    c.outputGrowth() * 100, c.quadrant().name().toLowerCase(Locale.ROOT));
            found.add(new Observation(rule, subject, breach ? Observation.Status.BREACH : Observation.Status.NORMAL,
                    round(c.energyGrowth() * 100), round(c.outputGrowth() * 100 + rule.marginPoints()), null, detail));
        }
        return found;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
