package io.parkpulse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.modbus.DataType;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import io.parkpulse.protocols.modbus.WordOrder;
import io.parkpulse.protocols.nbiot.PayloadField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigReaderTest {

    static final Map<String, String> ENV = Map.of("PARKPULSE_GATEWAY_PASSWORD", "s3cret", "PARKPULSE_ONENET_TOKEN", "tok",
            // the example binds beyond loopback and takes CTWing and Huawei pushes: their tokens, made per run
            "PARKPULSE_GATEWAY_STATUS_TOKEN", java.util.UUID.randomUUID().toString(),
            "PARKPULSE_CTWING_TOKEN", java.util.UUID.randomUUID().toString(), "PARKPULSE_HUAWEI_TOKEN", java.util.UUID.randomUUID().toString());
    final GatewayConfigReader reader = new GatewayConfigReader(ENV::get, ProfileCatalog.builtIn());

    @Test
    void theShippedExampleReadsWithEveryProtocolAndProfile() throws Exception {
        GatewayConfig config = reader.read(Path.of("gateway.example.yaml"));

        assertThat(config.park()).isEqualTo("demo-park");
        assertThat(config.gatewayId()).isEqualTo("gw-north");
        assertThat(config.broker().password()).isEqualTo("s3cret");
        assertThat(config.broker().toString()).doesNotContain("s3cret").contains("secretGiven=true");
        assertThat(config.nbiot().toString()).doesNotContain("tok").doesNotContain(ENV.get("PARKPULSE_CTWING_TOKEN"))
                .doesNotContain(ENV.get("PARKPULSE_HUAWEI_TOKEN"));
        assertThat(config.nbiot().ctwingToken()).isEqualTo(ENV.get("PARKPULSE_CTWING_TOKEN"));
        assertThat(config.nbiot().huaweiToken()).isEqualTo(ENV.get("PARKPULSE_HUAWEI_TOKEN"));
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.http().statusToken()).isEqualTo(ENV.get("PARKPULSE_GATEWAY_STATUS_TOKEN"));
        assertThat(config.http().toString()).doesNotContain(config.http().statusToken());
        assertThat(config.polling().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.polling().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.buffer().maxBytes()).isEqualTo(64L << 20);
        assertThat(config.buffer().whenFull()).isEqualTo(FullPolicy.SHED_LEAST_IMPORTANT);
        assertThat(config.devices()).extracting(DeviceConfig::meter)
                .containsExactly("E-HD-MAIN", "E-HD-CNC", "E-XY-KILN", "W-XY-01", "W-HD-01");

        DeviceConfig main = config.devices().get(0);
        assertThat(main.endpoint()).isEqualTo(new Endpoint("192.168.10.21", 8899));
        DeviceSettings.Dlt645 dlt = (DeviceSettings.Dlt645) main.settings();
        assertThat(dlt.address()).isEqualTo("000012345678");
        assertThat(dlt.points()).extracting(PointConfig::source).contains(DataIdentifier.FORWARD_ACTIVE_ENERGY,
                DataIdentifier.TOTAL_ACTIVE_POWER);
        assertThat(dlt.points()).filteredOn(p -> p.quantity() == Quantity.ENERGY_KWH)
                .singleElement().extracting(PointConfig::importance).isEqualTo(Importance.HIGH);
        assertThat(config.devices().get(1).interval()).isEqualTo(Duration.ofMinutes(1));

        DeviceSettings.Modbus modbus = (DeviceSettings.Modbus) config.devices().get(2).settings();
        assertThat(modbus.unitId()).isEqualTo(1);
        PointConfig<RegisterValue> reactive = modbus.points().stream().filter(p -> p.quantity() == Quantity.REACTIVE_POWER_KVAR)
                .findFirst().orElseThrow();
        assertThat(reactive.source()).isEqualTo(new RegisterValue(RegisterTable.INPUT, 0x3C, DataType.FLOAT32, WordOrder.HIGH_FIRST, 0.001));
        assertThat(reactive.importance()).isEqualTo(Importance.LOW);
        assertThat(modbus.points()).extracting(PointConfig::quantity).contains(Quantity.ENERGY_KWH, Quantity.POWER_KW);

        DeviceSettings.Cjt188 water = (DeviceSettings.Cjt188) config.devices().get(3).settings();
        assertThat(water.meterType()).isEqualTo(0x10);
        assertThat(water.diOrder()).isEqualTo(DiOrder.HIGH_FIRST);
        assertThat(water.points()).singleElement().extracting(PointConfig::source).isEqualTo(Cjt188Field.CURRENT_FLOW);

        DeviceConfig nb = config.devices().get(4);
        assertThat(nb.endpoint()).isNull();
        DeviceSettings.NbIot nbSettings = (DeviceSettings.NbIot) nb.settings();
        assertThat(nbSettings.imei()).isEqualTo("862592051651472");
        assertThat(nbSettings.points()).extracting(PointConfig::source).containsExactly(PayloadField.VOLUME, PayloadField.BATTERY);
    }

    @Test
    void everyMistakeIsNamedWithLineAndFieldInOneRun() {
        String text = """
                gateway:
                  park: demo-park
                  id: gw north
                broker:
                  url: http://broker:1883
                  password_env: NOT_SET_ANYWHERE
                polling:
                  interval: every 15 minutes
                  retries: 9
                buffer:
                  when_full: panic
                devices:
                  - meter: E-1
                    protocol: dlt645
                    endpoint: converter:99999
                    address: "12345"
                    points:
                      energy_kwh: {di: "02030000"}
                      enrgy_kwh: {di: "00010000"}
                  - meter: E-1
                    protocol: modbuss
                  - meter: E-2
                    protocol: modbus
                    endpoint: 10.0.0.9:502
                    profile: eastron-sdm360
                    points:
                      state: {register: 0x10, type: uint16}
                  - meter: W-1
                    protocol: nbiot
                    endpoint: 10.0.0.9:502
                    imei: "12"
                    points:
                      volume_m3: battery
                """;

        assertThatThrownBy(() -> reader.read("gw.yaml", text, null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> {
                    List<String> lines = e.errors().stream().map(ConfigFileError::toString).toList();
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("gw.yaml:3:").contains("gateway.id").contains("not a valid id"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("gw.yaml:5:").contains("broker.url").contains("tcp:// or ssl://"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("broker.password_env").contains("NOT_SET_ANYWHERE").contains("not set"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("gw.yaml:8:").contains("polling.interval").contains("PT15M"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("polling.retries").contains("0 to 5"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("buffer.when_full").contains("drop_oldest"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[0].endpoint").contains("1 to 65535"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[0].address").contains("12-digit"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[0].points.energy_kwh").contains("DI 02030000 is power_kw"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[0].points.enrgy_kwh").contains("did you mean \"energy_kwh\""));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[1].meter").contains("already configured at devices[0]"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[1].protocol").contains("modbus, dlt645"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[2].profile").contains("did you mean \"eastron-sdm630\""));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[2].points.state").contains("reads numbers only"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[3].endpoint").contains("remove endpoint"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[3].imei").contains("15-digit"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("devices[3].points.volume_m3").contains("battery is battery_v"));
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
    }

    @Test
    void aSiteProfileIsUsedAndItsMistakesAreReportedWithTheProfilesLine(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("acme-meter.yaml"), """
                protocol: modbus
                points:
                  energy_kwh: {table: holding, register: 0x0100, type: uint32, order: low_first, scale: 0.01}
                  power_kw: {table: holding, register: 0x0200, type: float64}
                """);
        GatewayConfigReader withSite = new GatewayConfigReader(ENV::get, ProfileCatalog.withSiteDirectory(site));
        String text = """
                gateway: {park: p1, id: g1}
                broker: {url: "tcp://localhost:1883"}
                devices:
                  - {meter: E-1, protocol: modbus, endpoint: "10.0.0.5:502", unit_id: 7, profile: acme-meter}
                """;

        assertThatThrownBy(() -> withSite.read("g.yaml", text, null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.toString()).contains("devices[0].profile")
                                .contains("acme-meter.yaml:4").contains("points.power_kw.type").contains("float32")));

        Files.writeString(site.resolve("acme-meter.yaml"), Files.readString(site.resolve("acme-meter.yaml")).replace("float64", "float32"));
        GatewayConfig config = withSite.read("g.yaml", text, null);
        DeviceSettings.Modbus modbus = (DeviceSettings.Modbus) config.devices().get(0).settings();
        assertThat(modbus.unitId()).isEqualTo(7);
        assertThat(modbus.points().get(0).source()).isEqualTo(new RegisterValue(RegisterTable.HOLDING, 0x100, DataType.UINT32, WordOrder.LOW_FIRST, 0.01));
        assertThat(config.buffer().whenFull()).isEqualTo(FullPolicy.DROP_OLDEST);
        assertThat(config.polling().interval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void keepingAtLeastDropsLessImportantPoints() {
        String text = """
                gateway: {park: p1, id: g1}
                broker: {url: "tcp://localhost:1883"}
                devices:
                  - {meter: E-1, protocol: dlt645, endpoint: "10.0.0.5:8899", address: "000000000001", profile: dlt645-three-phase}
                """;
        DeviceConfig device = reader.read("g.yaml", text, null).devices().get(0);

        assertThat(device.keepingAtLeast(Importance.LOW).settings().points()).hasSameSizeAs(device.settings().points());
        assertThat(device.keepingAtLeast(Importance.HIGH).settings().points()).extracting(PointConfig::quantity)
                .containsOnly(Quantity.ENERGY_KWH, Quantity.REVERSE_ENERGY_KWH);
        assertThat(device.keepingAtLeast(Importance.NORMAL).settings().points()).extracting(PointConfig::quantity)
                .doesNotContain(Quantity.FREQUENCY_HZ).contains(Quantity.POWER_KW);
    }

    @Test
    void aDlt645MeterClockRunsOnBeijingTimeUnlessTheDeviceSaysOtherwise() {
        String text = """
                gateway: {park: p1, id: g1}
                broker: {url: "tcp://localhost:1883"}
                devices:
                  - {meter: E-1, protocol: dlt645, endpoint: "10.0.0.5:8899", address: "000000000001", profile: dlt645-multifunction}
                  - {meter: E-2, protocol: dlt645, endpoint: "10.0.0.5:8899", address: "000000000002", profile: dlt645-energy-only, clock_zone: Asia/Urumqi}
                """;
        List<DeviceConfig> devices = reader.read("g.yaml", text, null).devices();
        assertThat(((DeviceSettings.Dlt645) devices.get(0).settings()).clockZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(((DeviceSettings.Dlt645) devices.get(0).settings()).points()).hasSize(28)
                .anySatisfy(p -> assertThat(p.source()).isEqualTo(DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND));
        assertThat(((DeviceSettings.Dlt645) devices.get(1).settings()).clockZone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));

        assertThatThrownBy(() -> reader.read("g.yaml", text.replace("Asia/Urumqi", "Beijing"), null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.toString()).contains("g.yaml:5:").contains("devices[1].clock_zone")
                                .contains("\"Beijing\" is not a time zone such as Asia/Shanghai")));
        assertThatThrownBy(() -> reader.read("g.yaml", text.replace("protocol: dlt645, endpoint: \"10.0.0.5:8899\", address: \"000000000002\", profile: dlt645-energy-only",
                        "protocol: modbus, endpoint: \"10.0.0.5:502\", unit_id: 2, profile: eastron-sdm630"), null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors().toString())
                        .contains("devices[1].clock_zone"));
    }

    @Test
    void anIdentifierReadUnderTheWrongNameSaysWhichNamesItHas() {
        String text = """
                gateway: {park: p1, id: g1}
                broker: {url: "tcp://localhost:1883"}
                devices:
                  - meter: E-1
                    protocol: dlt645
                    endpoint: "10.0.0.5:8899"
                    address: "000000000001"
                    points: {current_a: {di: "02010100"}}
                """;
        assertThatThrownBy(() -> reader.read("g.yaml", text, null))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors()).first()
                        .satisfies(err -> assertThat(err.toString()).isEqualTo(
                                "g.yaml:8:25: devices[0].points.current_a.di: DI 02010100 is voltage_v or voltage_l1_v, not current_a")));
    }
}
