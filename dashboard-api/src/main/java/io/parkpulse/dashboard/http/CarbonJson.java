package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.efficiency.ParkPeriodResult;
import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import java.util.EnumSet;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.benchmark.PeerStanding;
import io.parkpulse.efficiency.carbon.Budget;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.CarbonTargets;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.FactorChoice;
import io.parkpulse.efficiency.carbon.Milestone;
import io.parkpulse.efficiency.carbon.YearBudget;
import io.parkpulse.efficiency.carbon.tracking.Contribution;
import io.parkpulse.efficiency.carbon.tracking.Forecast;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetTracker;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.EnterpriseProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.IntensityProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.MonthProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.TotalProgress;
import io.parkpulse.efficiency.carbon.tracking.Verdict;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.indicator.Indicator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the targets page and the enterprise carbon page (docs/openapi.yaml {@code Targets}, {@code Carbon};
 * docs/web-ui.md lists what the UI reads): every figure with its unit, unknown figures {@code null}, every verdict with
 * its data state — an unknown verdict's reasons say what is missing or what there is nothing to judge against
 * ({@code no_budget}, {@code no_milestone}, {@code no_month}) — and the basis of every CO₂ figure.
 */
public final class CarbonJson {

    static final String ENERGY_PER_VA = Indicator.ENERGY_PER_VALUE_ADDED.id();
    static final String CO2_PER_VA = Indicator.CO2_PER_VALUE_ADDED.id();

    private CarbonJson() {
    }

    /** GET /parks/{park}/targets. */
    public static JsonObject targets(ParkYear y) {
        TargetProgress p = y.progress();
        JsonObject body = header(y).put("basis", basis(y, List.of())).put("targets", targetsOf(y));
        YearBudget budgets = y.policy().carbon().budget(y.year()).orElse(new YearBudget(y.year(), Budget.NONE, Map.of()));
        JsonObject park = new JsonObject();
        for (CarbonQuantity q : CarbonQuantity.values()) {
            park.put(q.id(), p == null ? noMonthTotal(y, q, budgets.park().of(q)) : total(q == CarbonQuantity.ENERGY ? p.park().energy() : p.park().co2()));
        }
        JsonObject intensity = new JsonObject();
        intensity.put(ENERGY_PER_VA, p == null ? noMonthIntensity(y, Indicator.ENERGY_PER_VALUE_ADDED, milestone(y, CarbonQuantity.ENERGY))
                : intensity(p.park().energyPerValueAdded(), Indicator.ENERGY_PER_VALUE_ADDED));
        intensity.put(CO2_PER_VA, p == null ? noMonthIntensity(y, Indicator.CO2_PER_VALUE_ADDED, milestone(y, CarbonQuantity.CO2))
                : intensity(p.park().co2PerValueAdded(), Indicator.CO2_PER_VALUE_ADDED));
        park.put("intensity", intensity)
                .put("months", months(y.year(), p == null ? List.of() : p.park().months(), y.previousYear(), budgets.park()))
                .put("budget_profile", p == null ? null : p.park().budgetProfile().id())
                .put("data_state", EfficiencyJson.dataState(p == null ? noMonth(y) : p.park().state()));
        body.put("park_progress", park);

        JsonObject contributors = new JsonObject();
        if (p != null) {
            contributors.put("co2", contributions(y, p.contributors().co2(), CarbonQuantity.CO2.unit()))
                    .put("energy", contributions(y, p.contributors().energy(), CarbonQuantity.ENERGY.unit()))
                    .put(CO2_PER_VA, contributions(y, p.contributors().co2PerValueAdded(), Indicator.CO2_PER_VALUE_ADDED.unit()))
                    .put(ENERGY_PER_VA, contributions(y, p.contributors().energyPerValueAdded(), Indicator.ENERGY_PER_VALUE_ADDED.unit()));
        }
        body.put("contributors", contributors);

        JsonArray enterprises = new JsonArray();
        for (String id : y.thisYear().keySet()) {
            enterprises.add(enterpriseLine(y, id, budgets));
        }
        return body.put("enterprises", enterprises);
    }

    /** GET /parks/{park}/enterprises/{id}/carbon. */
    public static JsonObject carbon(ParkYear y, String id) {
        TargetProgress p = y.progress();
        EnterpriseProgress e = p == null ? null : p.enterprises().get(id);
        YearBudget budgets = y.policy().carbon().budget(y.year()).orElse(new YearBudget(y.year(), Budget.NONE, Map.of()));
        List<Emissions> emissions = y.emissions().get(id);
        List<MonthFigures> figures = y.thisYear().get(id);
        List<Reason> notes = new ArrayList<>();
        emissions.forEach(em -> em.notes().forEach(n -> {
            if (!notes.contains(n)) {
                notes.add(n);
            }
        }));
        JsonObject body = header(y).put("enterprise", id).put("name", y.enterpriseName(id)).put("industry", industry(y, id))
                .put("basis", basis(y, notes));
        putTwoHigh(body, e);

        JsonArray months = new JsonArray();
        double declared = 0;
        double applied = 0;
        for (int i = 0; i < figures.size(); i++) {
            MonthFigures f = figures.get(i);
            Emissions em = emissions.get(i);
            JsonObject byCarrier = new JsonObject();
            em.tCo2ByCarrier().forEach((c, t) -> byCarrier.put(c.id(), EfficiencyJson.number(t)));
            declared += em.greenKwhDeclared();
            applied += em.greenKwhApplied();
            months.add(new JsonObject().put("month", f.month().toString())
                    .put("energy_tce", EfficiencyJson.number(f.energyTce())).put("co2_t", EfficiencyJson.number(f.co2T()))
                    .put("co2_by_carrier", byCarrier)
                    .put("value_added", EfficiencyJson.number(f.valueAdded10k()))
                    .put("output_value", EfficiencyJson.number(f.outputValue10k()))
                    .put("green_kwh_declared", em.greenKwhDeclared()).put("green_kwh_applied", em.greenKwhApplied())
                    .put("data_state", EfficiencyJson.dataState(f.state())));
        }
        body.put("months", months);
        body.put("green", new JsonObject().put("declared_kwh", declared).put("applied_kwh", applied)
                .put("rule", y.policy().carbon().green().id()));
        Budget own = budgets.of(id);
        for (CarbonQuantity q : CarbonQuantity.values()) {
            body.put(q.id(), e == null ? noMonthTotal(y, q, own.of(q)) : total(q == CarbonQuantity.ENERGY ? e.energy() : e.co2()));
        }
        body.put("months_progress", months(y.year(), e == null ? List.of() : e.months(),
                y.previousYear().containsKey(id) ? Map.of(id, y.previousYear().get(id)) : Map.of(), own));

        DataState state = e == null ? noMonth(y) : e.state();
        JsonObject co2PerVa = new JsonObject().put("value", e == null ? null : EfficiencyJson.number(e.co2PerValueAddedYtd()))
                .put("unit", Indicator.CO2_PER_VALUE_ADDED.unit()).put("data_state", EfficiencyJson.dataState(state));
        PeerGroup peers = y.co2Peers().get(industry(y, id));
        if (peers != null) {
            co2PerVa.put("peers", EfficiencyJson.peerGroup(industry(y, id), peers, false));
            PeerStanding s = peers.standings().get(id);
            if (s != null) {
                co2PerVa.put("standing", EfficiencyJson.standing(s));
            }
        }
        JsonObject energyPerVa = new JsonObject().put("value", e == null ? null : EfficiencyJson.number(e.energyPerValueAddedYtd()))
                .put("unit", Indicator.ENERGY_PER_VALUE_ADDED.unit()).put("data_state", EfficiencyJson.dataState(state));
        body.put("intensity", new JsonObject().put(CO2_PER_VA, co2PerVa).put(ENERGY_PER_VA, energyPerVa));
        return body.put("data_state", EfficiencyJson.dataState(state));
    }

    static JsonObject header(ParkYear y) {
        return new JsonObject().put("park", y.model().park().id()).put("year", y.year())
                .put("through", y.through() == null ? null : y.through().toString())
                .put("time_zone", y.model().park().timeZone().getId())
                .put("policy_version", y.policy().version());
    }

    /**
     * What the CO₂ figures rest on: energy basis and coefficients, the grid factor (its value, scope, area, the year
     * asked for and the year used, its source), the green-electricity rule and the heat factor, and notes — that the
     * factor is an earlier year's, that there is none — plus {@code extra} notes of one enterprise's figures.
     */
    static JsonObject basis(ParkYear y, List<Reason> extra) {
        List<Reason> notes = new ArrayList<>();
        FactorChoice grid = y.grid();
        JsonObject factor = null;
        if (grid != null) {
            factor = factor(grid);
            if (grid.note() != null) {
                notes.add(grid.note());
            }
        } else {
            notes.add(io.parkpulse.efficiency.carbon.CarbonAccounting.noGridFactor(y.policy().carbon(), y.year()));
        }
        for (Reason r : extra) {
            if (!notes.contains(r)) {
                notes.add(r);
            }
        }
        JsonArray said = new JsonArray();
        notes.forEach(n -> said.add(MessageJson.of(n)));
        return new JsonObject().put("energy_basis", y.policy().basis().id())
                .put("coefficients", y.policy().coefficients().version())
                .put("grid_factor", factor)
                .put("green_electricity", y.policy().carbon().green().id())
                .put("heat_t_co2_per_gj", y.policy().carbon().heatTCo2PerGj())
                .put("notes", said);
    }

    /** A grid factor as used: its value, scope, area, the year asked for and the year used, its source. */
    static JsonObject factor(FactorChoice grid) {
        return new JsonObject().put("scope", grid.factor().scope().id()).put("area", grid.factor().area())
                .put("year", grid.requestedYear()).put("year_used", grid.factor().year())
                .put("from_earlier_year", grid.fromEarlierYear()).put("kg_co2_per_kwh", grid.factor().kgCo2PerKwh())
                .put("source", grid.factor().source()).put("published", grid.factor().published());
    }

    /**
     * What-if's {@code carbon}: the park's CO₂ of the period under the park's policy and under the draft (the sum of
     * the enterprises whose CO₂ is known on sufficient energy data; the others are listed), each with its grid factor
     * and green rule, and every enterprise whose CO₂ changes.
     */
    static JsonObject whatIf(ParkPeriodResult now, ParkPeriodResult draft) {
        JsonArray changes = new JsonArray();
        JsonArray notCounted = new JsonArray();
        JsonArray draftNotCounted = new JsonArray();
        double total = 0;
        double draftTotal = 0;
        int unchanged = 0;
        for (String id : now.figures().keySet()) {
            EnterprisePeriod a = now.figures().get(id);
            EnterprisePeriod b = draft.figures().get(id);
            double co2 = counted(a);
            double draftCo2 = counted(b);
            if (Double.isNaN(co2)) {
                notCounted.add(id);
            } else {
                total += co2;
            }
            if (Double.isNaN(draftCo2)) {
                draftNotCounted.add(id);
            } else {
                draftTotal += draftCo2;
            }
            if (Double.compare(co2, draftCo2) == 0 || Math.abs(co2 - draftCo2) <= 1e-9 * Math.max(1, Math.abs(co2))) {
                unchanged++;
                continue;
            }
            changes.add(new JsonObject().put("enterprise", id).put("co2_t", EfficiencyJson.number(co2))
                    .put("draft_co2_t", EfficiencyJson.number(draftCo2))
                    .put("change_t", Double.isFinite(co2) && Double.isFinite(draftCo2) ? draftCo2 - co2 : null)
                    .put("data_state", EfficiencyJson.dataState(a.state(EnumSet.of(Indicator.Input.ENERGY))))
                    .put("draft_data_state", EfficiencyJson.dataState(b.state(EnumSet.of(Indicator.Input.ENERGY)))));
        }
        return new JsonObject().put("unit", "t").put("co2_t", total).put("draft_co2_t", draftTotal)
                .put("change_t", draftTotal - total)
                .put("basis", carbonBasis(now)).put("draft_basis", carbonBasis(draft))
                .put("not_counted", notCounted).put("draft_not_counted", draftNotCounted)
                .put("changes", changes).put("unchanged", unchanged);
    }

    /** An enterprise's CO₂ when it is known on sufficient energy data, else NaN. */
    private static double counted(EnterprisePeriod p) {
        if (p == null || !p.state(EnumSet.of(Indicator.Input.ENERGY)).isSufficient()) {
            return Double.NaN;
        }
        return p.figures().carbon().tCo2();
    }

    private static JsonObject carbonBasis(ParkPeriodResult r) {
        FactorChoice grid = r.policy().carbon().gridFactor(GridFactorTable.published(), r.period().start().getYear()).orElse(null);
        return new JsonObject().put("grid_factor", grid == null ? null : factor(grid))
                .put("green_electricity", r.policy().carbon().green().id())
                .put("heat_t_co2_per_gj", r.policy().carbon().heatTCo2PerGj());
    }

    static JsonObject targetsOf(ParkYear y) {
        CarbonTargets t = y.policy().carbon().targets();
        if (t == null) {
            return null;
        }
        JsonObject o = new JsonObject().put("plan", t.plan()).put("base_year", t.baseYear()).put("final_year", t.finalYear())
                .put("base", new JsonObject().put(ENERGY_PER_VA, EfficiencyJson.number(t.baseEnergyPerValueAdded()))
                        .put(CO2_PER_VA, EfficiencyJson.number(t.baseCo2PerValueAdded())))
                .put("reduction", new JsonObject().put(ENERGY_PER_VA, EfficiencyJson.number(t.energyReduction()))
                        .put(CO2_PER_VA, EfficiencyJson.number(t.co2Reduction())));
        if (t.covers(y.year())) {
            Milestone m = t.milestone(y.year());
            o.put("milestone", new JsonObject().put("year", m.year())
                    .put(ENERGY_PER_VA, EfficiencyJson.number(m.energyPerValueAdded()))
                    .put(CO2_PER_VA, EfficiencyJson.number(m.co2PerValueAdded())).put("stated", m.stated()));
        } else {
            o.put("milestone", null);
        }
        return o;
    }

    /** A total against its budget: {unit, ytd, budget, budget_ytd, forecast, verdict, gap, data_state, verdict_message}. */
    static JsonObject total(TotalProgress t) {
        return new JsonObject().put("unit", t.unit()).put("ytd", EfficiencyJson.number(t.ytd()))
                .put("budget", EfficiencyJson.number(t.budget())).put("budget_ytd", EfficiencyJson.number(t.budgetYtd()))
                .put("forecast", forecast(t.forecast())).put("verdict", t.verdict().id())
                .put("gap", EfficiencyJson.number(t.gap()))
                .put("data_state", verdictState(t.state(), t.why())).put("verdict_message", MessageJson.of(t.why()));
    }

    static JsonObject forecast(Forecast f) {
        return new JsonObject().put("value", EfficiencyJson.number(f.value())).put("low", EfficiencyJson.number(f.low()))
                .put("high", EfficiencyJson.number(f.high())).put("method", f.method())
                .put("data_state", EfficiencyJson.dataState(f.state()));
    }

    static JsonObject intensity(IntensityProgress i, Indicator indicator) {
        return new JsonObject().put("unit", indicator.unit()).put("ytd", EfficiencyJson.number(i.ytd()))
                .put("milestone", EfficiencyJson.number(i.milestone())).put("verdict", i.verdict().id())
                .put("gap", EfficiencyJson.number(i.gap()))
                .put("data_state", verdictState(i.state(), i.why())).put("verdict_message", MessageJson.of(i.why()));
    }

    /**
     * The state a verdict rests on; for an unknown verdict whose data is not the reason (no budget, no milestone,
     * value added zero) the reason is added, so what the reader sees beside "unknown" says why.
     */
    static JsonObject verdictState(DataState state, Reason why) {
        JsonObject json = EfficiencyJson.dataState(state);
        if (why != null && !why.code().equals("insufficient_data") && !state.reasons().contains(why)) {
            json.getJsonArray("reasons").add(MessageJson.of(why));
        }
        return json;
    }

    /**
     * The twelve months: figures and cumulative sums through the last month counted, the budget profile all year (the
     * tracker's rule, from the previous year of the enterprise or of the whole park).
     */
    static JsonArray months(int year, List<MonthProgress> counted, Map<String, List<MonthFigures>> previousYear, Budget budget) {
        double[] energyShares = TargetTracker.cumulativeBudgetShares(year, previousYear, CarbonQuantity.ENERGY);
        double[] co2Shares = TargetTracker.cumulativeBudgetShares(year, previousYear, CarbonQuantity.CO2);
        JsonArray months = new JsonArray();
        for (int i = 0; i < 12; i++) {
            YearMonth month = YearMonth.of(year, i + 1);
            JsonObject o = new JsonObject().put("month", month.toString());
            if (i < counted.size()) {
                MonthProgress m = counted.get(i);
                o.put("energy_tce", EfficiencyJson.number(m.energyTce())).put("co2_t", EfficiencyJson.number(m.co2T()))
                        .put("value_added", EfficiencyJson.number(m.valueAdded10k()))
                        .put("cumulative_energy_tce", EfficiencyJson.number(m.cumulativeEnergyTce()))
                        .put("cumulative_co2_t", EfficiencyJson.number(m.cumulativeCo2T()))
                        .put("data_state", EfficiencyJson.dataState(m.state()));
            } else {
                o.put("energy_tce", null).put("co2_t", null).put("value_added", null)
                        .put("cumulative_energy_tce", null).put("cumulative_co2_t", null).put("data_state", null);
            }
            o.put("budget_cumulative_energy_tce", EfficiencyJson.number(budget.energyTce() * energyShares[i]))
                    .put("budget_cumulative_co2_t", EfficiencyJson.number(budget.co2T() * co2Shares[i]));
            months.add(o);
        }
        return months;
    }

    static JsonArray contributions(ParkYear y, List<Contribution> list, String unit) {
        JsonArray a = new JsonArray();
        for (Contribution c : list) {
            a.add(new JsonObject().put("enterprise", c.enterprise()).put("name", y.enterpriseName(c.enterprise()))
                    .put("gap", EfficiencyJson.number(c.gap())).put("share", EfficiencyJson.number(c.share()))
                    .put("unit", unit));
        }
        return a;
    }

    static JsonObject enterpriseLine(ParkYear y, String id, YearBudget budgets) {
        EnterpriseProgress e = y.progress() == null ? null : y.progress().enterprises().get(id);
        JsonObject o = new JsonObject().put("enterprise", id).put("name", y.enterpriseName(id)).put("industry", industry(y, id));
        putTwoHigh(o, e);
        Budget own = budgets.of(id);
        for (CarbonQuantity q : CarbonQuantity.values()) {
            o.put(q.id(), e == null ? noMonthTotal(y, q, own.of(q)) : total(q == CarbonQuantity.ENERGY ? e.energy() : e.co2()));
        }
        DataState state = e == null ? noMonth(y) : e.state();
        o.put(ENERGY_PER_VA, new JsonObject().put("value", e == null ? null : EfficiencyJson.number(e.energyPerValueAddedYtd()))
                .put("unit", Indicator.ENERGY_PER_VALUE_ADDED.unit()));
        o.put(CO2_PER_VA, new JsonObject().put("value", e == null ? null : EfficiencyJson.number(e.co2PerValueAddedYtd()))
                .put("unit", Indicator.CO2_PER_VALUE_ADDED.unit()));
        return o.put("data_state", EfficiencyJson.dataState(state));
    }

    /** Two-high marking; the reasons' codes as the UI and the reports name them: industry, energy_per_value_added, yearly_energy. */
    static void putTwoHigh(JsonObject o, EnterpriseProgress e) {
        JsonArray reasons = new JsonArray();
        if (e != null) {
            e.twoHigh().forEach(r -> reasons.add(MessageJson.of(twoHighReason(r))));
        }
        o.put("two_high", !reasons.isEmpty()).put("two_high_reasons", reasons);
    }

    static Reason twoHighReason(Reason r) {
        String code = switch (r.code()) {
            case "two_high_industry" -> "industry";
            case "two_high_intensity" -> "energy_per_value_added";
            case "two_high_energy" -> "yearly_energy";
            default -> r.code();
        };
        return new Reason(code, r.args(), r.text());
    }

    /** Before the year's first month is complete: nothing to judge; the budget and milestone are still said. */
    static DataState noMonth(ParkYear y) {
        return DataState.insufficient(new Reason("no_month", Map.of("year", Integer.toString(y.year())),
                "no month of " + y.year() + " is complete yet"));
    }

    static JsonObject noMonthTotal(ParkYear y, CarbonQuantity q, double budget) {
        DataState state = noMonth(y);
        return new JsonObject().put("unit", q.unit()).put("ytd", null).put("budget", EfficiencyJson.number(budget))
                .put("budget_ytd", Double.isNaN(budget) ? null : 0.0).put("forecast", null)
                .put("verdict", Verdict.UNKNOWN.id()).put("gap", null)
                .put("data_state", EfficiencyJson.dataState(state))
                .put("verdict_message", MessageJson.of(DataState.insufficientData(state)));
    }

    static JsonObject noMonthIntensity(ParkYear y, Indicator indicator, double milestone) {
        DataState state = noMonth(y);
        return new JsonObject().put("unit", indicator.unit()).put("ytd", null).put("milestone", EfficiencyJson.number(milestone))
                .put("verdict", Verdict.UNKNOWN.id()).put("gap", null).put("data_state", EfficiencyJson.dataState(state))
                .put("verdict_message", MessageJson.of(DataState.insufficientData(state)));
    }

    static double milestone(ParkYear y, CarbonQuantity q) {
        CarbonTargets t = y.policy().carbon().targets();
        if (t == null || !t.covers(y.year())) {
            return Double.NaN;
        }
        Milestone m = t.milestone(y.year());
        return q == CarbonQuantity.ENERGY ? m.energyPerValueAdded() : m.co2PerValueAdded();
    }


    static String industry(ParkYear y, String id) {
        var info = y.model().enterprises().get(id);
        return info == null ? null : info.industry();
    }
}
