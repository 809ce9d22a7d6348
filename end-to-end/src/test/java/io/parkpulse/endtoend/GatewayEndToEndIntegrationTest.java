package io.parkpulse.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.Cjt188Emulator;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.emulators.ModbusEmulator;
import io.parkpulse.emulators.ModbusMeterLayout;
import io.parkpulse.emulators.NbIotPusher;
import io.parkpulse.gateway.Gateway;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meter emulators speaking DL/T 645, Modbus TCP (two real register maps), CJ/T 188 (water, heat and gas meters) and
 * NB-IoT pushes → the gateway → real Mosquitto → ingest → real InfluxDB: every protocol's readings arrive with the
 * values the meters showed, in the contract's units (scaled by the park file's CT ratio), at the time they were read.
 */
@RealServicesTest
class GatewayEndToEndIntegrationTest {

    static final String DB = "parkpulse";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path parks;
    @TempDir
    static Path work;

    static final MeterDisplays displays = new MeterDisplays();
    static InfluxDb influx;
    static RunningIngest ingest;
    static Dlt645Emulator dlt645;
    static ModbusEmulator modbus;
    static Cjt188Emulator cjt188;
    static Gateway gateway;
    static long started;

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb db) throws Exception {
        influx = db;
        started = System.currentTimeMillis();
        TestParkFiles.copyInto(parks);
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), db.url(), parks, "ingest-gateway-test", Map.of()));

        displays.show("E-DLT-1", Quantity.ENERGY_KWH, 1234.56).show("E-DLT-1", Quantity.REVERSE_ENERGY_KWH, 1.5)
                .show("E-DLT-1", Quantity.POWER_KW, 12.3456).show("E-DLT-1", Quantity.REACTIVE_POWER_KVAR, -0.5)
                .show("E-DLT-1", Quantity.VOLTAGE_V, 230.1).show("E-DLT-1", Quantity.CURRENT_A, 5.123)
                .show("E-DLT-1", Quantity.POWER_FACTOR, 0.95).show("E-DLT-1", Quantity.FREQUENCY_HZ, 50.01);
        displays.show("E-MB-1", Quantity.ENERGY_KWH, 5678.5).show("E-MB-1", Quantity.POWER_KW, 2.5)
                .show("E-MB-1", Quantity.VOLTAGE_V, 231.5).show("E-MB-1", Quantity.CURRENT_A, 3.25);
        displays.show("E-MB-2", Quantity.ENERGY_KWH, 4321.25).show("E-MB-2", Quantity.POWER_KW, 1.75)
                .show("E-MB-2", Quantity.VOLTAGE_V, 229.8);
        displays.show("W-CJ-1", Quantity.VOLUME_M3, 345.67);
        displays.show("H-CJ-1", Quantity.HEAT_GJ, 1234.5).show("H-CJ-1", Quantity.HEAT_POWER_KW, 85.25)
                .show("H-CJ-1", Quantity.FLOW_M3H, 3.4567).show("H-CJ-1", Quantity.HEAT_VOLUME_M3, 5678.9)
                .show("H-CJ-1", Quantity.SUPPLY_TEMPERATURE_C, 75.5).show("H-CJ-1", Quantity.RETURN_TEMPERATURE_C, 55.25)
                .show("H-CJ-1", Quantity.RUN_HOURS, 4321);
        displays.show("G-CJ-1", Quantity.GAS_M3, 8765.432);

        dlt645 = new Dlt645Emulator(0, displays, Map.of("000000000001", "E-DLT-1"));
        modbus = new ModbusEmulator(displays, Map.of(
                1, new ModbusEmulator.Meter("E-MB-1", ModbusMeterLayout.eastronSdm630()),
                2, new ModbusEmulator.Meter("E-MB-2", ModbusMeterLayout.chintDtsu666())), 0);
        cjt188 = new Cjt188Emulator(0, displays, Map.of("00000000112233", "W-CJ-1", "00000000112234", "H-CJ-1",
                "00000000112235", "G-CJ-1"));

        String yaml = """
                gateway: {park: gw-test-park, id: gw-test}
                broker: {url: "%s"}
                polling: {interval: 2s, timeout: 1s}
                buffer: {directory: "%s"}
                http: {host: 127.0.0.1, port: 0}
                nbiot: {coap_port: 0}
                devices:
                  - {meter: E-DLT-1, protocol: dlt645, endpoint: "127.0.0.1:%d", address: "000000000001", profile: dlt645-three-phase}
                  - {meter: E-MB-1, protocol: modbus, endpoint: "127.0.0.1:%d", unit_id: 1, profile: eastron-sdm630}
                  - {meter: E-MB-2, protocol: modbus, endpoint: "127.0.0.1:%d", unit_id: 2, profile: chint-dtsu666}
                  - {meter: W-CJ-1, protocol: cjt188, endpoint: "127.0.0.1:%d", address: "00000000112233", profile: cjt188-cold-water}
                  - {meter: H-CJ-1, protocol: cjt188, endpoint: "127.0.0.1:%d", address: "00000000112234", profile: cjt188-heat}
                  - {meter: G-CJ-1, protocol: cjt188, endpoint: "127.0.0.1:%d", address: "00000000112235", profile: cjt188-gas}
                  - meter: W-NB-1
                    protocol: nbiot
                    device_id: ctwing-dev-1
                    imei: "862592051651472"
                    points: {volume_m3: volume, battery_v: battery}
                """.formatted(broker.url(), work.resolve("buffer"), dlt645.port(), modbus.port(), modbus.port(), cjt188.port(),
                cjt188.port(), cjt188.port());
        GatewayConfig config = new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn())
                .read("gateway.yaml", yaml, work);
        gateway = Gateway.start(config);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        dlt645.close();
        modbus.close();
        cjt188.close();
        ingest.close();
    }

    @Test
    void dlt645ReadingsArriveScaledByTheCtRatioWithTheirReadTime() throws Exception {
        List<Object> row = latest("SELECT energy_kwh, reverse_energy_kwh, power_kw, reactive_power_kvar, voltage_v, current_a, "
                + "power_factor, frequency_hz FROM electricity WHERE meter = 'E-DLT-1'");
        assertThat(number(row.get(0))).isBetween((double) started, (double) System.currentTimeMillis());
        assertThat(number(row.get(1))).isCloseTo(1234.56 * 40, within(1e-6));
        assertThat(number(row.get(2))).isCloseTo(1.5 * 40, within(1e-6));
        assertThat(number(row.get(3))).isCloseTo(12.3456 * 40, within(1e-6));
        assertThat(number(row.get(4))).isCloseTo(-0.5 * 40, within(1e-6));
        assertThat(number(row.get(5))).isCloseTo(230.1, within(1e-6));
        assertThat(number(row.get(6))).isCloseTo(5.123 * 40, within(1e-6));
        assertThat(number(row.get(7))).isCloseTo(0.95, within(1e-9));
        assertThat(number(row.get(8))).isCloseTo(50.01, within(1e-9));
    }

    @Test
    void modbusReadingsOfBothRegisterMapsArrive() throws Exception {
        List<Object> sdm = latest("SELECT energy_kwh, power_kw, voltage_v, current_a FROM electricity WHERE meter = 'E-MB-1'");
        assertThat(number(sdm.get(1))).isCloseTo(5678.5, within(1e-3));
        assertThat(number(sdm.get(2))).isCloseTo(2.5, within(1e-6));
        assertThat(number(sdm.get(3))).isCloseTo(231.5, within(1e-4));
        assertThat(number(sdm.get(4))).isCloseTo(3.25, within(1e-6));

        List<Object> chint = latest("SELECT energy_kwh, power_kw, voltage_v FROM electricity WHERE meter = 'E-MB-2'");
        assertThat(number(chint.get(1))).isCloseTo(4321.25, within(1e-3));
        assertThat(number(chint.get(2))).isCloseTo(1.75, within(1e-6));
        assertThat(number(chint.get(3))).isCloseTo(229.8, within(1e-4));
        assertThat(number(chint.get(0))).isGreaterThanOrEqualTo(started);
    }

    @Test
    void cjt188WaterVolumeArrivesInCubicMetres() throws Exception {
        List<Object> row = latest("SELECT volume_m3 FROM water WHERE meter = 'W-CJ-1'");
        assertThat(number(row.get(1))).isCloseTo(345.67, within(1e-9));
        assertThat(number(row.get(0))).isBetween((double) started, (double) System.currentTimeMillis());
    }

    /**
     * The heat meter shows 1 234.5 GJ; its CJ/T 188 reply carries it in kWh, truncated to the display's 0.01 kWh:
     * 342 916.66 kWh, which the gateway converts back: 342 916.66 × 0.0036 = 1 234.499976 GJ. Every value of the
     * cjt188-heat profile reaches measurement heat in the contract's unit.
     */
    @Test
    void cjt188HeatMeterReadingsArriveInMeasurementHeatInGigajoulesAndDegrees() throws Exception {
        List<Object> row = latest("SELECT heat_gj, heat_power_kw, flow_m3h, heat_volume_m3, supply_temperature_c, "
                + "return_temperature_c, run_hours FROM heat WHERE meter = 'H-CJ-1'");
        assertThat(number(row.get(0))).isBetween((double) started, (double) System.currentTimeMillis());
        assertThat(number(row.get(1))).isCloseTo(1234.499976, within(1e-9));
        assertThat(number(row.get(2))).isCloseTo(85.25, within(1e-9));
        assertThat(number(row.get(3))).isCloseTo(3.4567, within(1e-9));
        assertThat(number(row.get(4))).isCloseTo(5678.9, within(1e-9));
        assertThat(number(row.get(5))).isCloseTo(75.5, within(1e-9));
        assertThat(number(row.get(6))).isCloseTo(55.25, within(1e-9));
        assertThat(number(row.get(7))).isCloseTo(4321, within(1e-9));
    }

    @Test
    void cjt188GasVolumeArrivesInMeasurementGas() throws Exception {
        List<Object> row = latest("SELECT gas_m3 FROM gas WHERE meter = 'G-CJ-1'");
        assertThat(number(row.get(1))).isCloseTo(8765.43, within(1e-9)); // the display truncates to 0.01 m³
        assertThat(number(row.get(0))).isBetween((double) started, (double) System.currentTimeMillis());
    }

    @Test
    void nbIotFrozenValuesArriveWithTheirOwnTimesAndARepushAddsNothing() throws Exception {
        long hour = 3_600_000;
        long base = Math.floorDiv(System.currentTimeMillis(), hour) * hour - 3 * hour;
        List<Reading> frozen = List.of(
                new Reading("W-NB-1", base, List.of(Value.of(Quantity.VOLUME_M3, 10.001))),
                new Reading("W-NB-1", base + hour, List.of(Value.of(Quantity.VOLUME_M3, 10.25))),
                new Reading("W-NB-1", base + 2 * hour, List.of(Value.of(Quantity.VOLUME_M3, 10.5), Value.of(Quantity.BATTERY_V, 3.6))));
        try (NbIotPusher pusher = new NbIotPusher(new NbIotPusher.HttpTarget(URI.create("http://127.0.0.1:" + gateway.httpPort()),
                NbIotPusher.Carrier.CTWING, null), Map.of("W-NB-1", new NbIotPusher.Identity("ctwing-dev-1", "862592051651472")))) {
            assertThat(pusher.send("W-NB-1", frozen).get()).isEqualTo(200);
            QueryResult rows = awaitRows("SELECT volume_m3, battery_v FROM water WHERE meter = 'W-NB-1' AND time >= " + base + "ms", 3);
            assertThat(rows.single().values()).extracting(r -> number(r.get(0))).containsExactly((double) base,
                    (double) (base + hour), (double) (base + 2 * hour));
            assertThat(rows.single().values()).extracting(r -> number(r.get(1))).containsExactly(10.001, 10.25, 10.5);
            assertThat(number(rows.single().values().get(2).get(2))).isCloseTo(3.6, within(1e-9));

            JsonObject nb = gateway.status().getJsonArray("devices").stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("meter").equals("W-NB-1")).findFirst().orElseThrow();
            assertThat(nb.getLong("reads")).as("the uplink shows on the status page").isPositive();
            assertThat(nb.getInteger("last_values")).isEqualTo(4);

            assertThat(pusher.send("W-NB-1", frozen).get()).isEqualTo(200);
            Thread.sleep(1_500);
            assertThat(influx.count(DB, "SELECT count(volume_m3) FROM water WHERE meter = 'W-NB-1'")).isEqualTo(3);
        }
    }

    @Test
    void statusAndMetricsShowDevicesAndTheEmptyBuffer() throws Exception {
        Await.until(WAIT, () -> gateway.status().getJsonArray("devices").stream()
                .filter(d -> !((JsonObject) d).getString("protocol").equals("nbiot"))
                .allMatch(d -> ((JsonObject) d).getLong("reads") > 0), () -> gateway.status().encodePrettily());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject json = new JsonObject(status.body());
        assertThat(json.getString("gateway")).isEqualTo("gw-test");
        assertThat(json.getJsonObject("broker").getBoolean("connected")).isTrue();
        JsonObject dlt = json.getJsonArray("devices").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("meter").equals("E-DLT-1")).findFirst().orElseThrow();
        assertThat(dlt.getInteger("last_values")).isEqualTo(8);
        assertThat(dlt.getLong("failures")).isZero();
        assertThat(json.getJsonObject("buffer").getLong("dropped_readings")).isZero();

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("parkpulse_gateway_readings_published_total").contains("parkpulse_gateway_buffer_messages")
                .contains("parkpulse_gateway_reads_total{meter=\"W-CJ-1\",outcome=\"ok\"}")
                // the Chint meter's display shows no power factor: that point is named, the others were stored
                .contains("parkpulse_gateway_reads_total{meter=\"E-MB-2\",outcome=\"partial\"}");
        JsonObject chint = json.getJsonArray("devices").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("meter").equals("E-MB-2")).findFirst().orElseThrow();
        assertThat(chint.getJsonArray("last_problems").encode()).contains("power_factor");
    }

    static List<Object> latest(String influxql) throws InterruptedException {
        QueryResult result = awaitRows(influxql + " ORDER BY time DESC LIMIT 1", 1);
        return result.single().values().get(0);
    }

    static QueryResult awaitRows(String influxql, int rows) throws InterruptedException {
        QueryResult[] last = new QueryResult[1];
        Await.until(WAIT, () -> {
            last[0] = influx.query(DB, influxql);
            return !last[0].isEmpty() && last[0].series().stream().mapToInt(s -> s.values().size()).sum() >= rows;
        }, () -> String.valueOf(last[0]) + "\n" + gateway.status().encodePrettily());
        return last[0];
    }

    static double number(Object cell) {
        return ((Number) cell).doubleValue();
    }
}
