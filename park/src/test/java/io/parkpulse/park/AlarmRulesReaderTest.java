package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.efficiency.policy.AlarmRule;
import io.parkpulse.efficiency.policy.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** {@code policy.alarms}: every kind read, subjects checked against the park, every mistake named by line and field. */
class AlarmRulesReaderTest {

    static final AlarmRulesReader.Declared PARK = new AlarmRulesReader.Declared(
            Set.of("ent-cement", "ent-food"), Set.of("gw-north", "gw-nbiot"),
            Set.of("E-CEM-MAIN", "W-INLET", "E-BROKEN"),
            Map.of(MeterId.of("E-CEM-MAIN"), meter("E-CEM-MAIN", MeterKind.ELECTRICITY), MeterId.of("W-INLET"), meter("W-INLET", MeterKind.WATER)));

    static final String ALL_KINDS = """
            version: alarms-1
            alarms:
              - id: cement-over-contract
                kind: power_above
                enterprise: ent-cement
                limit_kw: 18000
                for: PT5M
                severity: critical
              - {id: main-over, kind: power_above, meter: E-CEM-MAIN, limit_kw: 9000, for: PT15M}
              - {id: gateway-offline, kind: gateway_offline, for: PT10M}
              - {id: north-offline, kind: gateway_offline, gateway: gw-north, for: PT2M}
              - {id: meter-silent, kind: meter_silent, gateway: gw-north, for: PT30M}
              - {id: nbiot-silent, kind: meter_silent, gateway: gw-nbiot, for: PT26H}
              - {id: inlet-silent, kind: meter_silent, meter: W-INLET, for: PT1H}
              - {id: night-water, kind: night_water_rise, meter: W-INLET, rise_percent: 30}
              - {id: energy-vs-output, kind: energy_outgrows_output}
              - {id: cement-growth, kind: energy_outgrows_output, enterprise: ent-cement, margin_points: 5}
            """;

    static Meter meter(String id, MeterKind kind) {
        return new Meter(MeterId.of(id), id, kind, null, GatewayId.of("gw-north"), Metering.CUMULATIVE, 1, 1, 1);
    }

    private final List<ConfigFileError> errors = new ArrayList<>();

    private Policy read(String yaml, AlarmRulesReader.Declared declared) {
        Node root = YamlMapping.compose("park.yaml", yaml, 1 << 20, errors);
        return new PolicyReader(YamlMapping.collecting("park.yaml", errors), declared).read(root, "policy");
    }

    private List<String> errorsOf(String alarms) {
        Policy p = read("version: v1\nalarms:\n" + alarms.indent(2), PARK);
        assertThat(p).as("expected the policy to be rejected").isNull();
        return errors.stream().map(ConfigFileError::toString).toList();
    }

    @Test
    void every_kind_is_read_with_its_defaults() {
        Policy p = read(ALL_KINDS, PARK);
        assertThat(errors).isEmpty();
        assertThat(p.alarms()).extracting(AlarmRule::id).containsExactly("cement-over-contract", "main-over",
                "gateway-offline", "north-offline", "meter-silent", "nbiot-silent", "inlet-silent", "night-water",
                "energy-vs-output", "cement-growth");
        assertThat(p.alarms().get(0)).isEqualTo(new AlarmRule.PowerAbove("cement-over-contract",
                AlarmRule.Severity.CRITICAL, null, "ent-cement", 18000, Duration.ofMinutes(5)));
        assertThat(p.alarms().get(1)).isEqualTo(new AlarmRule.PowerAbove("main-over", AlarmRule.Severity.WARNING,
                "E-CEM-MAIN", null, 9000, Duration.ofMinutes(15)));
        assertThat(p.alarms().get(2)).isEqualTo(new AlarmRule.GatewayOffline("gateway-offline", AlarmRule.Severity.WARNING,
                null, Duration.ofMinutes(10)));
        assertThat(p.alarms().get(5)).isEqualTo(new AlarmRule.MeterSilent("nbiot-silent", AlarmRule.Severity.WARNING,
                null, "gw-nbiot", Duration.ofHours(26)));
        assertThat(p.alarms().get(7)).isEqualTo(new AlarmRule.NightWaterRise("night-water", AlarmRule.Severity.WARNING,
                "W-INLET", 30, 30));
        assertThat(p.alarms().get(8)).isEqualTo(new AlarmRule.EnergyOutgrowsOutput("energy-vs-output",
                AlarmRule.Severity.WARNING, null, 0));
        assertThat(p.alarms().get(9)).isEqualTo(new AlarmRule.EnergyOutgrowsOutput("cement-growth",
                AlarmRule.Severity.WARNING, "ent-cement", 5));
        assertThat(p.alarms().stream().filter(AlarmRule::isLive)).hasSize(7);
    }

    @Test
    void a_policy_without_alarms_has_none_and_the_standard_policy_has_none() {
        assertThat(read("version: v1\n", PARK).alarms()).isEmpty();
        assertThat(Policy.standard().alarms()).isEmpty();
    }

    @Test
    void the_demo_park_defines_an_alarm_of_every_kind() {
        Park demo = new ParkFileReader().read(ParkFileReaderTest.DEMO);
        assertThat(demo.policy().alarms()).extracting(r -> r.getClass().getSimpleName()).contains("PowerAbove",
                "GatewayOffline", "MeterSilent", "NightWaterRise", "EnergyOutgrowsOutput");
        for (AlarmRule r : demo.policy().alarms()) {
            if (r instanceof AlarmRule.PowerAbove p && p.enterprise() != null) {
                assertThat(demo.enterprises()).containsKey(EnterpriseId.of(p.enterprise()));
            }
            if (r instanceof AlarmRule.NightWaterRise n) {
                assertThat(demo.meter(MeterId.of(n.meter())).orElseThrow().kind()).isEqualTo(MeterKind.WATER);
            }
        }
    }

    @Test
    void a_draft_policy_read_on_its_own_checks_subjects_for_syntax_only() {
        Policy p = new ParkFileReader().readPolicy("draft", ALL_KINDS.replace("ent-cement", "ent-elsewhere"));
        assertThat(p.alarms()).hasSize(10);
    }

    @Test
    void unknown_subjects_are_named_with_a_hint() {
        assertThat(errorsOf("- {id: a, kind: power_above, enterprise: ent-cemnt, limit_kw: 10, for: PT5M}"))
                .containsExactly("park.yaml:3:44: policy.alarms[0].enterprise: \"ent-cemnt\" is not listed under "
                        + "enterprises; did you mean \"ent-cement\"?");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: gateway_offline, gateway: gw-south, for: PT5M}"))
                .singleElement().asString().contains("policy.alarms[0].gateway", "\"gw-south\" is not listed under gateways");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: meter_silent, meter: W-NOPE, for: PT5M}"))
                .singleElement().asString().contains("policy.alarms[0].meter", "is not listed under meters");
    }

    @Test
    void meters_of_the_wrong_kind_are_refused() {
        assertThat(errorsOf("- {id: a, kind: night_water_rise, meter: E-CEM-MAIN, rise_percent: 30}"))
                .singleElement().asString().contains("policy.alarms[0].meter",
                        "E-CEM-MAIN is a electricity meter; this alarm needs a water meter");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: power_above, meter: W-INLET, limit_kw: 5, for: PT5M}"))
                .singleElement().asString().contains("needs a electricity meter");
    }

    @Test
    void ids_must_be_valid_and_unique() {
        assertThat(errorsOf("""
                - {id: a, kind: gateway_offline, for: PT5M}
                - {id: a, kind: gateway_offline, for: PT6M}
                - {id: "has space", kind: gateway_offline, for: PT6M}
                - {kind: gateway_offline, for: PT6M}
                """)).satisfiesExactly(
                e -> assertThat(e).contains("park.yaml:4:", "policy.alarms[1].id", "alarm id \"a\" is already used above"),
                e -> assertThat(e).contains("park.yaml:5:", "policy.alarms[2].id", "id "),
                e -> assertThat(e).contains("park.yaml:6:", "policy.alarms[3].id", "is required"));
    }

    @Test
    void kinds_severities_and_keys_are_checked() {
        assertThat(errorsOf("- {id: a, kind: power_abve, limit_kw: 5, for: PT5M}")).singleElement().asString()
                .contains("policy.alarms[0].kind", "\"power_abve\" is not an alarm kind; did you mean \"power_above\"?");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: gateway_offline, for: PT5M, severity: fatal}")).singleElement().asString()
                .contains("policy.alarms[0].severity", "expected warning or critical");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: gateway_offline, for: PT5M, limit_kw: 3}")).singleElement().asString()
                .contains("policy.alarms[0].limit_kw", "unknown key", "allowed: id, kind, severity, gateway, for");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: gateway_offline}")).singleElement().asString()
                .contains("policy.alarms[0].for", "is required");
        errors.clear();
        assertThat(errorsOf("- not-a-mapping")).singleElement().asString().contains("policy.alarms[0]", "must be a mapping");
        errors.clear();
        assertThat(errorsOf("{id: a}")).singleElement().asString().contains("policy.alarms", "must be a list");
    }

    @Test
    void power_limits_need_one_subject_a_positive_limit_and_a_duration() {
        assertThat(errorsOf("- {id: a, kind: power_above, meter: E-CEM-MAIN, enterprise: ent-cement, limit_kw: 5, for: PT5M}"))
                .singleElement().asString().contains("give exactly one of meter and enterprise");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: power_above, limit_kw: 5, for: PT5M}"))
                .singleElement().asString().contains("policy.alarms[0].kind", "give exactly one of meter and enterprise");
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: power_above, enterprise: ent-cement, limit_kw: -5, for: 5 minutes}"))
                .satisfiesExactlyInAnyOrder(
                        e -> assertThat(e).contains("policy.alarms[0].limit_kw", "must be greater than 0, got -5"),
                        e -> assertThat(e).contains("policy.alarms[0].for", "\"5 minutes\" is not a duration such as PT5M"));
        errors.clear();
        assertThat(errorsOf("- {id: a, kind: power_above, enterprise: ent-cement, limit_kw: 5, for: P8D}"))
                .singleElement().asString().contains("P8D must be more than 0 and at most 7 days");
    }

    @Test
    void silent_meters_are_one_meter_or_one_gateway() {
        assertThat(errorsOf("- {id: a, kind: meter_silent, meter: W-INLET, gateway: gw-north, for: PT5M}"))
                .singleElement().asString().contains("policy.alarms[0].gateway", "give meter or gateway, not both");
    }

    @Test
    void night_water_needs_a_meter_a_rise_and_a_sensible_baseline() {
        assertThat(errorsOf("- {id: a, kind: night_water_rise, rise_percent: 0, baseline_days: 3.5}"))
                .satisfiesExactlyInAnyOrder(
                        e -> assertThat(e).contains("policy.alarms[0].meter", "is required"),
                        e -> assertThat(e).contains("policy.alarms[0].rise_percent", "must be a percent above 0"),
                        e -> assertThat(e).contains("policy.alarms[0].baseline_days", "whole number of nights from 7 to 90"));
    }

    @Test
    void growth_margins_are_not_negative() {
        assertThat(errorsOf("- {id: a, kind: energy_outgrows_output, enterprise: ent-food, margin_points: -1}"))
                .singleElement().asString().contains("policy.alarms[0].margin_points", "percentage points from 0 up");
    }
}
