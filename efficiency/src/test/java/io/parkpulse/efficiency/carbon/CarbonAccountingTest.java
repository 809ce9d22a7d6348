package io.parkpulse.efficiency.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CO₂ of electricity, fuels, heat and steam with hand-computed expectations (docs/efficiency.md, "Carbon"). */
class CarbonAccountingTest {

    private static final GridFactorTable TABLE = GridFactorTable.published();
    private static final CoefficientTable COAL = CoefficientTable.gbt2589();
    private static final List<GreenElectricity> GREEN = List.of(new GreenElectricity(GreenKind.CONTRACT, 150_000),
            new GreenElectricity(GreenKind.CERTIFICATE, 20_000));

    private static CarbonPolicy policy(GridFactorScope scope, String area, GreenElectricityRule green) {
        return new CarbonPolicy(scope, area, Map.of(), green, 0.11, Map.of(), null, Map.of(), null, 0, 0);
    }

    private static List<String> codes(Emissions e) {
        return e.notes().stream().map(DataState.Reason::code).toList();
    }

    @Test
    void a_fuel_mix_adds_up_carrier_by_carrier() {
        Map<EnergyCarrier, Double> q = Map.of(EnergyCarrier.NATURAL_GAS, 10_000.0, EnergyCarrier.DIESEL, 2_000.0,
                EnergyCarrier.RAW_COAL, 50_000.0, EnergyCarrier.HEAT, 100.0, EnergyCarrier.STEAM, 10.0);

        Emissions e = CarbonAccounting.emissions(q, List.of(), CarbonPolicy.standard(), TABLE, COAL, 2023);

        // gas: 10 000 m³ × 0.038931 GJ/m³ × 0.0153 tC/GJ × 0.99 × 44/12 = 21.62189 t
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.NATURAL_GAS)).isCloseTo(21.62189, within(1e-5));
        // diesel: 2 000 kg × 0.042652 GJ/kg × 0.0202 × 0.98 × 44/12 = 6.19182 t
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.DIESEL)).isCloseTo(6.19182, within(1e-5));
        // raw coal: 50 000 kg × 0.020908 GJ/kg × 0.0261 × 0.93 × 44/12 = 93.04165 t
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.RAW_COAL)).isCloseTo(93.04165, within(1e-5));
        // heat: 100 GJ × 0.11 = 11 t
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.HEAT)).isCloseTo(11.0, within(1e-12));
        // steam 1.0 MPa: 10 t × 108.571 kgce/t × 29.3076 GJ/tce ÷ 1000 = 31.81910 GJ; × 0.11 = 3.50015 t
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.STEAM)).isCloseTo(3.50015, within(1e-5));
        // 21.62189 + 6.19182 + 93.04165 + 11 + 3.50015 = 135.35551
        assertThat(e.tCo2()).isCloseTo(135.35551, within(1e-4));
        assertThat(e.basis().grid()).as("no electricity, no grid factor needed").isNull();
        assertThat(e.basis().fuels()).containsOnlyKeys(EnergyCarrier.NATURAL_GAS, EnergyCarrier.DIESEL, EnergyCarrier.RAW_COAL);
        assertThat(e.shares().get(EnergyCarrier.RAW_COAL)).isCloseTo(93.04165 / 135.35551, within(1e-6));
    }

    @Test
    void a_policys_fuel_factor_replaces_the_default() {
        FuelFactor own = new FuelFactor(EnergyCarrier.NATURAL_GAS, 0.0360, 0.0150, 1.0, "supplier's analysis 2026");
        CarbonPolicy p = new CarbonPolicy(GridFactorScope.NATIONAL, null, Map.of(), GreenElectricityRule.NOT_DEDUCTED, 0.11,
                Map.of(EnergyCarrier.NATURAL_GAS, own), null, Map.of(), null, 0, 0);

        Emissions e = CarbonAccounting.emissions(Map.of(EnergyCarrier.NATURAL_GAS, 1_000.0), List.of(), p, TABLE, COAL, 2023);

        // 1 000 m³ × 0.0360 × 0.0150 × 1.0 × 44/12 = 1.98 t
        assertThat(e.tCo2()).isCloseTo(1.98, within(1e-9));
        assertThat(e.basis().fuels().get(EnergyCarrier.NATURAL_GAS).source()).isEqualTo("supplier's analysis 2026");
    }

    @Test
    void green_electricity_is_deducted_only_as_the_rule_says() {
        Map<EnergyCarrier, Double> kwh = Map.of(EnergyCarrier.ELECTRICITY, 1_000_000.0);

        Emissions none = CarbonAccounting.emissions(kwh, GREEN, policy(GridFactorScope.NATIONAL, null, GreenElectricityRule.NOT_DEDUCTED), TABLE, COAL, 2023);
        Emissions contracts = CarbonAccounting.emissions(kwh, GREEN, policy(GridFactorScope.NATIONAL, null, GreenElectricityRule.CONTRACTS), TABLE, COAL, 2023);
        Emissions both = CarbonAccounting.emissions(kwh, GREEN, policy(GridFactorScope.NATIONAL, null, GreenElectricityRule.CONTRACTS_AND_CERTIFICATES), TABLE, COAL, 2023);

        // 2023 national 0.5306 kg/kWh: 1 000 000 × 0.5306 ÷ 1000 = 530.6 t
        assertThat(none.tCo2()).isCloseTo(530.6, within(1e-9));
        assertThat(none.greenKwhDeclared()).isEqualTo(170_000);
        assertThat(none.greenKwhApplied()).isZero();
        assertThat(codes(none)).containsExactly("green_not_deducted");
        assertThat(none.notes().get(0).args()).containsEntry("kwh", "170000").containsEntry("rule", "not_deducted");
        // (1 000 000 − 150 000) × 0.5306 ÷ 1000 = 451.01 t; the 20 000 kWh of certificates are not deducted
        assertThat(contracts.tCo2()).isCloseTo(451.01, within(1e-9));
        assertThat(contracts.greenKwhApplied()).isEqualTo(150_000);
        assertThat(contracts.notes().get(0).args()).containsEntry("kwh", "20000");
        // (1 000 000 − 170 000) × 0.5306 ÷ 1000 = 440.398 t
        assertThat(both.tCo2()).isCloseTo(440.398, within(1e-9));
        assertThat(both.greenKwhApplied()).isEqualTo(170_000);
        assertThat(both.notes()).isEmpty();
        assertThat(both.basis().green()).isEqualTo(GreenElectricityRule.CONTRACTS_AND_CERTIFICATES);
    }

    @Test
    void more_green_than_metered_deducts_the_metered_electricity_and_says_so() {
        Emissions e = CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 100_000.0),
                List.of(new GreenElectricity(GreenKind.CONTRACT, 150_000)),
                policy(GridFactorScope.NATIONAL, null, GreenElectricityRule.CONTRACTS), TABLE, COAL, 2023);

        // (100 000 − min(150 000, 100 000)) × 0.5306 = 0
        assertThat(e.tCo2()).isZero();
        assertThat(e.greenKwhApplied()).isEqualTo(100_000);
        assertThat(codes(e)).containsExactly("green_exceeds_metered");
        assertThat(e.notes().get(0).args()).containsEntry("declared", "150000").containsEntry("metered", "100000");
    }

    @Test
    void a_year_without_a_published_factor_uses_the_latest_earlier_one_and_says_so() {
        Emissions e = CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 10_000.0), List.of(),
                policy(GridFactorScope.REGIONAL, "east_china", GreenElectricityRule.NOT_DEDUCTED), TABLE, COAL, 2026);

        // 2026 has no announcement: east China 2023, 0.5500 kg/kWh; 10 000 × 0.55 ÷ 1000 = 5.5 t
        assertThat(e.tCo2()).isCloseTo(5.5, within(1e-12));
        assertThat(e.basis().grid().fromEarlierYear()).isTrue();
        assertThat(e.basis().grid().factor().year()).isEqualTo(2023);
        assertThat(e.basis().grid().factor().published()).isEqualTo("2026-01");
        assertThat(codes(e)).containsExactly("grid_factor_from_earlier_year");
        assertThat(e.notes().get(0).args()).containsEntry("requested", "2026").containsEntry("used", "2023");
    }

    @Test
    void a_scope_with_no_factor_at_or_before_the_year_leaves_electricity_unknown_and_says_why() {
        // Fujian's only shipped factor is of 2022: nothing for 2021
        Emissions e = CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 10_000.0, EnergyCarrier.HEAT, 10.0),
                List.of(), policy(GridFactorScope.PROVINCIAL, "fujian", GreenElectricityRule.NOT_DEDUCTED), TABLE, COAL, 2021);

        assertThat(e.tCo2()).isNaN();
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.ELECTRICITY)).isNaN();
        assertThat(e.tCo2ByCarrier().get(EnergyCarrier.HEAT)).isCloseTo(1.1, within(1e-12));
        assertThat(e.basis().grid()).isNull();
        assertThat(codes(e)).containsExactly("no_grid_factor");
        assertThat(e.notes().get(0).args()).containsEntry("scope", "provincial").containsEntry("area", "fujian").containsEntry("year", "2021");
        // 2022 is there: 10 000 × 0.4092 ÷ 1000 = 4.092 t
        assertThat(CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 10_000.0), List.of(),
                policy(GridFactorScope.PROVINCIAL, "fujian", GreenElectricityRule.NOT_DEDUCTED), TABLE, COAL, 2022).tCo2())
                .isCloseTo(4.092, within(1e-12));
    }

    @Test
    void a_factor_the_park_states_itself_wins_over_an_older_published_one() {
        GridFactor own = new GridFactor(2024, GridFactorScope.PROVINCIAL, "zhejiang", 0.5210, "省生态环境厅 2025 公告", "stated in the park policy");
        CarbonPolicy p = new CarbonPolicy(GridFactorScope.PROVINCIAL, "zhejiang", Map.of(2024, own),
                GreenElectricityRule.NOT_DEDUCTED, 0.11, Map.of(), null, Map.of(), null, 0, 0);

        Emissions e2026 = CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 10_000.0), List.of(), p, TABLE, COAL, 2026);
        Emissions e2023 = CarbonAccounting.emissions(Map.of(EnergyCarrier.ELECTRICITY, 10_000.0), List.of(), p, TABLE, COAL, 2023);

        // 10 000 × 0.5210 ÷ 1000 = 5.21 t, the 2024 factor used for 2026
        assertThat(e2026.tCo2()).isCloseTo(5.21, within(1e-12));
        assertThat(e2026.basis().grid().fromEarlierYear()).isTrue();
        assertThat(e2023.tCo2()).as("nothing for Zhejiang at or before 2023").isNaN();
    }
}
