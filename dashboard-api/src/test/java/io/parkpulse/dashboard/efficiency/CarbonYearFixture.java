package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.carbon.CarbonAccounting;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetTracker;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-enterprise park's carbon year built without I/O, for the JSON and report unit tests: 2026 through March, both
 * enterprises with all of 2025; ent-a (C3011, two-high by industry) uses 5 % more each month of 2026 than the same month of 2025, ent-b
 * declares a green contract; ent-b's March report is missing unless {@code complete}.
 */
public final class CarbonYearFixture {

    public static final String PARK = """
            schema_version: 1
            park: {id: unit-park, name: 单元园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-a, name: "=Alpha 水泥", industry: C3011, land_mu: 50}
              - {id: ent-b, name: Beta 电子, industry: C3973, land_mu: 20}
            gateways:
              - {id: gw-1}
            meters:
              - {id: E-A, kind: electricity, enterprise: ent-a, gateway: gw-1}
              - {id: E-B, kind: electricity, enterprise: ent-b, gateway: gw-1}
            policy:
              version: unit-1
              carbon:
                grid_factor: {scope: national}
                green_electricity: contracts
                targets:
                  plan: "十五五 (2026–2030)"
                  base_year: 2025
                  final_year: 2030
                  base: {energy_per_value_added: 0.1, co2_per_value_added: 0.4}
                  reduction: {energy_per_value_added: 0.135, co2_per_value_added: 0.18}
                budgets:
                  2026:
                    park: {energy_tce: 150, co2_t: 600}
                    enterprises:
                      ent-a: {co2_t: 400}
                two_high:
                  industries: [C30]
            """;

    private CarbonYearFixture() {
    }

    /** kWh of an enterprise's month. */
    public static double kwh(String enterprise, YearMonth m) {
        double base = enterprise.equals("ent-a") ? 30_000 : 20_000;
        return base * m.lengthOfMonth() * (1 + 0.1 * (m.getMonthValue() % 4)) * (m.getYear() == 2026 ? 1.0 + 0.05 * m.getMonthValue() : 1);
    }

    public static ParkYear year(boolean complete) {
        Park park = new ParkFileReader().read("unit-park.yaml", PARK);
        ParkModel model = new ParkModel(park);
        Policy policy = park.policy();
        YearMonth through = YearMonth.of(2026, 3);
        Map<String, List<MonthFigures>> now = new LinkedHashMap<>();
        Map<String, List<MonthFigures>> before = new LinkedHashMap<>();
        Map<String, List<Emissions>> emissions = new LinkedHashMap<>();
        for (String e : List.of("ent-a", "ent-b")) {
            List<MonthFigures> months = new ArrayList<>();
            List<Emissions> co2 = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                YearMonth m = YearMonth.of(2026, i);
                boolean missing = !complete && e.equals("ent-b") && i == 3;
                Emissions em = emissions(e, m, policy);
                co2.add(em);
                months.add(figures(e, m, em, missing));
            }
            now.put(e, months);
            emissions.put(e, co2);
            List<MonthFigures> last = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                YearMonth m = YearMonth.of(2025, i);
                last.add(figures(e, m, emissions(e, m, policy), false));
            }
            before.put(e, last);
        }
        TargetProgress progress = TargetTracker.track(2026, through, now, before,
                Map.of("ent-a", "C3011", "ent-b", "C3973"), policy.carbon());
        Map<String, PeerGroup> peers = new LinkedHashMap<>();
        progress.enterprises().forEach((id, p) -> {
            if (Double.isFinite(p.co2PerValueAddedYtd())) {
                peers.put(p.industry(), PeerGroup.of(Map.of(id, p.co2PerValueAddedYtd()), Direction.LOWER_IS_BETTER,
                        policy.frontrunner()));
            }
        });
        return new ParkYear(model, policy, 2026, through, now, before, emissions, progress,
                policy.carbon().gridFactor(GridFactorTable.published(), 2026).orElse(null), peers);
    }

    static Emissions emissions(String e, YearMonth m, Policy policy) {
        List<OutputReport.GreenElectricity> green = e.equals("ent-b")
                ? List.of(new OutputReport.GreenElectricity(OutputReport.GreenKind.CONTRACT, 100_000),
                        new OutputReport.GreenElectricity(OutputReport.GreenKind.CERTIFICATE, 50_000))
                : List.of();
        return CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, kwh(e, m)), green, policy.carbon(),
                GridFactorTable.published(), policy.coefficients(), m.getYear());
    }

    static MonthFigures figures(String e, YearMonth m, Emissions em, boolean missing) {
        DataState state = missing ? DataState.insufficient(DataState.noOutputReport(m.toString())) : DataState.complete();
        double va = e.equals("ent-a") ? 500 : 1_500;
        return new MonthFigures(m, kwh(e, m) * 0.1229 / 1000, em.tCo2(), missing ? Double.NaN : va,
                missing ? Double.NaN : va * 4, state);
    }
}
