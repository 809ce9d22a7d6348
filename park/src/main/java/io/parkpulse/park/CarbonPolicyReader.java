package io.parkpulse.park;

import io.parkpulse.config.YamlMapping;
import io.parkpulse.efficiency.carbon.Budget;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.CarbonTargets;
import io.parkpulse.efficiency.carbon.FuelFactor;
import io.parkpulse.efficiency.carbon.GreenElectricityRule;
import io.parkpulse.efficiency.carbon.GridFactor;
import io.parkpulse.efficiency.carbon.GridFactorScope;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.carbon.Milestone;
import io.parkpulse.efficiency.carbon.TwoHighRule;
import io.parkpulse.efficiency.carbon.YearBudget;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code policy.carbon} (docs/park-file.md#carbon) into a {@link CarbonPolicy}: grid factor choice, green rule,
 * heat and fuel factors, five-year targets, budgets, alarm margins and two-high marking. What is left out is taken
 * from {@link CarbonPolicy#standard()}. Problems name the field's path and line; the result is {@code null} then.
 */
final class CarbonPolicyReader {

    static final List<String> KEYS = List.of("grid_factor", "green_electricity", "heat_t_co2_per_gj", "fuels", "targets",
            "budgets", "alarm_margins", "two_high");
    private static final List<String> GRID_KEYS = List.of("scope", "area", "own");
    private static final List<String> OWN_KEYS = List.of("kg_co2_per_kwh", "source", "published");
    private static final List<String> FUEL_KEYS = List.of("ncv_gj_per_unit", "carbon_t_per_gj", "oxidation", "source");
    private static final List<String> TARGET_KEYS = List.of("plan", "base_year", "final_year", "base", "reduction", "milestones");
    private static final List<String> INTENSITY_KEYS = List.of("energy_per_value_added", "co2_per_value_added");
    private static final List<String> YEAR_BUDGET_KEYS = List.of("park", "enterprises");
    private static final List<String> BUDGET_KEYS = List.of("energy_tce", "co2_t");
    private static final List<String> MARGIN_KEYS = List.of("budget", "intensity");
    private static final List<String> TWO_HIGH_KEYS = List.of("industries", "energy_per_value_added_above", "yearly_energy_tce_above");
    private static final YamlMapping.NumberRule SHARE = v -> v >= 0 && v < 1 ? null : "must be a share from 0 to under 1 (0.135 = 13.5 %)";

    private final YamlMapping.CountingProblems problems;
    private final Set<String> enterprises;
    private final GridFactorTable table;

    /** @param enterprises the park's enterprise ids, or {@code null} for a draft (budgets checked for syntax only) */
    CarbonPolicyReader(YamlMapping.CountingProblems problems, Set<String> enterprises) {
        this.problems = problems;
        this.enterprises = enterprises;
        this.table = GridFactorTable.published();
    }

    CarbonPolicy read(Node node, String path) {
        YamlMapping c = YamlMapping.of(node, path, problems);
        if (c == null) {
            return null;
        }
        int before = problems.count();
        c.allowOnly(KEYS);
        CarbonPolicy standard = CarbonPolicy.standard();
        GridFactorScope scope = standard.gridScope();
        String area = null;
        Map<Integer, GridFactor> own = Map.of();
        if (c.has("grid_factor")) {
            YamlMapping g = YamlMapping.of(c.get("grid_factor"), c.child("grid_factor"), problems);
            if (g != null) {
                g.allowOnly(GRID_KEYS);
                scope = g.parsed("scope", CarbonPolicyReader::scope, false, standard.gridScope());
                own = scope == null ? Map.of() : own(g, scope);
                area = scope == null ? null : area(g, scope, own);
            }
        }
        GreenElectricityRule green = c.parsed("green_electricity", CarbonPolicyReader::green, false, standard.green());
        Double heat = c.optionalNumber("heat_t_co2_per_gj", standard.heatTCo2PerGj(),
                v -> v >= 0 && v < 1 ? null : "must be tCO2 per GJ, from 0 to under 1 (default 0.11)");
        Map<EnergyCarrier, FuelFactor> fuels = c.has("fuels") ? fuels(c.get("fuels"), c.child("fuels")) : Map.of();
        CarbonTargets targets = c.has("targets") ? targets(c.get("targets"), c.child("targets")) : null;
        Map<Integer, YearBudget> budgets = c.has("budgets") ? budgets(c.get("budgets"), c.child("budgets")) : Map.of();
        double[] margins = {0, 0};
        if (c.has("alarm_margins")) {
            YamlMapping m = YamlMapping.of(c.get("alarm_margins"), c.child("alarm_margins"), problems);
            if (m != null) {
                m.allowOnly(MARGIN_KEYS);
                Double b = m.optionalNumber("budget", 0.0, SHARE);
                Double i = m.optionalNumber("intensity", 0.0, SHARE);
                margins = new double[] {b == null ? 0 : b, i == null ? 0 : i};
            }
        }
        TwoHighRule twoHigh = c.has("two_high") ? twoHigh(c.get("two_high"), c.child("two_high")) : null;
        if (problems.count() > before || scope == null || green == null || heat == null) {
            return null;
        }
        return new CarbonPolicy(scope, area, own, green, heat, fuels, targets, budgets, twoHigh, margins[0], margins[1]);
    }

    /** The area: a regional grid or a province the table has (or the park states its own factors for). */
    private String area(YamlMapping g, GridFactorScope scope, Map<Integer, GridFactor> own) {
        if (!scope.needsArea()) {
            if (g.has("area")) {
                problems.at(g.get("area"), g.child("area"), "the " + scope.id() + " scope has no area; remove it");
            }
            return null;
        }
        String area = g.requiredText("area");
        if (area == null) {
            return null;
        }
        Set<String> known = table.areas(scope);
        if (!known.contains(area) && own.isEmpty()) {
            String hint = YamlMapping.nearest(area, known);
            problems.at(g.get("area"), g.child("area"), "no published " + scope.id() + " factor for \"" + area + "\""
                    + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " (shipped: " + String.join(", ", known)
                    + "); a province not shipped states its factor per year under own");
            return null;
        }
        return area;
    }

    /** {@code own: {2024: {kg_co2_per_kwh: 0.5210, source: "…"}}}. */
    private Map<Integer, GridFactor> own(YamlMapping g, GridFactorScope scope) {
        Map<Integer, GridFactor> own = new TreeMap<>();
        if (!g.has("own")) {
            return own;
        }
        YamlMapping o = YamlMapping.of(g.get("own"), g.child("own"), problems);
        if (o == null) {
            return own;
        }
        String area = g.has("area") ? g.optionalText("area", null) : null;
        for (String key : o.keys()) {
            Integer year = year(o, key);
            YamlMapping f = year == null ? null : YamlMapping.of(o.get(key), o.child(key), problems);
            if (f == null) {
                continue;
            }
            f.allowOnly(OWN_KEYS);
            Double kg = f.requiredNumber("kg_co2_per_kwh", v -> v > 0 && v <= 2 ? null
                    : "must be kgCO2 per kWh, above 0 and at most 2 (published factors lie around 0.1-0.9)");
            String source = f.requiredText("source");
            String published = f.optionalText("published", "stated in the park policy");
            if (kg != null && source != null && (area != null || !scope.needsArea())) {
                own.put(year, new GridFactor(year, scope, scope.needsArea() ? area : null, kg, source, published));
            }
        }
        return own;
    }

    private Integer year(YamlMapping m, String key) {
        int year;
        try {
            year = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            problems.at(m.get(key), m.child(key), "keys here are years such as 2026, got \"" + key + "\"");
            return null;
        }
        if (year < 2000 || year > 2100) {
            problems.at(m.get(key), m.child(key), "year " + year + " is outside 2000-2100");
            return null;
        }
        return year;
    }

    private Map<EnergyCarrier, FuelFactor> fuels(Node node, String path) {
        Map<EnergyCarrier, FuelFactor> fuels = new EnumMap<>(EnergyCarrier.class);
        YamlMapping m = YamlMapping.of(node, path, problems);
        if (m == null) {
            return fuels;
        }
        List<String> ids = FuelFactor.defaults().keySet().stream().map(EnergyCarrier::id).toList();
        for (String key : m.keys()) {
            EnergyCarrier carrier = Arrays.stream(EnergyCarrier.values()).filter(c -> c.id().equals(key)).findFirst().orElse(null);
            if (carrier == null || !FuelFactor.defaults().containsKey(carrier)) {
                String hint = YamlMapping.nearest(key, ids);
                problems.at(m.get(key), m.child(key), "\"" + key + "\" is not a fuel" + (hint == null ? "" : "; did you mean \""
                        + hint + "\"?") + " (fuels: " + String.join(", ", ids) + "; electricity, heat and steam have their own factors)");
                continue;
            }
            YamlMapping f = YamlMapping.of(m.get(key), m.child(key), problems);
            if (f == null) {
                continue;
            }
            f.allowOnly(FUEL_KEYS);
            Double ncv = f.requiredNumber("ncv_gj_per_unit", YamlMapping.POSITIVE);
            Double carbon = f.requiredNumber("carbon_t_per_gj", v -> v > 0 && v < 0.1 ? null : "must be tC per GJ, above 0 and under 0.1");
            Double oxidation = f.requiredNumber("oxidation", v -> v > 0 && v <= 1 ? null : "must be a share above 0 and at most 1");
            String source = f.requiredText("source");
            if (ncv != null && carbon != null && oxidation != null && source != null) {
                fuels.put(carrier, new FuelFactor(carrier, ncv, carbon, oxidation, source));
            }
        }
        return fuels;
    }

    private CarbonTargets targets(Node node, String path) {
        YamlMapping t = YamlMapping.of(node, path, problems);
        if (t == null) {
            return null;
        }
        int before = problems.count();
        t.allowOnly(TARGET_KEYS);
        String plan = t.optionalText("plan", "");
        YamlMapping.NumberRule yearRule = v -> v >= 2000 && v <= 2100 && v == Math.rint(v) ? null : "must be a year from 2000 to 2100";
        Double baseYear = t.requiredNumber("base_year", yearRule);
        Double finalYear = t.requiredNumber("final_year", yearRule);
        if (baseYear != null && finalYear != null && finalYear <= baseYear) {
            problems.at(t.get("final_year"), t.child("final_year"), "must come after base_year " + baseYear.intValue()
                    + ", got " + finalYear.intValue());
        }
        double[] base = intensities(t, "base", YamlMapping.POSITIVE);
        double[] reduction = intensities(t, "reduction", v -> v < 0 ? "must not be negative (a share down: 0.135 = 13.5 %)"
                : v >= 1 ? "must be a share under 1 (0.135 = 13.5 %)" : null);
        for (int i = 0; i < 2; i++) {
            if (!Double.isNaN(reduction[i]) && Double.isNaN(base[i]) && t.has("reduction")) {
                problems.at(t.get("reduction"), t.child("reduction." + INTENSITY_KEYS.get(i)),
                        "a reduction needs the base year's figure under base." + INTENSITY_KEYS.get(i));
            }
        }
        Map<Integer, Milestone> stated = new TreeMap<>();
        if (t.has("milestones")) {
            YamlMapping ms = YamlMapping.of(t.get("milestones"), t.child("milestones"), problems);
            for (String key : ms == null ? Set.<String>of() : ms.keys()) {
                Integer year = year(ms, key);
                if (year == null) {
                    continue;
                }
                if (baseYear != null && finalYear != null && (year <= baseYear || year > finalYear)) {
                    problems.at(ms.get(key), ms.child(key), "a milestone year lies after base_year and up to final_year ("
                            + (baseYear.intValue() + 1) + "-" + finalYear.intValue() + ")");
                    continue;
                }
                YamlMapping y = YamlMapping.of(ms.get(key), ms.child(key), problems);
                if (y == null) {
                    continue;
                }
                y.allowOnly(INTENSITY_KEYS);
                Double e = y.optionalNumber("energy_per_value_added", Double.NaN, YamlMapping.POSITIVE);
                Double c = y.optionalNumber("co2_per_value_added", Double.NaN, YamlMapping.POSITIVE);
                if (e != null && c != null) {
                    stated.put(year, new Milestone(year, e, c, true));
                }
            }
        }
        if (problems.count() > before || baseYear == null || finalYear == null) {
            return null;
        }
        return new CarbonTargets(plan, baseYear.intValue(), finalYear.intValue(), base[0], base[1], reduction[0], reduction[1], stated);
    }

    /** {energy_per_value_added, co2_per_value_added} at {@code key}, NaN where absent. */
    private double[] intensities(YamlMapping t, String key, YamlMapping.NumberRule rule) {
        double[] v = {Double.NaN, Double.NaN};
        if (!t.has(key)) {
            return v;
        }
        YamlMapping m = YamlMapping.of(t.get(key), t.child(key), problems);
        if (m == null) {
            return v;
        }
        m.allowOnly(INTENSITY_KEYS);
        for (int i = 0; i < 2; i++) {
            Double x = m.optionalNumber(INTENSITY_KEYS.get(i), Double.NaN, rule);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    private Map<Integer, YearBudget> budgets(Node node, String path) {
        Map<Integer, YearBudget> budgets = new TreeMap<>();
        YamlMapping m = YamlMapping.of(node, path, problems);
        if (m == null) {
            return budgets;
        }
        for (String key : m.keys()) {
            Integer year = year(m, key);
            YamlMapping y = year == null ? null : YamlMapping.of(m.get(key), m.child(key), problems);
            if (y == null) {
                continue;
            }
            y.allowOnly(YEAR_BUDGET_KEYS);
            Budget park = y.has("park") ? budget(y.get("park"), y.child("park")) : Budget.NONE;
            Map<String, Budget> own = new LinkedHashMap<>();
            if (y.has("enterprises")) {
                YamlMapping e = YamlMapping.of(y.get("enterprises"), y.child("enterprises"), problems);
                for (String id : e == null ? Set.<String>of() : e.keys()) {
                    if (enterprises != null && !enterprises.contains(id)) {
                        String hint = YamlMapping.nearest(id, enterprises);
                        problems.at(e.get(id), e.child(id), "\"" + id + "\" is not listed under enterprises"
                                + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
                        continue;
                    }
                    Budget b = budget(e.get(id), e.child(id));
                    if (b != null) {
                        own.put(id, b);
                    }
                }
                if (park != null) {
                    for (String quantity : BUDGET_KEYS) {
                        double parkValue = quantity.equals("energy_tce") ? park.energyTce() : park.co2T();
                        double sum = own.values().stream().mapToDouble(b -> quantity.equals("energy_tce") ? b.energyTce() : b.co2T())
                                .filter(v -> !Double.isNaN(v)).sum();
                        if (!Double.isNaN(parkValue) && sum > parkValue) {
                            problems.at(y.get("enterprises"), y.child("enterprises"), "the enterprises' " + quantity + " budgets add up to "
                                    + sum + ", more than the park's " + parkValue);
                        }
                    }
                }
            }
            if (park != null) {
                budgets.put(year, new YearBudget(year, park, own));
            }
        }
        return budgets;
    }

    private Budget budget(Node node, String path) {
        YamlMapping b = YamlMapping.of(node, path, problems);
        if (b == null) {
            return null;
        }
        b.allowOnly(BUDGET_KEYS);
        Double energy = b.optionalNumber("energy_tce", Double.NaN, YamlMapping.POSITIVE);
        Double co2 = b.optionalNumber("co2_t", Double.NaN, YamlMapping.POSITIVE);
        if (!b.has("energy_tce") && !b.has("co2_t")) {
            problems.at(node, path, "give energy_tce, co2_t or both");
            return null;
        }
        return energy == null || co2 == null ? null : new Budget(energy, co2);
    }

    private TwoHighRule twoHigh(Node node, String path) {
        YamlMapping t = YamlMapping.of(node, path, problems);
        if (t == null) {
            return null;
        }
        t.allowOnly(TWO_HIGH_KEYS);
        List<String> prefixes = new ArrayList<>();
        if (t.has("industries")) {
            YamlMapping.eachElement(t.get("industries"), t.child("industries"), problems, (element, at) -> {
                String prefix = YamlMapping.textOf(element, at, problems);
                if (prefix != null && !prefix.matches("[A-T][0-9]{0,4}")) {
                    problems.at(element, at, "\"" + prefix + "\" is not a GB/T 4754 code prefix such as C30 or D4411");
                } else if (prefix != null) {
                    prefixes.add(prefix);
                }
            });
        }
        Double intensity = t.optionalNumber("energy_per_value_added_above", Double.NaN, YamlMapping.POSITIVE);
        Double yearly = t.optionalNumber("yearly_energy_tce_above", Double.NaN, YamlMapping.POSITIVE);
        return intensity == null || yearly == null ? null : new TwoHighRule(prefixes, intensity, yearly);
    }

    static GridFactorScope scope(String text) {
        return GridFactorScope.byId(text).orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a grid "
                + "factor scope; expected " + String.join(", ", Arrays.stream(GridFactorScope.values()).map(GridFactorScope::id).toList())));
    }

    static GreenElectricityRule green(String text) {
        return GreenElectricityRule.byId(text).orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a "
                + "green-electricity rule; expected " + String.join(", ", Arrays.stream(GreenElectricityRule.values())
                .map(GreenElectricityRule::id).toList())));
    }
}
