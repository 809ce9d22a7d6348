package io.parkpulse.efficiency.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled factor tables: the published figures, their sources, and strict parsing. */
class GridFactorTableTest {

    private static final String HEADER = "year,scope,area,kg_co2_per_kwh,source,published\n";

    @Test
    void the_bundled_table_has_the_announced_factors_with_source_and_date() {
        GridFactorTable t = GridFactorTable.published();

        assertThat(t.lookup(GridFactorScope.NATIONAL, null, 2021).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.5568);
        GridFactor national2022 = t.lookup(GridFactorScope.NATIONAL, null, 2022).orElseThrow().factor();
        assertThat(national2022.kgCo2PerKwh()).isEqualTo(0.5366);
        assertThat(national2022.source()).contains("2022年电力二氧化碳排放因子");
        assertThat(national2022.published()).isEqualTo("2024-12-20");
        assertThat(t.lookup(GridFactorScope.PROVINCIAL, "fujian", 2022).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.4092);
        assertThat(t.lookup(GridFactorScope.REGIONAL, "east_china", 2022).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.5617);
        assertThat(t.lookup(GridFactorScope.REGIONAL, "east_china", 2023).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.5500);
        assertThat(t.lookup(GridFactorScope.NATIONAL_EXCLUDING_MARKET_NON_FOSSIL, null, 2023).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.6096);
        assertThat(t.lookup(GridFactorScope.NATIONAL_FOSSIL, null, 2023).orElseThrow().factor().kgCo2PerKwh()).isEqualTo(0.8273);
        assertThat(t.areas(GridFactorScope.REGIONAL)).containsExactlyInAnyOrder("north_china", "northeast", "east_china",
                "central_china", "northwest", "south", "southwest");
        assertThat(t.areas(GridFactorScope.PROVINCIAL)).contains("fujian", "hebei", "yunnan").doesNotContain("zhejiang");
        assertThat(t.lookup(GridFactorScope.PROVINCIAL, "fujian", 2025).orElseThrow().factor().year())
                .as("no 2023 provincial values are shipped").isEqualTo(2022);
        assertThat(t.lookup(GridFactorScope.NATIONAL, null, 2020)).isEmpty();
        assertThat(t.factors()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }

    @Test
    void the_bundled_fuel_defaults_give_the_tco2_per_unit() {
        Map<EnergyCarrier, FuelFactor> d = FuelFactor.defaults();
        assertThat(d).containsOnlyKeys(EnergyCarrier.RAW_COAL, EnergyCarrier.COKE, EnergyCarrier.FUEL_OIL,
                EnergyCarrier.GASOLINE, EnergyCarrier.DIESEL, EnergyCarrier.LPG, EnergyCarrier.NATURAL_GAS);
        // coke: 0.028435 GJ/kg × 0.0295 tC/GJ × 0.93 × 44/12 = 0.00286042 tCO2/kg (2.86 t per t)
        assertThat(d.get(EnergyCarrier.COKE).tCo2PerUnit()).isCloseTo(0.00286042, org.assertj.core.api.Assertions.within(1e-8));
        // LPG: 0.050179 × 0.0172 × 0.98 × 44/12 = 0.00310133 tCO2/kg
        assertThat(d.get(EnergyCarrier.LPG).tCo2PerUnit()).isCloseTo(0.00310133, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(d.get(EnergyCarrier.RAW_COAL).source()).contains("ParkPulse choice");
    }

    @Test
    void a_bad_table_is_refused_naming_the_line() {
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,national,,0.5366,src,2024\n2022,county,,0.5,src,2024\n"))
                .hasMessageContaining("t.csv:3").hasMessageContaining("\"county\" is not a scope");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,regional,,0.5,src,2024\n"))
                .hasMessageContaining("t.csv:2").hasMessageContaining("names area");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,national,,536.6,src,2024\n"))
                .hasMessageContaining("t.csv:2").hasMessageContaining("kgCO2 per kWh");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,national,,0.5,,2024\n"))
                .hasMessageContaining("source");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,national,,0.5,src\n"))
                .hasMessageContaining("t.csv:2").hasMessageContaining("6 fields expected");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", HEADER + "2022,national,,0.5,a,b\n2022,national,,0.6,a,b\n"))
                .hasMessageContaining("t.csv:3").hasMessageContaining("second factor");
        assertThatThrownBy(() -> GridFactorTable.parse("t.csv", "# only a note\nyear,scope\n"))
                .hasMessageContaining("t.csv:2").hasMessageContaining("header");
        assertThatThrownBy(() -> FuelFactor.parse("f.csv", "carrier,ncv_gj_per_unit,carbon_t_per_gj,oxidation,source\nelectricity,1,1,1,x\n"))
                .hasMessageContaining("f.csv:2").hasMessageContaining("not a fuel");
        assertThatThrownBy(() -> FuelFactor.parse("f.csv", "carrier,ncv_gj_per_unit,carbon_t_per_gj,oxidation,source\ncoke,lots,1,1,x\n"))
                .hasMessageContaining("f.csv:2").hasMessageContaining("ncv_gj_per_unit must be a number");
    }

    @Test
    void quoted_fields_may_hold_commas() {
        GridFactorTable t = GridFactorTable.parse("t.csv", HEADER + "2024,provincial,zhejiang,0.5210,\"省厅, 2025 公告\",2025-06\n");
        assertThat(t.factors().get(0).source()).isEqualTo("省厅, 2025 公告");
    }
}
