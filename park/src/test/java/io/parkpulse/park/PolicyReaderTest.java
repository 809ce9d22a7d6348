package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.efficiency.scoring.Benchmark;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.MissingRule;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.parkpulse.efficiency.scoring.ScoringMethod;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The park file's {@code policy:} section: read completely, defaults from the standard policy, errors by field. */
class PolicyReaderTest {

    private final ParkFileReader reader = new ParkFileReader();

    static final String HUANGYAN = """
            version: huangyan-2022
            energy_basis: equal_value
            equal_value: {2021: 0.2960, 2022: 0.2955}
            natural_gas: oil_field
            steam: 3.5MPa
            indicators: [tax_per_mu, value_added_per_mu, value_added_per_energy, energy_per_output_value]
            frontrunner_top_percent: 10
            growth: {flat_threshold: 0.02, intensity_band: 0.15}
            product_limits:
              熟料: gb16780-2007/clinker-comprehensive/4000tpd
            scoring:
              method: ratio
              indicators:
                - {indicator: tax_per_mu, weight: 30, benchmark: 24.097}
                - {indicator: value_added_per_mu, weight: 20, benchmark: 136.16}
                - {indicator: value_added_per_energy, weight: 20, benchmark: 2.694}
                - {indicator: value_added_per_emission, weight: 10, benchmark: 4929.81, missing: peer_average}
                - {indicator: labour_productivity, weight: 10, benchmark: {of_peers: mean, factor: 2}, cap: 1.5}
                - {indicator: rd_intensity, weight: 10, benchmark: 0.0302}
            classes:
              by: score
              bands: [{class: A, limit: 90}, {class: B, limit: 70}, {class: C, limit: 50}, {class: D, limit: 0}]
            scope:
              min_land_mu: 3
              ungraded_industries: [D44, D45, D46]
              min_years_operating: 2
              ungraded_class: T
            """;

    private static String parkWith(String policy) {
        return ParkFileReaderTest.VALID + "policy:\n" + policy.indent(2);
    }

    private List<String> errorsOf(String yaml) {
        InvalidParkFileException e = catchThrowableOfType(InvalidParkFileException.class, () -> reader.read("park.yaml", yaml));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.errors().stream().map(ConfigFileError::toString).toList();
    }

    @Test
    void a_park_without_a_policy_gets_the_standard_policy() {
        Policy p = reader.read("park.yaml", ParkFileReaderTest.VALID).policy();
        assertThat(p.version()).isEqualTo(Policy.STANDARD_VERSION);
        assertThat(p.basis()).isEqualTo(EnergyBasis.EQUIVALENT);
        assertThat(p.scoring().indicators()).extracting(ScoredIndicator::weight).containsExactly(40.0, 20.0, 20.0, 10.0, 10.0);
    }

    @Test
    void every_key_of_a_full_policy_is_read() {
        Policy p = reader.read("park.yaml", parkWith(HUANGYAN)).policy();
        assertThat(p.version()).isEqualTo("huangyan-2022");
        assertThat(p.basis()).isEqualTo(EnergyBasis.EQUAL_VALUE);
        assertThat(p.coefficients().kgcePerUnit(EnergyCarrier.ELECTRICITY, EnergyBasis.EQUAL_VALUE, 2022)).isEqualTo(0.2955);
        assertThat(p.coefficients().kgcePerUnit(EnergyCarrier.NATURAL_GAS, EnergyBasis.EQUAL_VALUE, 2022)).isEqualTo(1.33);
        assertThat(p.coefficients().kgcePerUnit(EnergyCarrier.STEAM, EnergyBasis.EQUAL_VALUE, 2022)).isEqualTo(125.714);
        assertThat(p.indicators()).containsExactly(Indicator.TAX_PER_MU, Indicator.VALUE_ADDED_PER_MU,
                Indicator.VALUE_ADDED_PER_ENERGY, Indicator.ENERGY_PER_OUTPUT_VALUE);
        assertThat(p.frontrunner().topPercent()).isEqualTo(10);
        assertThat(p.growthFlatThreshold()).isEqualTo(0.02);
        assertThat(p.intensityBand()).isEqualTo(0.15);
        assertThat(p.productLimits().get("熟料").limit()).isEqualTo(128);
        assertThat(p.scoring().method()).isEqualTo(ScoringMethod.RATIO);
        List<ScoredIndicator> lines = p.scoring().indicators();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).benchmark()).isEqualTo(new Benchmark.Fixed(24.097));
        assertThat(lines.get(0).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(lines.get(3).missing()).isEqualTo(MissingRule.PEER_AVERAGE);
        assertThat(lines.get(4).benchmark()).isEqualTo(new Benchmark.OfPeers(Benchmark.Statistic.MEAN, 2));
        assertThat(lines.get(4).cap()).isEqualTo(1.5);
        assertThat(p.classes().kind()).isEqualTo(ClassRule.Kind.SCORE);
        assertThat(p.classes().bands()).extracting(ClassRule.Band::name).containsExactly("A", "B", "C", "D");
        assertThat(p.scope().minLandMu()).isEqualTo(3);
        assertThat(p.scope().ungraded("D4420", null, LocalDate.of(2022, 12, 31)).text()).contains("D44");
        assertThat(p.scope().ungradedClass()).isEqualTo("T");
    }

    @Test
    void a_draft_policy_reads_on_its_own_in_yaml_or_json() {
        Policy yaml = reader.readPolicy("draft", HUANGYAN);
        assertThat(yaml.version()).isEqualTo("huangyan-2022");
        Policy json = reader.readPolicy("draft", """
                {"version": "draft-2", "classes": {"by": "percentile", "bands": [{"class": "A", "limit": 30}, {"class": "B", "limit": 100}]}}
                """);
        assertThat(json.version()).isEqualTo("draft-2");
        assertThat(json.classes().bands()).hasSize(2);
        assertThat(json.scoring()).isEqualTo(Policy.standard().scoring());
    }

    @Test
    void every_mistake_is_named_by_line_and_field() {
        List<String> errors = errorsOf(parkWith("""
                energy_basis: equal_value
                indicators: [tax_per_mu, tax_per_muu]
                frontrunner_top_percent: 120
                growth: {flat_treshold: 0.01}
                product_limits: {水泥: gb16780-2007/clinker}
                scoring:
                  method: ratio
                  indicators:
                    - {indicator: electricity, weight: 10, benchmark: 1}
                    - {indicator: tax_per_mu, weight: -5}
                classes:
                  by: percentile
                  bands: [{class: A, limit: 20}, {class: B, limit: 10}]
                scope: {ungraded_industries: [power]}
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("park.yaml:21").contains("policy.version").contains("is required"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.energy_basis").contains("equal value"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.indicators[1]").contains("did you mean \"tax_per_mu\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.frontrunner_top_percent").contains("120"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.growth.flat_treshold").contains("did you mean \"flat_threshold\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.product_limits.水泥").contains("not a built-in limit-standard row"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.scoring.indicators[0].indicator").contains("volume"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.scoring.indicators[1].weight").contains("greater than 0"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.scoring.indicators[1].benchmark").contains("is required"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.classes.bands[1].limit").contains("must exceed 20"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.classes.bands").contains("reach 100"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.scope.ungraded_industries[0]").contains("power"));
    }

    @Test
    void equal_values_are_years_and_kgce_per_kwh() {
        List<String> errors = errorsOf(parkWith("""
                version: v1
                energy_basis: equal_value
                equal_value: {twenty: 0.3, 2026: 300}
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.equal_value.twenty").contains("years"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.equal_value.2026").contains("kgce per kWh"));
    }

    @Test
    void min_max_scoring_takes_a_floor_and_no_benchmarks() {
        Policy p = reader.readPolicy("draft", """
                version: jingde
                scoring:
                  method: min_max
                  min_max_floor: 20
                  indicators: [{indicator: tax_per_mu, weight: 100}]
                """);
        assertThat(p.scoring().minMaxFloor()).isEqualTo(20);
        List<String> errors = catchThrowableOfType(InvalidParkFileException.class, () -> reader.readPolicy("draft", """
                version: jingde
                scoring:
                  method: min_max
                  indicators: [{indicator: tax_per_mu, weight: 100, benchmark: 3}]
                """)).errors().stream().map(ConfigFileError::toString).toList();
        assertThat(errors).singleElement().asString().contains("draft:4").contains("benchmark").contains("range");
    }

    @Test
    void enterprises_may_say_since_when_they_operate() {
        Park park = reader.read("park.yaml", ParkFileReaderTest.VALID.replace("land_mu: 10.5", "land_mu: 10.5\n    operating_since: 2025-03-01"));
        assertThat(park.enterprise(EnterpriseId.of("ent-1")).orElseThrow().operatingSince()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(errorsOf(ParkFileReaderTest.VALID.replace("land_mu: 10.5", "land_mu: 10.5\n    operating_since: March")))
                .singleElement().asString().contains("enterprises[0].operating_since").contains("not a date");
    }

    @Test
    void classes_by_percentile_name_their_share_rule_and_default_to_the_share_ranked_above() {
        String bands = "  bands: [{class: A, limit: 20}, {class: B, limit: 60}, {class: C, limit: 95}, {class: D, limit: 100}]\n";
        Policy ranked = reader.read("park.yaml", parkWith("version: v1\nclasses:\n  by: percentile\n  share: rank\n" + bands)).policy();
        Policy standard = reader.read("park.yaml", parkWith("version: v1\nclasses:\n  by: percentile\n" + bands)).policy();

        assertThat(ranked.classes().share()).isEqualTo(ClassRule.ShareRule.RANK);
        assertThat(standard.classes().share()).isEqualTo(ClassRule.ShareRule.RANKED_ABOVE);
        assertThat(errorsOf(parkWith("version: v1\nclasses:\n  by: percentile\n  share: half_up\n" + bands)))
                .singleElement().asString().contains("policy.classes.share").contains("not a share rule").contains("count_nearest");
        assertThat(errorsOf(parkWith("version: v1\nclasses:\n  by: score\n  share: rank\n"
                + "  bands: [{class: A, limit: 90}, {class: D, limit: 0}]\n")))
                .singleElement().asString().contains("policy.classes.share").contains("classes by score take no share rule");
    }
}
