package io.parkpulse.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.Quantity;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded gateway jar, as a user runs it ({@code java -jar parkpulse-gateway.jar --config …}), reads an emulated
 * DL/T 645-2007 multi-function meter with the built-in {@code dlt645-multifunction} profile — tariff energies, the last
 * settlement, reactive energy by quadrant, apparent energy, the maximum demand and when it occurred, per-phase values
 * — and everything reaches InfluxDB through a real Mosquitto and ingest, scaled by the meter's transformer ratios.
 */
@RealServicesTest
class Dlt645MultifunctionJarIntegrationTest {

    static final String DB = "parkpulse";
    static final String PARK_FILE = """
            schema_version: 1
            park: {id: dlt-park, name: 多功能表测试园区, time_zone: Asia/Shanghai}
            gateways:
              - {id: gw-dlt}
            meters:
              - {id: E-MF-1, kind: electricity, gateway: gw-dlt, ct_ratio: 40, pt_ratio: 100}   # 200/5 A, 10 kV/100 V
            """;

    @TempDir
    Path dir;

    @Test
    void every_identifier_of_the_multifunction_profile_arrives_in_its_unit(MqttBroker broker, InfluxDb influx) throws Exception {
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parks.resolve("dlt-park.yaml"), PARK_FILE);
        long demandAt = LocalDateTime.of(2026, 11, 5, 14, 30).atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond();
        MeterDisplays displays = new MeterDisplays();
        displays.show("E-MF-1", Quantity.ENERGY_KWH, 1000.0).show("E-MF-1", Quantity.ENERGY_T1_KWH, 100.25)
                .show("E-MF-1", Quantity.ENERGY_T2_KWH, 300.5).show("E-MF-1", Quantity.ENERGY_T3_KWH, 400.0)
                .show("E-MF-1", Quantity.ENERGY_T4_KWH, 199.25).show("E-MF-1", Quantity.SETTLED_ENERGY_KWH, 900.75)
                .show("E-MF-1", Quantity.REVERSE_ENERGY_KWH, 1.5).show("E-MF-1", Quantity.REACTIVE_ENERGY_KVARH, 250.5)
                .show("E-MF-1", Quantity.REACTIVE_ENERGY_Q1_KVARH, 240.0).show("E-MF-1", Quantity.REACTIVE_ENERGY_Q2_KVARH, 0.5)
                .show("E-MF-1", Quantity.REACTIVE_ENERGY_Q3_KVARH, 0.25).show("E-MF-1", Quantity.REACTIVE_ENERGY_Q4_KVARH, 10.0)
                .show("E-MF-1", Quantity.APPARENT_ENERGY_KVAH, 1040.0).show("E-MF-1", Quantity.MAX_DEMAND_KW, 1.2345)
                .show("E-MF-1", Quantity.MAX_DEMAND_AT, demandAt).show("E-MF-1", Quantity.POWER_KW, 0.9876)
                .show("E-MF-1", Quantity.REACTIVE_POWER_KVAR, 0.25).show("E-MF-1", Quantity.APPARENT_POWER_KVA, 1.0188)
                .show("E-MF-1", Quantity.POWER_FACTOR, 0.969).show("E-MF-1", Quantity.VOLTAGE_L1_V, 100.1)
                .show("E-MF-1", Quantity.VOLTAGE_L2_V, 100.2).show("E-MF-1", Quantity.VOLTAGE_L3_V, 99.9)
                .show("E-MF-1", Quantity.CURRENT_L1_A, 3.301).show("E-MF-1", Quantity.CURRENT_L2_A, 3.302)
                .show("E-MF-1", Quantity.CURRENT_L3_A, 3.303).show("E-MF-1", Quantity.POWER_L1_KW, 0.3292)
                .show("E-MF-1", Quantity.POWER_L2_KW, 0.3293).show("E-MF-1", Quantity.POWER_L3_KW, 0.3291)
                .show("E-MF-1", Quantity.FREQUENCY_HZ, 50.02);

        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks,
                "ingest-dlt-jar-test", Map.of("PARKPULSE_INFLUX_DATABASE", DB)));
             Dlt645Emulator meter = new Dlt645Emulator(0, displays, Map.of("000000000042", "E-MF-1"))) {
            Path config = dir.resolve("gateway.yaml");
            Files.writeString(config, """
                    gateway: {park: dlt-park, id: gw-dlt}
                    broker: {url: "%s"}
                    polling: {interval: 2s, timeout: 1s}
                    buffer: {directory: "%s"}
                    http: {host: 127.0.0.1, port: 0}
                    nbiot: {coap_port: -1}
                    devices:
                      - {meter: E-MF-1, protocol: dlt645, endpoint: "127.0.0.1:%d", address: "000000000042", profile: dlt645-multifunction}
                    """.formatted(broker.url(), dir.resolve("buffer"), meter.port()));
            Path log = dir.resolve("gateway.log");
            Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-jar", ShadedJarsTest.jar("gateway").toString(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                QueryResult[] last = new QueryResult[1];
                String fields = "energy_kwh, energy_t1_kwh, energy_t2_kwh, energy_t3_kwh, energy_t4_kwh, settled_energy_kwh, "
                        + "reverse_energy_kwh, reactive_energy_kvarh, reactive_energy_q1_kvarh, reactive_energy_q4_kvarh, "
                        + "apparent_energy_kvah, max_demand_kw, max_demand_at, power_kw, apparent_power_kva, power_factor, "
                        + "voltage_l1_v, voltage_l3_v, current_l2_a, power_l3_kw, frequency_hz";
                Await.until(Duration.ofSeconds(40), () -> {
                    last[0] = influx.query(DB, "SELECT " + fields + " FROM electricity WHERE meter = 'E-MF-1' AND "
                            + "max_demand_at > 0 AND frequency_hz > 0 ORDER BY time DESC LIMIT 1");
                    return !last[0].isEmpty();
                }, () -> last[0] + "\n" + readLog(log));
                List<Object> row = last[0].single().values().get(0);
                double ctPt = 40 * 100;
                double[] expected = {1000.0 * ctPt, 100.25 * ctPt, 300.5 * ctPt, 400.0 * ctPt, 199.25 * ctPt, 900.75 * ctPt,
                    1.5 * ctPt, 250.5 * ctPt, 240.0 * ctPt, 10.0 * ctPt, 1040.0 * ctPt, 1.2345 * ctPt, demandAt, 0.9876 * ctPt,
                    1.0188 * ctPt, 0.969, 100.1 * 100, 99.9 * 100, 3.302 * 40, 0.3291 * ctPt, 50.02};
                for (int i = 0; i < expected.length; i++) {
                    assertThat(((Number) row.get(i + 1)).doubleValue()).as(fields.split(", ")[i]).isCloseTo(expected[i], within(1e-6));
                }
            } finally {
                gateway.destroy();
                if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
        }
    }

    static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no gateway log: " + e.getMessage() + ")";
        }
    }
}
