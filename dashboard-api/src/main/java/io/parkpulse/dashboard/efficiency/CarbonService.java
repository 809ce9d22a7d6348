package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetTracker;
import io.parkpulse.efficiency.evaluation.EnterpriseInfo;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.Park;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A park's carbon year (docs/dashboard-api.md, "Targets and carbon"): the months of the year through the last complete
 * one in the park's time zone (the whole year for a past year) and the twelve of the year before, each one
 * {@link EfficiencyService#evaluate} of a month — kept there, and built from stored days — then the target tracking of
 * the efficiency engine on a worker thread.
 *
 * <p>The 24 months are asked for at once under the park's own policy through {@link EfficiencyService#months}, which
 * keeps settled months beyond the result lifetime and checks them against the late-reading marks in one InfluxDB request
 * (the efficiency service shares identical requests and keeps their results);
 * the year's result is kept like a period result — for the service's result lifetime, per park file, dropped when
 * output reports arrive — so the targets page, the carbon pages of its enterprises and the daily alarm rules of a
 * 1,000-enterprise park cost one tracking.
 */
public final class CarbonService {

    private static final int MAX_KEPT = 8;

    private final Vertx vertx;
    private final EfficiencyService efficiency;
    private final Duration resultTtl;
    private final Clock clock;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    private record Key(String park, int year, YearMonth through) {
    }

    private record Kept(Park park, Future<ParkYear> result, long expiresAtNanos) {
    }

    CarbonService(Vertx vertx, EfficiencyService efficiency, Duration resultTtl, Clock clock) {
        this.vertx = vertx;
        this.efficiency = efficiency;
        this.resultTtl = resultTtl;
        this.clock = clock;
    }

    /** Forgets kept years of {@code park}. */
    void forget(String park) {
        kept.keySet().removeIf(k -> k.park().equals(park));
    }

    /**
     * The last complete month of {@code year} in {@code zone} at the service's clock: December for a past year,
     * {@code null} for the current year in January, and for a future year.
     */
    public YearMonth through(ZoneId zone, int year) {
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        if (last.getYear() > year) {
            return YearMonth.of(year, 12);
        }
        return last.getYear() == year ? last : null;
    }

    /** The year in the park's zone now. */
    public int currentYear(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** The park's carbon year under its own policy. */
    public Future<ParkYear> year(ParkModel model, int year) {
        Park park = model.park();
        YearMonth through = through(park.timeZone(), year);
        Key key = new Key(park.id(), year, through);
        if (resultTtl.isZero()) {
            return compute(model, park.policy(), year, through);
        }
        long now = System.nanoTime();
        kept.values().removeIf(k -> k.expiresAtNanos() - now < 0 || k.result().failed());
        Kept k = kept.get(key);
        if (k != null && k.park() == park) {
            return k.result();
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        Future<ParkYear> result = compute(model, park.policy(), year, through);
        kept.put(key, new Kept(park, result, now + resultTtl.toNanos()));
        return result;
    }

    private Future<ParkYear> compute(ParkModel model, Policy policy, int year, YearMonth through) {
        int m = through == null ? 0 : through.getMonthValue();
        List<YearMonth> asked = new ArrayList<>();
        for (int i = 1; i <= m; i++) {
            asked.add(YearMonth.of(year, i));
        }
        for (int i = 1; i <= 12; i++) {
            asked.add(YearMonth.of(year - 1, i));
        }
        Future<List<ParkPeriodResult>> months;
        if (policy == model.park().policy()) {
            months = efficiency.months(model, asked); // settled months kept, checked against the late marks
        } else {
            List<Future<ParkPeriodResult>> each = asked.stream().map(ym -> efficiency.evaluate(model, policy, Period.month(ym))).toList();
            months = Future.all(each).map(done -> each.stream().map(Future::result).toList());
        }
        return months.compose(all -> vertx.executeBlocking(() -> assemble(model, policy, year, through,
                all.subList(0, m), all.subList(m, m + 12)), false));
    }

    /** Pure: the year from its month results (this year's January … through, the previous year's twelve). */
    static ParkYear assemble(ParkModel model, Policy policy, int year, YearMonth through, List<ParkPeriodResult> thisYear,
                             List<ParkPeriodResult> previousYear) {
        LocalDate previousStart = LocalDate.of(year - 1, 1, 1);
        Map<String, List<MonthFigures>> now = new LinkedHashMap<>();
        Map<String, List<MonthFigures>> before = new LinkedHashMap<>();
        Map<String, List<Emissions>> emissions = new LinkedHashMap<>();
        Map<String, String> industries = new LinkedHashMap<>();
        for (EnterpriseInfo e : model.enterprises().values()) {
            industries.put(e.id(), e.industry());
            List<MonthFigures> months = new ArrayList<>();
            List<Emissions> co2 = new ArrayList<>();
            for (ParkPeriodResult r : thisYear) {
                EnterprisePeriod p = r.figures().get(e.id());
                months.add(CarbonMonths.of(r.period().firstMonth(), p));
                co2.add(p == null ? Emissions.unknown(policy.carbon()) : p.figures().carbon());
            }
            now.put(e.id(), months);
            emissions.put(e.id(), co2);
            // an enterprise that began operating during the previous year was not in the park all of it: its months
            // are not a seasonal pattern, and it adds nothing to last year's park totals
            if (e.operatingSince() == null || !e.operatingSince().isAfter(previousStart)) {
                List<MonthFigures> last = new ArrayList<>();
                for (ParkPeriodResult r : previousYear) {
                    last.add(CarbonMonths.of(r.period().firstMonth(), r.figures().get(e.id())));
                }
                before.put(e.id(), last);
            }
        }
        TargetProgress progress = through == null ? null
                : TargetTracker.track(year, through, now, before, industries, policy.carbon());
        Map<String, PeerGroup> peers = new LinkedHashMap<>();
        if (progress != null) {
            Map<String, Map<String, Double>> byIndustry = new LinkedHashMap<>();
            progress.enterprises().forEach((id, p) -> {
                if (Double.isFinite(p.co2PerValueAddedYtd()) && p.state().isSufficient()) {
                    byIndustry.computeIfAbsent(industries.get(id), k -> new LinkedHashMap<>()).put(id, p.co2PerValueAddedYtd());
                }
            });
            byIndustry.forEach((industry, values) -> peers.put(industry, PeerGroup.of(values,
                    Indicator.CO2_PER_VALUE_ADDED.direction(), policy.frontrunner())));
        }
        return new ParkYear(model, policy, year, through, now, before, emissions, progress,
                policy.carbon().gridFactor(GridFactorTable.published(), year).orElse(null), peers);
    }
}
