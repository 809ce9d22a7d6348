package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.GreenElectricityRule;
import io.parkpulse.efficiency.carbon.GridFactorScope;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.policy.AlarmRule;
import io.parkpulse.efficiency.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code policy.carbon} and the two carbon alarm kinds: read completely, errors by field and line. */
class CarbonPolicyReaderTest {

    private final ParkFileReader reader = new ParkFileReader();

    static final String CARBON = """
            version: demo-2026.2
            carbon:
              grid_factor:
                scope: regional
                area: east_china
                own:
                  2024: {kg_co2_per_kwh: 0.5210, source: "华东 2024 (stated)"}
              green_electricity: contracts
              heat_t_co2_per_gj: 0.10
              fuels:
                natural_gas: {ncv_gj_per_unit: 0.038931, carbon_t_per_gj: 0.0153, oxidation: 0.99, source: "GB/T 32150"}
              targets:
                plan: "十五五 (2026–2030)"
                base_year: 2025
                final_year: 2030
                base: {energy_per_value_added: 0.62, co2_per_value_added: 1.45}
                reduction: {energy_per_value_added: 0.135, co2_per_value_added: 0.18}
                milestones:
                  2026: {energy_per_value_added: 0.60}
              budgets:
                2026:
                  park: {energy_tce: 52000, co2_t: 118000}
                  enterprises:
                    ent-1: {energy_tce: 9000, co2_t: 21000}
              alarm_margins: {budget: 0.02, intensity: 0.01}
              two_high:
                industries: [C25, C30, D4411]
                energy_per_value_added_above: 1.0
                yearly_energy_tce_above: 10000
            alarms:
              - {id: co2-budget, kind: budget_at_risk, enterprise: ent-1, quantity: co2}
              - {id: park-energy-budget, kind: budget_at_risk, quantity: energy, severity: critical}
              - {id: intensity, kind: intensity_off_track, quantity: energy}
            """;

    private static String parkWith(String policy) {
        return ParkFileReaderTest.VALID + "policy:\n" + policy.indent(2);
    }

    private List<String> errorsOf(String policy) {
        InvalidParkFileException e = catchThrowableOfType(InvalidParkFileException.class, () -> reader.read("park.yaml", parkWith(policy)));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.errors().stream().map(ConfigFileError::toString).toList();
    }

    @Test
    void every_key_of_the_carbon_section_is_read() {
        Policy p = reader.read("park.yaml", parkWith(CARBON)).policy();
        CarbonPolicy c = p.carbon();
        assertThat(c.gridScope()).isEqualTo(GridFactorScope.REGIONAL);
        assertThat(c.gridArea()).isEqualTo("east_china");
        assertThat(c.ownFactors().get(2024).kgCo2PerKwh()).isEqualTo(0.5210);
        assertThat(c.green()).isEqualTo(GreenElectricityRule.CONTRACTS);
        assertThat(c.heatTCo2PerGj()).isEqualTo(0.10);
        assertThat(c.fuels().get(EnergyCarrier.NATURAL_GAS).source()).isEqualTo("GB/T 32150");
        assertThat(c.targets().plan()).isEqualTo("十五五 (2026–2030)");
        assertThat(c.targets().milestone(2026).energyPerValueAdded()).isEqualTo(0.60);
        // CO2 derived: 1.45 × 0.82^(1/5) = 1.393576
        assertThat(c.targets().milestone(2026).co2PerValueAdded()).isCloseTo(1.393576, within(1e-6));
        assertThat(c.budget(2026).orElseThrow().park().co2T()).isEqualTo(118000);
        assertThat(c.budget(2026).orElseThrow().of("ent-1").energyTce()).isEqualTo(9000);
        assertThat(c.budgetMargin()).isEqualTo(0.02);
        assertThat(c.intensityMargin()).isEqualTo(0.01);
        assertThat(c.twoHigh().industryPrefixes()).containsExactly("C25", "C30", "D4411");
        // the 2026 factor: the park's own 2024 one is later than the table's 2023
        assertThat(c.gridFactor(io.parkpulse.efficiency.carbon.GridFactorTable.published(), 2026).orElseThrow().factor().year()).isEqualTo(2024);
        assertThat(p.alarms()).containsExactly(
                new AlarmRule.BudgetAtRisk("co2-budget", AlarmRule.Severity.WARNING, "ent-1", CarbonQuantity.CO2),
                new AlarmRule.BudgetAtRisk("park-energy-budget", AlarmRule.Severity.CRITICAL, null, CarbonQuantity.ENERGY),
                new AlarmRule.IntensityOffTrack("intensity", AlarmRule.Severity.WARNING, CarbonQuantity.ENERGY));
        assertThat(p.alarms()).allSatisfy(a -> assertThat(a.isLive()).isFalse());
    }

    @Test
    void without_a_carbon_section_the_standard_carbon_policy_applies() {
        assertThat(reader.read("park.yaml", ParkFileReaderTest.VALID).policy().carbon()).isEqualTo(CarbonPolicy.standard());
        assertThat(reader.read("park.yaml", parkWith("version: v1\n")).policy().carbon()).isEqualTo(CarbonPolicy.standard());
        assertThat(reader.readPolicy("draft", "version: d\ncarbon: {grid_factor: {scope: national_fossil}}\n").carbon().gridScope())
                .isEqualTo(GridFactorScope.NATIONAL_FOSSIL);
    }

    @Test
    void the_demo_park_still_loads() throws Exception {
        Path demo = Path.of("../parks/demo-park.yaml");
        assertThat(reader.read(demo.toString(), Files.readString(demo)).policy().carbon()).isNotNull();
    }

    @Test
    void every_mistake_is_named_by_line_and_field() {
        List<String> errors = errorsOf("""
                version: v1
                carbon:
                  grid_factor: {scope: county}
                  green_electricity: all
                  heat_t_co2_per_gj: 110
                  fuels:
                    electricity: {ncv_gj_per_unit: 1, carbon_t_per_gj: 0.01, oxidation: 1, source: x}
                    coke: {ncv_gj_per_unit: 0.028, carbon_t_per_gj: 0.0295, oxidation: 93, source: x}
                  targets:
                    base_year: 2025
                    final_year: 2025
                    base: {energy_per_value_added: 0.62}
                    reduction: {energy_per_value_added: -0.1, co2_per_value_added: 0.2}
                  budgets:
                    2026:
                      park: {energy_tce: 1000}
                      enterprises:
                        ent-9: {energy_tce: 10}
                  two_high: {industries: [steel]}
                alarms:
                  - {id: b, kind: budget_at_risk, quantity: water}
                  - {id: i, kind: intensity_off_track}
                  - {id: e, kind: budget_at_risk, quantity: co2, enterprise: ent-2}
                """);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("park.yaml:").contains("policy.carbon.grid_factor.scope").contains("\"county\" is not a grid factor scope"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.green_electricity").contains("contracts_and_certificates"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.heat_t_co2_per_gj").contains("tCO2 per GJ"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.fuels.electricity").contains("not a fuel"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.fuels.coke.oxidation").contains("at most 1"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.targets.final_year").contains("after base_year 2025"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.targets.reduction.energy_per_value_added").contains("must not be negative"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.targets.reduction.co2_per_value_added").contains("needs the base year"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.budgets.2026.enterprises.ent-9").contains("not listed under enterprises"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.carbon.two_high.industries[0]").contains("steel"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.alarms[0].quantity").contains("co2 (t) or energy (tce)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.alarms[1].quantity").contains("is required"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.alarms[2].enterprise").contains("not listed under enterprises"));
    }

    @Test
    void an_area_must_have_a_factor_for_its_scope_or_one_of_the_parks_own() {
        List<String> errors = errorsOf("""
                version: v1
                carbon:
                  grid_factor: {scope: provincial, area: zhejiang}
                """);
        assertThat(errors).singleElement().asString().contains("policy.carbon.grid_factor.area")
                .contains("no published provincial factor for \"zhejiang\"").contains("own");
        assertThat(errorsOf("version: v1\ncarbon:\n  grid_factor: {scope: regional, area: east_chian}\n"))
                .singleElement().asString().contains("did you mean \"east_china\"");
        assertThat(errorsOf("version: v1\ncarbon:\n  grid_factor: {scope: regional, area: fujian}\n"))
                .as("a province is not a regional grid").singleElement().asString().contains("no published regional factor");
        assertThat(errorsOf("version: v1\ncarbon:\n  grid_factor: {scope: national, area: east_china}\n"))
                .singleElement().asString().contains("has no area");
        assertThat(errorsOf("version: v1\ncarbon:\n  grid_factor: {scope: regional}\n"))
                .singleElement().asString().contains("policy.carbon.grid_factor.area").contains("is required");
        Policy own = reader.read("park.yaml", parkWith("""
                version: v1
                carbon:
                  grid_factor:
                    scope: provincial
                    area: zhejiang
                    own: {2024: {kg_co2_per_kwh: 0.5210, source: "浙江省生态环境厅"}}
                """)).policy();
        assertThat(own.carbon().ownFactors().get(2024).area()).isEqualTo("zhejiang");
    }

    @Test
    void budgets_of_enterprises_may_not_exceed_the_parks() {
        assertThat(errorsOf("""
                version: v1
                carbon:
                  budgets:
                    2026:
                      park: {co2_t: 100}
                      enterprises: {ent-1: {co2_t: 150}}
                """)).singleElement().asString().contains("policy.carbon.budgets.2026.enterprises").contains("more than the park's");
        assertThat(errorsOf("version: v1\ncarbon:\n  budgets: {2026: {park: {}}}\n"))
                .singleElement().asString().contains("energy_tce, co2_t or both");
    }
}
