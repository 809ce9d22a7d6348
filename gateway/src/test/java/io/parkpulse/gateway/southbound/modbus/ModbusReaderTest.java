package io.parkpulse.gateway.southbound.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.emulators.ModbusEmulator;
import io.parkpulse.emulators.ModbusMeterLayout;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.modbus.DataType;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import io.parkpulse.protocols.modbus.WordOrder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against the real emulator over TCP on localhost: two meters behind one Modbus TCP gateway. */
class ModbusReaderTest {

    private static final int EASTRON_UNIT = 1;
    private static final int CHINT_UNIT = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** What the simulated meters show; tests change it to see live values. */
    private final Map<String, Map<Quantity, Double>> shown = new ConcurrentHashMap<>();
    private final MeterValues values = (meter, quantity) -> {
        Double value = shown.getOrDefault(meter, Map.of()).get(quantity);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    };
    private final List<ModbusReader> readers = new ArrayList<>();
    private ModbusEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        shown.put("eastron-1", new EnumMap<>(Map.of(
                Quantity.VOLTAGE_V, 231.4, Quantity.CURRENT_A, 12.5, Quantity.POWER_KW, 8.62,
                Quantity.REACTIVE_POWER_KVAR, -1.25, Quantity.POWER_FACTOR, 0.97, Quantity.FREQUENCY_HZ, 50.01,
                Quantity.ENERGY_KWH, 123_456.7, Quantity.REVERSE_ENERGY_KWH, 12.3)));
        shown.put("chint-3", new EnumMap<>(Map.of(
                Quantity.VOLTAGE_V, 228.9, Quantity.CURRENT_A, 3.217, Quantity.POWER_KW, 2.05,
                Quantity.REACTIVE_POWER_KVAR, 0.4, Quantity.POWER_FACTOR, 0.981, Quantity.FREQUENCY_HZ, 49.98,
                Quantity.ENERGY_KWH, 98_765.4, Quantity.REVERSE_ENERGY_KWH, 0.0)));
        emulator = startEmulator(0);
    }

    @AfterEach
    void stop() {
        readers.forEach(ModbusReader::close);
        emulator.close();
    }

    @Test
    void eastron_sdm630_values_arrive_as_the_meter_shows_them() throws IOException {
        Readout readout = reader(EASTRON_UNIT, pointsOf(ModbusMeterLayout.eastronSdm630())).read();
        assertThat(readout.problems()).isEmpty();
        assertShows(readout, "eastron-1");
    }

    @Test
    void chint_dtsu666_values_arrive_as_the_meter_shows_them() throws IOException {
        Readout readout = reader(CHINT_UNIT, pointsOf(ModbusMeterLayout.chintDtsu666())).read();
        assertThat(readout.problems()).isEmpty();
        assertShows(readout, "chint-3");
    }

    /** The shipped profiles and the emulator layouts were taken from the same documents: they must agree. */
    @Test
    void the_shipped_profiles_read_the_emulated_meters() throws IOException {
        String text = """
                gateway: {park: p1, id: g1}
                broker: {url: "tcp://localhost:1883"}
                devices:
                  - {meter: E-1, protocol: modbus, endpoint: "127.0.0.1:%d", unit_id: 1, profile: eastron-sdm630}
                  - {meter: E-3, protocol: modbus, endpoint: "127.0.0.1:%d", unit_id: 3, profile: chint-dtsu666}
                """.formatted(emulator.port(), emulator.port());
        List<DeviceConfig> devices = GatewayConfigReader.withSystemEnvironment().read("g.yaml", text, null).devices();
        for (DeviceConfig device : devices) {
            ModbusReader reader = new ModbusReader(device.endpoint(), (DeviceSettings.Modbus) device.settings(), TIMEOUT, 1);
            readers.add(reader);
            Readout readout = reader.read();
            assertThat(readout.problems()).isEmpty();
            assertShows(readout, device.meter().equals("E-1") ? "eastron-1" : "chint-3");
        }
    }

    @Test
    void every_read_sees_the_values_of_that_moment() throws IOException {
        ModbusReader reader = reader(EASTRON_UNIT, pointsOf(ModbusMeterLayout.eastronSdm630()));
        reader.read();
        shown.get("eastron-1").put(Quantity.ENERGY_KWH, 123_460.0);
        assertThat(valueOf(reader.read(), Quantity.ENERGY_KWH)).isEqualTo(123_460.0);
    }

    @Test
    void an_address_the_device_refuses_is_a_problem_and_the_rest_still_arrives() throws IOException {
        List<PointConfig<RegisterValue>> points = new ArrayList<>(pointsOf(ModbusMeterLayout.eastronSdm630()));
        // far from everything else: a block of its own
        points.add(point(Quantity.TEMPERATURE_C, input(0x0500)));
        // 0x0050 is just past the meter's map but close enough to share the read with the energy registers
        points.add(point(Quantity.RUN_HOURS, input(0x0050)));
        Readout readout = reader(EASTRON_UNIT, points).read();
        assertShows(readout, "eastron-1");
        assertThat(readout.problems()).containsExactlyInAnyOrder(
                "temperature_c at input register 0x0500 (float32 high_first): device refused function 04 for 2 "
                        + "register(s) from 0x0500: exception 02 (Illegal Data Address)",
                "run_hours at input register 0x0050 (float32 high_first): device refused function 04 for 2 "
                        + "register(s) from 0x0050: exception 02 (Illegal Data Address)");
    }

    @Test
    void a_unit_id_nobody_answers_to_makes_every_point_a_problem() throws IOException {
        Readout readout = reader(9, pointsOf(ModbusMeterLayout.chintDtsu666())).read();
        assertThat(readout.values()).isEmpty();
        assertThat(readout.problems()).hasSize(8).allMatch(p -> p.contains("exception 0B"));
    }

    @Test
    void nan_missing_and_implausible_values_are_problems_with_reasons() throws IOException {
        Map<Quantity, Double> meter = shown.get("eastron-1");
        meter.put(Quantity.VOLTAGE_V, Double.NaN);
        meter.remove(Quantity.CURRENT_A);
        meter.put(Quantity.POWER_FACTOR, 3.0);
        Readout readout = reader(EASTRON_UNIT, pointsOf(ModbusMeterLayout.eastronSdm630())).read();
        assertThat(readout.problems()).containsExactlyInAnyOrder(
                "voltage_v: input register 0x0000 (float32 high_first) holds NaN (raw 0x7FC00000), not a number",
                "current_a at input register 0x0006 (float32 high_first): device refused function 04 for 2 "
                        + "register(s) from 0x0006: exception 04 (Slave Device Failure)",
                "power_factor at input register 0x003E (float32 high_first): 3.0 1 is outside the plausible -1.0…1.0");
        assertThat(readout.values()).extracting(Value::quantity).contains(Quantity.ENERGY_KWH, Quantity.POWER_KW)
                .doesNotContain(Quantity.VOLTAGE_V, Quantity.CURRENT_A, Quantity.POWER_FACTOR);
    }

    @Test
    void a_stopped_device_is_an_io_error_and_is_read_again_once_it_is_back() throws IOException {
        ModbusReader reader = reader(CHINT_UNIT, pointsOf(ModbusMeterLayout.chintDtsu666()));
        assertThat(reader.read().values()).hasSize(8);
        int port = emulator.port();
        emulator.close();
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessageContaining("127.0.0.1:" + port);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessageContaining("cannot connect");

        emulator = startEmulator(port);
        Readout readout = reader.read();
        assertThat(readout.problems()).isEmpty();
        assertShows(readout, "chint-3");
    }

    @Test
    void nothing_listening_is_an_io_error() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ModbusReader reader = new ModbusReader(new Endpoint("127.0.0.1", port),
                new DeviceSettings.Modbus(1, pointsOf(ModbusMeterLayout.eastronSdm630())), TIMEOUT, 0);
        readers.add(reader);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot connect to Modbus device 127.0.0.1:" + port + " (unit 1)");
    }

    private ModbusEmulator startEmulator(int port) throws IOException {
        return new ModbusEmulator(values, Map.of(
                EASTRON_UNIT, new ModbusEmulator.Meter("eastron-1", ModbusMeterLayout.eastronSdm630()),
                CHINT_UNIT, new ModbusEmulator.Meter("chint-3", ModbusMeterLayout.chintDtsu666())), port);
    }

    private ModbusReader reader(int unitId, List<PointConfig<RegisterValue>> points) {
        ModbusReader reader = new ModbusReader(new Endpoint("127.0.0.1", emulator.port()),
                new DeviceSettings.Modbus(unitId, points), TIMEOUT, 1);
        readers.add(reader);
        return reader;
    }

    /** Every quantity the meter shows arrives, equal within float32 precision. */
    private void assertShows(Readout readout, String meter) {
        Map<Quantity, Double> expected = shown.get(meter);
        assertThat(readout.values()).extracting(Value::quantity).containsAll(expected.keySet());
        expected.forEach((quantity, number) -> assertThat(valueOf(readout, quantity))
                .as(quantity.wireName()).isCloseTo(number, org.assertj.core.data.Offset.offset(Math.abs(number) * 1e-6 + 1e-9)));
    }

    private static double valueOf(Readout readout, Quantity quantity) {
        return readout.values().stream().filter(v -> v.quantity() == quantity).findFirst().orElseThrow().number();
    }

    private static List<PointConfig<RegisterValue>> pointsOf(ModbusMeterLayout layout) {
        return layout.points().stream().map(p -> point(p.quantity(), p.register())).toList();
    }

    private static PointConfig<RegisterValue> point(Quantity quantity, RegisterValue register) {
        return new PointConfig<>(quantity, Importance.defaultFor(quantity), register);
    }

    private static RegisterValue input(int address) {
        return new RegisterValue(RegisterTable.INPUT, address, DataType.FLOAT32, WordOrder.HIGH_FIRST, 1);
    }
}
