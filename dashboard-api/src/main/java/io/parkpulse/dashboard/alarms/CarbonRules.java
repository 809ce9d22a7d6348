package io.parkpulse.dashboard.alarms;

import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.tracking.Contribution;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.IntensityProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.TotalProgress;
import io.parkpulse.efficiency.carbon.tracking.Verdict;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.AlarmRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The carbon daily rules (docs/alarms.md): {@code budget_at_risk} — the year-end forecast of the park's or an
 * enterprise's energy or CO₂ above its budget × (1 + the policy's budget margin), or the budget already spent — and
 * {@code intensity_off_track} — the park's year-to-date energy or CO₂ per 10⁴ CNY value added above the year's milestone
 * × (1 + the intensity margin); both on the current year through its last complete month, exactly as
 * {@code GET /targets} tracks it. Never raised on insufficient data: the observation is unknown and its detail says
 * which enterprise months are missing. Pure.
 */
final class CarbonRules {

    /** How many contributors a detail names. */
    static final int NAMED_CONTRIBUTORS = 3;

    private CarbonRules() {
    }

    static List<Observation> budget(AlarmRule.BudgetAtRisk rule, ParkYear y) {
        CarbonQuantity q = rule.quantity();
        Subject subject = rule.enterprise() == null ? Subject.park(y.model().park().id()) : Subject.enterprise(rule.enterprise());
        TargetProgress p = y.progress();
        if (p == null) {
            return List.of(Observation.unknown(rule, subject, Double.NaN, noMonth(y, q.unit())));
        }
        TotalProgress t;
        if (rule.enterprise() == null) {
            t = q == CarbonQuantity.ENERGY ? p.park().energy() : p.park().co2();
        } else {
            TargetProgress.EnterpriseProgress e = p.enterprises().get(rule.enterprise());
            if (e == null) {
                return List.of(Observation.unknown(rule, subject, Double.NaN, new Reason("not_in_park",
                        Map.of("enterprise", rule.enterprise(), "unit", q.unit()), rule.enterprise() + " is not an enterprise of the park")));
            }
            t = q == CarbonQuantity.ENERGY ? e.energy() : e.co2();
        }
        double threshold = Double.isNaN(t.budget()) ? Double.NaN : t.budget() * (1 + y.policy().carbon().budgetMargin());
        if (Double.isNaN(t.budget())) {
            return List.of(Observation.unknown(rule, subject, Double.NaN, new Reason("no_budget",
                    Map.of("quantity", q.id(), "year", Integer.toString(y.year()), "unit", q.unit()),
                    "no " + q.id() + " budget for " + y.year())));
        }
        if (t.verdict() == Verdict.UNKNOWN) {
            return List.of(Observation.unknown(rule, subject, threshold, insufficient(y, t.state(), q.unit())));
        }
        List<Contribution> contributions = q == CarbonQuantity.ENERGY ? p.contributors().energy() : p.contributors().co2();
        Map<String, String> args = new java.util.HashMap<>(Map.of("year", Integer.toString(y.year()),
                "through", y.through().toString(), "quantity", q.id(), "unit", q.unit(),
                "forecast", format(t.forecast().value()), "low", format(t.forecast().low()), "high", format(t.forecast().high()),
                "budget", format(t.budget()), "margin", percent(y.policy().carbon().budgetMargin())));
        String text = y.through() + ": " + q.id() + " forecast for " + y.year() + " " + format(t.forecast().value()) + " "
                + q.unit() + " (band " + format(t.forecast().low()) + "-" + format(t.forecast().high()) + ") against the budget "
                + format(t.budget()) + " " + q.unit() + " + " + percent(y.policy().carbon().budgetMargin()) + " %";
        String code;
        if (rule.enterprise() == null) {
            code = "budget_forecast";
            String named = contributors(y, contributions);
            args.put("contributors", named);
            text += "; largest contributors " + (named.isEmpty() ? "-" : named);
        } else {
            code = "budget_forecast_enterprise";
            Contribution own = contributions.stream().filter(c -> c.enterprise().equals(rule.enterprise())).findFirst().orElse(null);
            args.put("share", own == null || !Double.isFinite(own.share()) ? "-" : percent(own.share()));
            text += "; its share of the park's gap " + args.get("share") + " %";
        }
        boolean breach = t.verdict() == Verdict.AT_RISK || t.verdict() == Verdict.OFF_TRACK;
        return List.of(new Observation(rule, subject, breach ? Observation.Status.BREACH : Observation.Status.NORMAL,
                t.forecast().value(), threshold, null, new Reason(code, args, text)));
    }

    static List<Observation> intensity(AlarmRule.IntensityOffTrack rule, ParkYear y) {
        CarbonQuantity q = rule.quantity();
        Indicator indicator = q == CarbonQuantity.ENERGY ? Indicator.ENERGY_PER_VALUE_ADDED : Indicator.CO2_PER_VALUE_ADDED;
        Subject subject = Subject.park(y.model().park().id());
        TargetProgress p = y.progress();
        if (p == null) {
            return List.of(Observation.unknown(rule, subject, Double.NaN, noMonth(y, indicator.unit())));
        }
        IntensityProgress i = q == CarbonQuantity.ENERGY ? p.park().energyPerValueAdded() : p.park().co2PerValueAdded();
        if (Double.isNaN(i.milestone())) {
            return List.of(Observation.unknown(rule, subject, Double.NaN, new Reason("no_milestone",
                    Map.of("quantity", indicator.id(), "year", Integer.toString(y.year()), "unit", indicator.unit()),
                    "no " + indicator.id() + " milestone for " + y.year())));
        }
        double threshold = i.milestone() * (1 + y.policy().carbon().intensityMargin());
        if (i.verdict() == Verdict.UNKNOWN) {
            Reason why = i.why() != null && !i.why().code().equals("insufficient_data")
                    ? new Reason(i.why().code(), withUnit(i.why().args(), indicator.unit()), i.why().text())
                    : insufficient(y, i.state(), indicator.unit());
            return List.of(Observation.unknown(rule, subject, threshold, why));
        }
        List<Contribution> contributions = q == CarbonQuantity.ENERGY ? p.contributors().energyPerValueAdded()
                : p.contributors().co2PerValueAdded();
        String named = contributors(y, contributions);
        Map<String, String> args = Map.of("year", Integer.toString(y.year()), "through", y.through().toString(),
                "quantity", indicator.id(), "unit", indicator.unit(), "ytd", format(i.ytd()), "milestone", format(i.milestone()),
                "margin", percent(y.policy().carbon().intensityMargin()), "contributors", named);
        String text = "January-" + y.through() + ": " + indicator.id() + " " + format(i.ytd()) + " " + indicator.unit()
                + " against the " + y.year() + " milestone " + format(i.milestone()) + " + " + args.get("margin")
                + " %; largest contributors " + (named.isEmpty() ? "-" : named);
        boolean breach = i.ytd() > threshold;
        return List.of(new Observation(rule, subject, breach ? Observation.Status.BREACH : Observation.Status.NORMAL,
                i.ytd(), threshold, null, new Reason("intensity_against_milestone", args, text)));
    }

    /**
     * "新源水泥有限公司 62.0 %, 汇丰水泥有限公司 30.0 %": those making the gap, largest first, by the names people know them by
     * (the park file's; the detail is read in the control room, in either language).
     */
    static String contributors(ParkYear y, List<Contribution> list) {
        List<String> named = new ArrayList<>();
        for (Contribution c : list) {
            if (named.size() == NAMED_CONTRIBUTORS || !(c.gap() > 0)) {
                break;
            }
            named.add(y.enterpriseName(c.enterprise()) + (Double.isFinite(c.share()) ? " " + percent(c.share()) + " %" : ""));
        }
        return String.join(", ", named);
    }


    /** Unknown for want of data: which enterprises' months are insufficient. */
    static Reason insufficient(ParkYear y, DataState state, String unit) {
        Set<String> enterprises = new LinkedHashSet<>();
        Set<String> months = new java.util.TreeSet<>();
        for (Reason r : state.reasons()) {
            if (r.args().containsKey("enterprise")) {
                enterprises.add(y.enterpriseName(r.args().get("enterprise")));
            }
            if (r.args().containsKey("month")) {
                months.add(r.args().get("month"));
            }
        }
        return new Reason("carbon_data_insufficient", Map.of("year", Integer.toString(y.year()),
                "through", String.valueOf(y.through()), "enterprises", String.join(", ", enterprises),
                "months", String.join(", ", months), "unit", unit),
                y.year() + " through " + y.through() + ": insufficient data: " + state.summary());
    }

    static Reason noMonth(ParkYear y, String unit) {
        return new Reason("carbon_no_month", Map.of("year", Integer.toString(y.year()), "unit", unit),
                "no month of " + y.year() + " is complete yet");
    }

    private static Map<String, String> withUnit(Map<String, String> args, String unit) {
        Map<String, String> m = new java.util.HashMap<>(args);
        m.put("unit", unit);
        return m;
    }

    /** Whole units from 1 000 up (a forecast of 754 168 tce, not 754 168.3), four significant digits below. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return Long.toString(Math.round(v));
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }
}
