package io.parkpulse.efficiency.carbon.tracking;

import io.parkpulse.efficiency.carbon.Budget;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.Milestone;
import io.parkpulse.efficiency.carbon.YearBudget;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.Contributors;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.EnterpriseProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.IntensityProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.MonthProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.ParkProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.Profile;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.TotalProgress;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Year to date against the budgets and the intensity milestone, per month, with a forecast to year end and the
 * enterprises that make the gaps (docs/efficiency.md, "Targets and tracking"). Pure.
 *
 * <p>Park figures are sums of the enterprises'. A park month with an enterprise month that is insufficient is
 * insufficient and names the enterprise; nothing insufficient gets a verdict. The park's forecast is the sum of the
 * enterprises' forecasts (so the contributions add up to the park's gap exactly) with the band of the park's own
 * series (its monthly ratios measure how the enterprises' errors combine).
 */
public final class TargetTracker {

    private TargetTracker() {
    }

    /** Without industries: two-high marking by thresholds only. */
    public static TargetProgress track(int year, YearMonth through, Map<String, List<MonthFigures>> thisYear,
                                       Map<String, List<MonthFigures>> previousYear, CarbonPolicy policy) {
        return track(year, through, thisYear, previousYear, Map.of(), policy);
    }

    /**
     * @param thisYear     enterprise → its months of {@code year} from January through {@code through} (a month not
     *                     given is insufficient: {@code no_month_figures})
     * @param previousYear enterprise → its twelve months of the year before; an enterprise absent was not in the park
     *                     then (it adds nothing to last year's park totals)
     * @param industries   enterprise → GB/T 4754 code, for two-high marking by industry
     */
    public static TargetProgress track(int year, YearMonth through, Map<String, List<MonthFigures>> thisYear,
                                       Map<String, List<MonthFigures>> previousYear, Map<String, String> industries,
                                       CarbonPolicy policy) {
        if (through.getYear() != year) {
            throw new IllegalArgumentException("tracking " + year + " runs through a month of " + year + ", not " + through);
        }
        int m = through.getMonthValue();
        YearBudget budgets = policy.budget(year).orElse(new YearBudget(year, Budget.NONE, Map.of()));
        Milestone milestone = policy.targets() != null && policy.targets().covers(year) ? policy.targets().milestone(year) : null;

        Map<String, Series> series = new LinkedHashMap<>();
        thisYear.forEach((id, months) -> series.put(id, new Series(id, YearMonth.of(year, 1),
                align(id, months, YearMonth.of(year, 1), m), previous(id, previousYear, year))));
        Series park = Series.sum(series.values(), YearMonth.of(year, 1), m);

        Map<String, EnterpriseProgress> enterprises = new LinkedHashMap<>();
        Map<CarbonQuantity, Map<String, Double>> forecasts = new LinkedHashMap<>();
        for (CarbonQuantity q : CarbonQuantity.values()) {
            forecasts.put(q, new LinkedHashMap<>());
        }
        for (Series s : series.values()) {
            Budget own = budgets.of(s.id);
            TotalProgress energy = total(s, CarbonQuantity.ENERGY, s.forecast(CarbonQuantity.ENERGY), own.energyTce(), policy);
            TotalProgress co2 = total(s, CarbonQuantity.CO2, s.forecast(CarbonQuantity.CO2), own.co2T(), policy);
            forecasts.get(CarbonQuantity.ENERGY).put(s.id, energy.forecast().value());
            forecasts.get(CarbonQuantity.CO2).put(s.id, co2.forecast().value());
            double va = s.ytd(Series.VALUE_ADDED);
            double energyPerVa = s.state.isSufficient() && va > 0 ? s.ytd(Series.ENERGY) / va : Double.NaN;
            double co2PerVa = s.state.isSufficient() && va > 0 ? s.ytd(Series.CO2) / va : Double.NaN;
            String industry = industries.get(s.id);
            List<Reason> twoHigh = policy.twoHigh() == null ? List.of()
                    : policy.twoHigh().isTwoHigh(industry, energyPerVa, energy.forecast().value());
            enterprises.put(s.id, new EnterpriseProgress(s.id, industry, energy, co2, energyPerVa, co2PerVa,
                    s.months(own), s.profile(), twoHigh, s.state));
        }

        TotalProgress parkEnergy = total(park, CarbonQuantity.ENERGY, parkForecast(park, series.values(), CarbonQuantity.ENERGY),
                budgets.park().energyTce(), policy);
        TotalProgress parkCo2 = total(park, CarbonQuantity.CO2, parkForecast(park, series.values(), CarbonQuantity.CO2),
                budgets.park().co2T(), policy);
        IntensityProgress energyPerVa = intensity(park, Series.ENERGY, milestone == null ? Double.NaN : milestone.energyPerValueAdded(), policy);
        IntensityProgress co2PerVa = intensity(park, Series.CO2, milestone == null ? Double.NaN : milestone.co2PerValueAdded(), policy);
        ParkProgress parkProgress = new ParkProgress(parkEnergy, parkCo2, energyPerVa, co2PerVa, park.months(budgets.park()),
                park.profile(), park.state);

        Contributors contributors = new Contributors(
                totals(parkEnergy, series, forecasts.get(CarbonQuantity.ENERGY), budgets, CarbonQuantity.ENERGY),
                totals(parkCo2, series, forecasts.get(CarbonQuantity.CO2), budgets, CarbonQuantity.CO2),
                intensities(energyPerVa, series, Series.ENERGY), intensities(co2PerVa, series, Series.CO2));
        return new TargetProgress(year, through, policy.targets(), milestone, parkProgress, enterprises, contributors);
    }

    /**
     * The budget profile all year under the tracker's own rule: for each month (index 0 = January), the share of a
     * yearly budget of {@code quantity} that falls in the months through it — for a chart that draws the budget line
     * past the last month counted, or before one is.
     *
     * @param previousYear as for {@link #track}: one enterprise's months of the year before, or every enterprise's for
     *                     the park (summed as the park's series is)
     */
    public static double[] cumulativeBudgetShares(int year, Map<String, List<MonthFigures>> previousYear, CarbonQuantity quantity) {
        List<Series> series = new ArrayList<>();
        previousYear.keySet().forEach(id -> series.add(new Series(id, YearMonth.of(year, 1), new MonthFigures[0],
                previous(id, previousYear, year))));
        Series profile = series.size() == 1 ? series.get(0) : Series.sum(series, YearMonth.of(year, 1), 0);
        int column = quantity == CarbonQuantity.ENERGY ? Series.ENERGY : Series.CO2;
        double[] shares = new double[12];
        for (int i = 0; i < 12; i++) {
            shares[i] = profile.profileShare(column, i + 1);
        }
        return shares;
    }

    private static MonthFigures[] previous(String id, Map<String, List<MonthFigures>> previousYear, int year) {
        return previousYear.containsKey(id) ? align(id, previousYear.get(id), YearMonth.of(year - 1, 1), 12) : null;
    }

    /** The months from {@code first}, {@code count} of them; one not given is insufficient. */
    private static MonthFigures[] align(String id, List<MonthFigures> given, YearMonth first, int count) {
        MonthFigures[] months = new MonthFigures[count];
        for (MonthFigures f : given) {
            int i = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, f.month());
            if (i >= 0 && i < count) {
                months[i] = f;
            }
        }
        for (int i = 0; i < count; i++) {
            if (months[i] == null) {
                YearMonth month = first.plusMonths(i);
                months[i] = new MonthFigures(month, Double.NaN, Double.NaN, Double.NaN, Double.NaN, DataState.insufficient(
                        new Reason("no_month_figures", Map.of("enterprise", id, "month", month.toString()),
                                "no figures of " + id + " for " + month)));
            }
        }
        return months;
    }

    /** Park forecast: Σ the enterprises' forecasts, with the band of the park series' own forecast. */
    private static Forecast parkForecast(Series park, Iterable<Series> enterprises, CarbonQuantity q) {
        if (!park.state.isSufficient()) {
            return new Forecast(Double.NaN, Double.NaN, Double.NaN, Forecast.NONE, park.state);
        }
        Forecast own = park.forecast(q);
        double value = 0;
        for (Series s : enterprises) {
            value += s.forecast(q).value();
        }
        return new Forecast(value, value - (own.value() - own.low()), value + (own.high() - own.value()), own.method(), own.state());
    }

    private static TotalProgress total(Series s, CarbonQuantity q, Forecast forecast, double budget, CarbonPolicy policy) {
        int column = q == CarbonQuantity.ENERGY ? Series.ENERGY : Series.CO2;
        double ytd = s.ytd(column);
        double budgetYtd = Double.isNaN(budget) ? Double.NaN : budget * s.profileShare(column, s.thisYear.length);
        DataState state = s.state.and(forecast.state());
        if (!s.state.isSufficient()) {
            return new TotalProgress(q, ytd, budget, budgetYtd, forecast, Verdict.UNKNOWN, Double.NaN, state,
                    DataState.insufficientData(s.state));
        }
        if (Double.isNaN(budget)) {
            return new TotalProgress(q, ytd, budget, budgetYtd, forecast, Verdict.UNKNOWN, Double.NaN, state,
                    new Reason("no_budget", Map.of("quantity", q.id()), "no " + q.id() + " budget for the year"));
        }
        double limit = budget * (1 + policy.budgetMargin());
        Verdict verdict = ytd > budget || forecast.low() > limit ? Verdict.OFF_TRACK
                : forecast.value() > limit ? Verdict.AT_RISK : Verdict.ON_TRACK;
        return new TotalProgress(q, ytd, budget, budgetYtd, forecast, verdict, forecast.value() - budget, state, null);
    }

    private static IntensityProgress intensity(Series park, int column, double milestone, CarbonPolicy policy) {
        double va = park.ytd(Series.VALUE_ADDED);
        double ytd = va > 0 ? park.ytd(column) / va : Double.NaN;
        if (!park.state.isSufficient()) {
            return new IntensityProgress(ytd, milestone, Verdict.UNKNOWN, Double.NaN, park.state, DataState.insufficientData(park.state));
        }
        if (!(va > 0)) {
            return new IntensityProgress(ytd, milestone, Verdict.UNKNOWN, Double.NaN, park.state,
                    new Reason("quantity_zero", Map.of("quantity", "value_added"), "value added is zero"));
        }
        if (Double.isNaN(milestone)) {
            return new IntensityProgress(ytd, milestone, Verdict.UNKNOWN, Double.NaN, park.state,
                    new Reason("no_milestone", Map.of(), "no intensity milestone for the year"));
        }
        Verdict verdict = ytd > milestone * (1 + policy.intensityMargin()) ? Verdict.OFF_TRACK
                : ytd > milestone ? Verdict.AT_RISK : Verdict.ON_TRACK;
        return new IntensityProgress(ytd, milestone, verdict, ytd - milestone, park.state, null);
    }

    /**
     * Budgets of enterprises without their own are shared by last year's totals when every one of them has a complete
     * previous year, else by this year's totals to date.
     */
    private static List<Contribution> totals(TotalProgress park, Map<String, Series> series, Map<String, Double> forecasts,
                                             YearBudget budgets, CarbonQuantity q) {
        if (park.verdict() == Verdict.UNKNOWN) {
            return List.of();
        }
        int column = q == CarbonQuantity.ENERGY ? Series.ENERGY : Series.CO2;
        Map<String, Double> own = new LinkedHashMap<>();
        budgets.enterprises().forEach((id, b) -> {
            if (series.containsKey(id) && !Double.isNaN(b.of(q))) {
                own.put(id, b.of(q));
            }
        });
        boolean lastYear = series.values().stream().filter(s -> !own.containsKey(s.id)).allMatch(Series::previousComplete);
        Map<String, Double> weights = new LinkedHashMap<>();
        series.values().forEach(s -> weights.put(s.id, lastYear ? s.previousTotal(column) : s.ytd(column)));
        return ContributionAnalysis.totals(forecasts, park.budget(), own, weights);
    }

    private static List<Contribution> intensities(IntensityProgress park, Map<String, Series> series, int column) {
        if (park.verdict() == Verdict.UNKNOWN) {
            return List.of();
        }
        Map<String, Double> numerators = new LinkedHashMap<>();
        Map<String, Double> valueAdded = new LinkedHashMap<>();
        series.values().forEach(s -> {
            numerators.put(s.id, s.ytd(column));
            valueAdded.put(s.id, s.ytd(Series.VALUE_ADDED));
        });
        return ContributionAnalysis.intensity(numerators, valueAdded, park.milestone());
    }

    /** One enterprise's (or the park's) months of this year and the year before. */
    private static final class Series {
        static final int ENERGY = 0;
        static final int CO2 = 1;
        static final int VALUE_ADDED = 2;

        final String id;
        final YearMonth january;
        final MonthFigures[] thisYear;
        final MonthFigures[] previous;
        final DataState state;

        Series(String id, YearMonth january, MonthFigures[] thisYear, MonthFigures[] previous) {
            this.id = id;
            this.january = january;
            this.thisYear = thisYear;
            this.previous = previous;
            DataState s = DataState.complete();
            for (MonthFigures f : thisYear) {
                s = s.and(f.state());
            }
            this.state = s;
        }

        /** The park: month by month sums; a month is as sure as its least sure enterprise month, which it names. */
        static Series sum(Iterable<Series> all, YearMonth january, int m) {
            MonthFigures[] months = new MonthFigures[m];
            for (int i = 0; i < m; i++) {
                months[i] = sumMonth(all, january.plusMonths(i), i, false);
            }
            boolean previousComplete = true;
            boolean anyPrevious = false;
            for (Series s : all) {
                if (s.previous != null) {
                    anyPrevious = true;
                    previousComplete &= s.previousComplete();
                }
            }
            MonthFigures[] previous = null;
            if (anyPrevious && previousComplete) {
                previous = new MonthFigures[12];
                for (int i = 0; i < 12; i++) {
                    previous[i] = sumMonth(all, january.minusYears(1).plusMonths(i), i, true);
                }
            }
            return new Series("park", january, months, previous);
        }

        private static MonthFigures sumMonth(Iterable<Series> all, YearMonth month, int i, boolean previousYear) {
            double[] v = new double[4];
            List<Reason> insufficient = new ArrayList<>();
            List<Reason> partial = new ArrayList<>();
            for (Series s : all) {
                MonthFigures f = previousYear ? (s.previous == null ? null : s.previous[i]) : s.thisYear[i];
                if (f == null) {
                    continue;
                }
                v[0] += f.energyTce();
                v[1] += f.co2T();
                v[2] += f.valueAdded10k();
                v[3] += f.outputValue10k();
                Map<String, String> args = Map.of("enterprise", s.id, "month", month.toString());
                if (f.state().kind() == DataState.Kind.INSUFFICIENT) {
                    insufficient.add(new Reason("enterprise_month_insufficient", args,
                            s.id + " " + month + ": " + f.state().summary()));
                } else if (f.state().kind() == DataState.Kind.PARTIAL) {
                    partial.add(new Reason("enterprise_month_partial", args, s.id + " " + month + ": " + f.state().summary()));
                }
            }
            DataState state = !insufficient.isEmpty() ? new DataState(DataState.Kind.INSUFFICIENT, insufficient)
                    : !partial.isEmpty() ? new DataState(DataState.Kind.PARTIAL, partial) : DataState.complete();
            return new MonthFigures(month, v[0], v[1], v[2], v[3], state);
        }

        boolean previousComplete() {
            if (previous == null) {
                return false;
            }
            for (MonthFigures f : previous) {
                if (!f.state().isSufficient()) {
                    return false;
                }
            }
            return true;
        }

        static double value(MonthFigures f, int column) {
            return switch (column) {
                case ENERGY -> f.energyTce();
                case CO2 -> f.co2T();
                default -> f.valueAdded10k();
            };
        }

        double ytd(int column) {
            double sum = 0;
            for (MonthFigures f : thisYear) {
                sum += value(f, column);
            }
            return sum;
        }

        double previousTotal(int column) {
            double sum = 0;
            for (MonthFigures f : previous) {
                sum += value(f, column);
            }
            return sum;
        }

        Forecast forecast(CarbonQuantity q) {
            if (!state.isSufficient()) {
                return new Forecast(Double.NaN, Double.NaN, Double.NaN, Forecast.NONE, state);
            }
            int column = q == CarbonQuantity.ENERGY ? ENERGY : CO2;
            List<Double> x = new ArrayList<>();
            for (MonthFigures f : thisYear) {
                x.add(value(f, column));
            }
            List<Double> p = null;
            if (previousComplete()) {
                p = new ArrayList<>();
                for (MonthFigures f : previous) {
                    p.add(value(f, column));
                }
            }
            return SeasonalForecast.forecast(x, p);
        }

        Profile profile() {
            return previousComplete() && previousTotal(ENERGY) > 0 ? Profile.PREVIOUS_YEAR_SHARES : Profile.DAYS;
        }

        /** The share of the year's budget falling in its first {@code months} months. */
        double profileShare(int column, int months) {
            double total = previousComplete() ? previousTotal(column) : 0;
            if (total > 0) {
                double part = 0;
                for (int i = 0; i < months; i++) {
                    part += value(previous[i], column);
                }
                return part / total;
            }
            double days = 0;
            for (int i = 0; i < months; i++) {
                days += january.plusMonths(i).lengthOfMonth();
            }
            return days / january.atDay(1).lengthOfYear();
        }

        List<MonthProgress> months(Budget budget) {
            List<MonthProgress> list = new ArrayList<>();
            double energy = 0;
            double co2 = 0;
            for (int i = 0; i < thisYear.length; i++) {
                MonthFigures f = thisYear[i];
                energy += f.energyTce();
                co2 += f.co2T();
                list.add(new MonthProgress(f.month(), f.energyTce(), f.co2T(), f.valueAdded10k(), energy, co2,
                        budget.energyTce() * profileShare(ENERGY, i + 1), budget.co2T() * profileShare(CO2, i + 1), f.state()));
            }
            return list;
        }
    }
}
