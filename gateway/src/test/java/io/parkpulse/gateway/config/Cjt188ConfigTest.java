package io.parkpulse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.DiOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CJ/T 188 devices in the gateway configuration: the built-in heat and gas profiles, and every field checked against
 * the meter family its meter type names, reported with file, line and field.
 */
class Cjt188ConfigTest {

    final GatewayConfigReader reader = new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn());

    static final String HEAD = """
            gateway: {park: p1, id: g1}
            broker: {url: "tcp://localhost:1883"}
            devices:
            """;

    @Test
    void the_heat_profile_reads_every_heat_meter_field_into_its_quantity() {
        GatewayConfig config = reader.read("c.yaml", HEAD + """
                  - {meter: H-1, protocol: cjt188, endpoint: "10.0.0.5:8899", address: "00000012345678", profile: cjt188-heat}
                """, null);
        DeviceSettings.Cjt188 heat = (DeviceSettings.Cjt188) config.devices().get(0).settings();
        assertThat(heat.meterType()).isEqualTo(0x20);
        assertThat(heat.diOrder()).isEqualTo(DiOrder.HIGH_FIRST);
        assertThat(heat.points()).extracting(PointConfig::quantity, PointConfig::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Quantity.HEAT_GJ, Cjt188Field.CURRENT_HEAT),
                org.assertj.core.groups.Tuple.tuple(Quantity.HEAT_POWER_KW, Cjt188Field.HEAT_POWER),
                org.assertj.core.groups.Tuple.tuple(Quantity.FLOW_M3H, Cjt188Field.FLOW_RATE),
                org.assertj.core.groups.Tuple.tuple(Quantity.HEAT_VOLUME_M3, Cjt188Field.CUMULATIVE_FLOW),
                org.assertj.core.groups.Tuple.tuple(Quantity.SUPPLY_TEMPERATURE_C, Cjt188Field.SUPPLY_TEMPERATURE),
                org.assertj.core.groups.Tuple.tuple(Quantity.RETURN_TEMPERATURE_C, Cjt188Field.RETURN_TEMPERATURE),
                org.assertj.core.groups.Tuple.tuple(Quantity.RUN_HOURS, Cjt188Field.WORKING_HOURS));
        // the heat register is billing; working hours are not
        assertThat(heat.keepingAtLeast(Importance.HIGH).points()).extracting(PointConfig::quantity)
                .containsExactly(Quantity.HEAT_GJ, Quantity.HEAT_VOLUME_M3);
        assertThat(heat.points()).filteredOn(p -> p.quantity() == Quantity.RUN_HOURS).singleElement()
                .extracting(PointConfig::importance).isEqualTo(Importance.LOW);
    }

    @Test
    void the_gas_profile_reads_the_current_flow_as_gas_m3_and_a_device_may_take_the_settlement_heat() {
        GatewayConfig config = reader.read("c.yaml", HEAD + """
                  - {meter: G-1, protocol: cjt188, endpoint: "10.0.0.5:8899", address: "00000000000030", profile: cjt188-gas}
                  - meter: H-1
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000012345678"
                    profile: cjt188-heat
                    di_order: low_first
                    points: {heat_gj: settlement_heat}
                """, null);
        DeviceSettings.Cjt188 gas = (DeviceSettings.Cjt188) config.devices().get(0).settings();
        assertThat(gas.meterType()).isEqualTo(0x30);
        assertThat(gas.points()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(Quantity.GAS_M3);
            assertThat(p.source()).isEqualTo(Cjt188Field.CURRENT_FLOW);
            assertThat(p.importance()).isEqualTo(Importance.HIGH);
        });
        DeviceSettings.Cjt188 heat = (DeviceSettings.Cjt188) config.devices().get(1).settings();
        assertThat(heat.diOrder()).isEqualTo(DiOrder.LOW_FIRST);
        assertThat(heat.points()).filteredOn(p -> p.quantity() == Quantity.HEAT_GJ).singleElement()
                .extracting(PointConfig::source).isEqualTo(Cjt188Field.SETTLEMENT_HEAT);
        assertThat(heat.points()).hasSize(7);
    }

    @Test
    void a_field_of_the_wrong_family_or_quantity_and_a_type_outside_the_families_are_named_with_line_and_field() {
        String text = HEAD + """
                  - meter: H-1
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000012345678"
                    meter_type: 0x20
                    points:
                      volume_m3: current_flow
                      heat_power_kw: {field: current_heat}
                  - meter: G-1
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000000000030"
                    profile: cjt188-gas
                    points:
                      heat_gj: current_heat
                      volume_m3: current_flow
                  - meter: E-1
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000000000040"
                    meter_type: 0x40
                    points: {volume_m3: current_flow}
                  - meter: W-1
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000000000010"
                    profile: cjt188-heat
                    meter_type: 0x10
                  - meter: W-2
                    protocol: cjt188
                    endpoint: "10.0.0.5:8899"
                    address: "00000000000011"
                    points: {volume_m3: heat}
                """;

        assertThatThrownBy(() -> reader.read("c.yaml", text, null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> {
                    List<String> lines = e.errors().stream().map(ConfigFileError::toString).toList();
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:10:").contains("devices[0].points.volume_m3")
                            .contains("field current_flow is in the reply of water and gas meters; meter_type 0x20 is a heat meter"
                                    + " (meter type 0x20–0x29), whose fields are settlement_heat, current_heat, heat_power,"
                                    + " flow_rate, cumulative_flow, supply_temperature, return_temperature, working_hours"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:11:").contains("devices[0].points.heat_power_kw")
                            .contains("field current_heat is heat_gj, not heat_power_kw"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:18:").contains("devices[1].points.heat_gj")
                            .contains("field current_heat is in the reply of heat meters; meter_type 0x30 is a gas meter"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:19:").contains("devices[1].points.volume_m3")
                            .contains("field current_flow is gas_m3 on a gas meter, not volume_m3"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:24:").contains("devices[2].meter_type")
                            .contains("must be the type of a water (0x10–0x19), heat (0x20–0x29) or gas (0x30–0x39) meter")
                            .contains("got 0x40"));
                    // the heat profile's points on a device that says it is a water meter: reported at the device's
                    // profile line, with the profile's own line
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("c.yaml:30:").contains("devices[3].profile")
                            .contains("profile cjt188-heat:12: points.heat_gj: field current_heat is in the reply of heat meters;"
                                    + " meter_type 0x10 is a water meter"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[4].points.volume_m3")
                            .contains("must be one of current_flow, settlement_flow, settlement_heat"));
                });
    }
}
