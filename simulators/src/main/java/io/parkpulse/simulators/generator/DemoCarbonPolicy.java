package io.parkpulse.simulators.generator;

import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.GreenElectricityRule;
import io.parkpulse.efficiency.carbon.GridFactorScope;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.generator.BaseYear.EnterpriseYear;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo park's {@code policy.carbon} (docs/park-file.md#carbon, docs/demo-park.md "Carbon targets and budgets"):
 * the East China grid's factor (a Jiangsu park), green electricity by contract, a 十五五 intensity target whose 2025
 * base is the simulator's model of 2025, 2026 budgets for the park and its key energy-consuming units (one of them,
 * 新源水泥, cut below its 2025 use, so the demo has an enterprise forecast to exceed its budget), two-high marking and
 * the alarm rules on budgets and intensity. Every derived figure comes from {@link BaseYear}: estimates.
 */
final class DemoCarbonPolicy {

    /** The seed {@code parkpulse-simulators run} uses unless told otherwise, as the demo runs it. */
    static final long DEMO_RUN_SEED = 2026;
    static final int BASE_YEAR = 2025;
    static final int BUDGET_YEAR = 2026;
    /** 《重点用能单位节能管理办法》: units using 10 000 tce a year or more are key energy-consuming units. */
    static final double KEY_UNIT_TCE = 10_000;
    /** 2026 allowances on 2025's totals: the park's, and each key unit's. */
    static final double PARK_ENERGY_ALLOWANCE = 0.08;
    static final double PARK_CO2_ALLOWANCE = 0.06;
    static final double UNIT_ENERGY_ALLOWANCE = 0.10;
    static final double UNIT_CO2_ALLOWANCE = 0.08;
    /** 新源水泥's 2026 budgets: 5 % under its 2025 totals, so that the demo has an enterprise forecast over its budget. */
    static final double CUT = -0.05;
    /** The 十四五 national reductions (energy −13.5 %, CO₂ −18 % per unit of GDP), standing in for the 十五五 park targets. */
    static final double ENERGY_REDUCTION = 0.135;
    static final double CO2_REDUCTION = 0.18;
    static final double TWO_HIGH_TCE_PER_10K = 1.0;
    static final List<String> TWO_HIGH_INDUSTRIES = List.of("C25", "C26", "C30", "C31", "C32", "D4411", "C171");

    /** How the demo counts CO₂ (the grid factor and green rule of the section below), for the base year's estimate. */
    static final CarbonPolicy COUNTING = new CarbonPolicy(GridFactorScope.REGIONAL, "east_china", Map.of(),
            GreenElectricityRule.CONTRACTS, CarbonPolicy.DEFAULT_HEAT_T_CO2_PER_GJ, Map.of(), null, Map.of(), null, 0, 0);

    /** A year's simulation of the park takes a second or two: made once per park text and JVM. */
    private static final Map<String, BaseYear> BASE_YEARS = new ConcurrentHashMap<>();

    private DemoCarbonPolicy() {
    }

    /** The base year of the park described by {@code parkText} (a park file without carbon policy). */
    static BaseYear baseYear(String parkText, Park park) {
        return BASE_YEARS.computeIfAbsent(parkText, t -> BaseYear.simulate(park, DEMO_RUN_SEED, BASE_YEAR, COUNTING));
    }

    /** The enterprise whose budget is cut below its 2025 use. */
    static String cutEnterprise() {
        return DemoParkGenerator.CEMENT_WORKS;
    }

    /** Alarm rules for the policy's {@code alarms:} list (four spaces in, one per line). */
    static String alarmRules() {
        String cut = cutEnterprise();
        return """
                    - {id: park-energy-budget, kind: budget_at_risk, quantity: energy, severity: warning}   # the park's 2026 energy budget
                    - {id: park-co2-budget, kind: budget_at_risk, quantity: co2, severity: warning}
                    - {id: xinyuan-energy-budget, kind: budget_at_risk, enterprise: %1$s, quantity: energy, severity: warning}
                    - {id: xinyuan-co2-budget, kind: budget_at_risk, enterprise: %1$s, quantity: co2, severity: warning}
                    - {id: energy-intensity, kind: intensity_off_track, quantity: energy, severity: warning}   # against the year's milestone
                    - {id: co2-intensity, kind: intensity_off_track, quantity: co2, severity: warning}
                """.formatted(cut);
    }

    /** The {@code carbon:} section (two spaces in). */
    static String section(BaseYear base) {
        StringBuilder y = new StringBuilder();
        y.append("""
                  carbon:                           # docs/park-file.md#carbon; figures of 2025 are the simulator's (docs/demo-park.md)
                    grid_factor: {scope: regional, area: east_china}   # a Jiangsu park: the East China grid's published factor
                    green_electricity: contracts    # 绿电交易 contracts deducted, unbundled certificates not
                    heat_t_co2_per_gj: 0.11
                    targets:
                      plan: "十五五 (2026–2030)"
                      base_year: %d
                      final_year: 2030
                      base: {energy_per_value_added: %s, co2_per_value_added: %s}   # tce and tCO2 per 10^4 CNY, the park's %d (estimate)
                      reduction: {energy_per_value_added: %s, co2_per_value_added: %s}   # the 十四五 national shares, standing in
                    budgets:
                      %d:
                        park: {energy_tce: %s, co2_t: %s}   # 2025 + %s %% energy, + %s %% CO2
                        enterprises:                # key energy-consuming units (10 000 tce or more in 2025): 2025 + %s %% / + %s %%
                """.formatted(BASE_YEAR, fixed(base.energyTce() / base.valueAdded10k(), 3), fixed(base.co2T() / base.valueAdded10k(), 3),
                BASE_YEAR, fixed(ENERGY_REDUCTION, 3), fixed(CO2_REDUCTION, 3), BUDGET_YEAR,
                round(base.energyTce() * (1 + PARK_ENERGY_ALLOWANCE), 1000), round(base.co2T() * (1 + PARK_CO2_ALLOWANCE), 1000),
                percent(PARK_ENERGY_ALLOWANCE), percent(PARK_CO2_ALLOWANCE), percent(UNIT_ENERGY_ALLOWANCE), percent(UNIT_CO2_ALLOWANCE)));
        for (EnterpriseYear e : base.enterprises().values()) {
            if (e.energyTce() < KEY_UNIT_TCE) {
                continue;
            }
            boolean cut = e.enterprise().equals(cutEnterprise());
            double energy = cut ? 1 + CUT : 1 + UNIT_ENERGY_ALLOWANCE;
            double co2 = cut ? 1 + CUT : 1 + UNIT_CO2_ALLOWANCE;
            y.append("          ").append(e.enterprise()).append(": {energy_tce: ").append(round(e.energyTce() * energy, 100))
                    .append(", co2_t: ").append(round(e.co2T() * co2, 100)).append("}")
                    .append(cut ? "   # 5 % under its 2025 use (" + round(e.energyTce(), 100) + " tce, " + round(e.co2T(), 100)
                            + " t): the demo's enterprise over its budget" : "").append('\n');
        }
        y.append("""
                    alarm_margins: {budget: 0.02, intensity: 0.02}
                    two_high:                       # 两高: the national sectors (petrochemicals, chemicals, building materials, steel, non-ferrous, coal power) and dyeing
                      industries: [%s]
                      energy_per_value_added_above: %s   # tce per 10^4 CNY
                """.formatted(String.join(", ", TWO_HIGH_INDUSTRIES), fixed(TWO_HIGH_TCE_PER_10K, 1)));
        return y.toString();
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", share * 100);
    }

    /** Rounded to a multiple of {@code unit}, as a plain integer. */
    private static String round(double v, long unit) {
        return Long.toString(Math.round(v / unit) * unit);
    }
}
