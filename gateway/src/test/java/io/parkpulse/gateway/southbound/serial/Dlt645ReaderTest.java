package io.parkpulse.gateway.southbound.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.MeterAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The DL/T 645 reader against the DL/T 645 emulator over real TCP on localhost. */
@Timeout(30)
class Dlt645ReaderTest {

    static final Duration TIMEOUT = Duration.ofMillis(400);

    /** What the emulated meters show; tests change it. */
    final Map<String, Map<Quantity, Double>> shown = new ConcurrentHashMap<>(Map.of(
            "E-01", new ConcurrentHashMap<>(Map.of(Quantity.ENERGY_KWH, 1234.56, Quantity.VOLTAGE_V, 220.5,
                    Quantity.CURRENT_A, -0.043, Quantity.POWER_KW, 1.2345)),
            "E-02", new ConcurrentHashMap<>(Map.of(Quantity.ENERGY_KWH, 77.0))));
    final MeterValues values = (meter, quantity) -> {
        Double v = shown.getOrDefault(meter, Map.of()).get(quantity);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    };

    Dlt645Emulator emulator;
    Dlt645Reader reader;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    Dlt645Emulator twoMeters() throws IOException {
        return new Dlt645Emulator(0, values, Map.of("000000001234", "E-01", "123456789012", "E-02"));
    }

    Dlt645Reader reader(String address, DataIdentifier... identifiers) {
        List<PointConfig<DataIdentifier>> points = Arrays.stream(identifiers)
                .map(d -> new PointConfig<>(d.quantity(), Importance.NORMAL, d)).toList();
        return new Dlt645Reader(new Endpoint("127.0.0.1", emulator.port()), new DeviceSettings.Dlt645(address, points),
                TIMEOUT, 1);
    }

    @Test
    void reads_every_point_in_its_format() throws IOException {
        emulator = twoMeters();
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY, DataIdentifier.PHASE_A_VOLTAGE,
                DataIdentifier.PHASE_A_CURRENT, DataIdentifier.TOTAL_ACTIVE_POWER);
        Readout readout = reader.read();
        assertThat(readout.problems()).isEmpty();
        assertThat(readout.values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 1234.56), Value.of(Quantity.VOLTAGE_V, 220.5),
                Value.of(Quantity.CURRENT_A, -0.043), Value.of(Quantity.POWER_KW, 1.2345));
        // the other meter on the same line answers for itself only
        try (Dlt645Reader other = reader("123456789012", DataIdentifier.COMBINED_ACTIVE_ENERGY)) {
            assertThat(other.read().values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 77.0));
        }
    }

    @Test
    void tariffs_quadrants_demand_with_its_time_and_phases_are_read_in_their_units() throws IOException {
        // 2026-11-05 14:30 Beijing time is 06:30 UTC
        long demandAt = java.time.LocalDateTime.of(2026, 11, 5, 14, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond();
        shown.put("E-03", new ConcurrentHashMap<>(Map.of(Quantity.ENERGY_T1_KWH, 111.11, Quantity.ENERGY_T4_KWH, 444.44,
                Quantity.SETTLED_ENERGY_KWH, 1000.5, Quantity.REACTIVE_ENERGY_KVARH, -12.34, Quantity.REACTIVE_ENERGY_Q2_KVARH, 2.5,
                Quantity.APPARENT_ENERGY_KVAH, 1500.25, Quantity.MAX_DEMAND_KW, 12.3456, Quantity.MAX_DEMAND_AT, (double) demandAt,
                Quantity.VOLTAGE_L2_V, 231.4, Quantity.CURRENT_L3_A, 4.567)));
        shown.get("E-03").put(Quantity.POWER_L1_KW, -0.8765);
        shown.get("E-03").put(Quantity.APPARENT_POWER_KVA, 1.5);
        emulator = new Dlt645Emulator(0, values, Map.of("000000000003", "E-03"));
        reader = reader("000000000003", DataIdentifier.FORWARD_ACTIVE_ENERGY_T1, DataIdentifier.FORWARD_ACTIVE_ENERGY_T4,
                DataIdentifier.SETTLED_FORWARD_ACTIVE_ENERGY, DataIdentifier.COMBINED_REACTIVE_ENERGY, DataIdentifier.Q2_REACTIVE_ENERGY,
                DataIdentifier.FORWARD_APPARENT_ENERGY, DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND, DataIdentifier.L2_VOLTAGE,
                DataIdentifier.L3_CURRENT, DataIdentifier.L1_ACTIVE_POWER, DataIdentifier.TOTAL_APPARENT_POWER);

        Readout readout = reader.read();

        assertThat(readout.problems()).isEmpty();
        assertThat(readout.values()).containsExactly(Value.of(Quantity.ENERGY_T1_KWH, 111.11), Value.of(Quantity.ENERGY_T4_KWH, 444.44),
                Value.of(Quantity.SETTLED_ENERGY_KWH, 1000.5), Value.of(Quantity.REACTIVE_ENERGY_KVARH, -12.34),
                Value.of(Quantity.REACTIVE_ENERGY_Q2_KVARH, 2.5), Value.of(Quantity.APPARENT_ENERGY_KVAH, 1500.25),
                Value.of(Quantity.MAX_DEMAND_KW, 12.3456), Value.of(Quantity.MAX_DEMAND_AT, demandAt),
                Value.of(Quantity.VOLTAGE_L2_V, 231.4), Value.of(Quantity.CURRENT_L3_A, 4.567),
                Value.of(Quantity.POWER_L1_KW, -0.8765), Value.of(Quantity.APPARENT_POWER_KVA, 1.5));
    }

    @Test
    void a_meter_clock_in_another_zone_is_read_in_that_zone() throws IOException {
        long demandAt = java.time.LocalDateTime.of(2026, 11, 5, 14, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond();
        shown.put("E-03", new ConcurrentHashMap<>(Map.of(Quantity.MAX_DEMAND_KW, 1.0, Quantity.MAX_DEMAND_AT, (double) demandAt)));
        emulator = new Dlt645Emulator(0, values, Map.of("000000000003", "E-03"));
        // the emulator's clock shows 14:30; a meter set to UTC+5 means 14:30 there, three hours later than Beijing's
        reader = new Dlt645Reader(new Endpoint("127.0.0.1", emulator.port()), new DeviceSettings.Dlt645("000000000003",
                List.of(new PointConfig<>(Quantity.MAX_DEMAND_KW, Importance.NORMAL, DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND)),
                java.time.ZoneId.of("Asia/Tashkent")), TIMEOUT, 1);
        assertThat(reader.read().values()).contains(Value.of(Quantity.MAX_DEMAND_AT, demandAt + 3 * 3600));
    }

    @Test
    void energy_is_shown_modulo_a_six_digit_register() throws IOException {
        shown.get("E-01").put(Quantity.ENERGY_KWH, 1_234_567.891);
        emulator = twoMeters();
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY);
        assertThat(reader.read().values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 234_567.89));
    }

    @Test
    void a_value_the_meter_lacks_is_a_problem_naming_the_point_and_the_others_arrive() throws IOException {
        emulator = twoMeters();
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY, DataIdentifier.GRID_FREQUENCY,
                DataIdentifier.PHASE_A_VOLTAGE);
        Readout readout = reader.read();
        assertThat(readout.values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 1234.56), Value.of(Quantity.VOLTAGE_V, 220.5));
        assertThat(readout.problems()).containsExactly("frequency_hz (DI 02800002): meter answered D1: no requested data");
    }

    @Test
    void echoes_of_the_request_are_skipped() throws IOException {
        emulator = twoMeters().echoRequests(true);
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY, DataIdentifier.PHASE_A_VOLTAGE);
        Readout readout = reader.read();
        assertThat(readout.problems()).isEmpty();
        assertThat(readout.values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 1234.56), Value.of(Quantity.VOLTAGE_V, 220.5));
    }

    @Test
    void a_connection_the_converter_closed_between_cycles_is_replaced_at_once() throws IOException {
        emulator = twoMeters();
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY);
        assertThat(reader.read().values()).hasSize(1);
        emulator.dropConnections(); // converters close idle clients
        shown.get("E-01").put(Quantity.ENERGY_KWH, 1300.0);
        assertThat(reader.read().values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 1300.0));
        assertThat(emulator.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void a_meter_that_is_not_on_the_line_or_a_converter_that_is_down_is_an_io_exception() throws IOException {
        emulator = twoMeters();
        reader = reader("999999999998", DataIdentifier.FORWARD_ACTIVE_ENERGY);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class)
                .hasMessageContaining("no reply from DL/T 645 meter 999999999998").hasMessageContaining("2 attempt(s)");
        reader.close();
        reader = reader("000000001234", DataIdentifier.FORWARD_ACTIVE_ENERGY);
        int port = emulator.port();
        emulator.close();
        // refused, or (seen on a loaded machine) accepted into the backlog and then reset or closed by the converter
        // shutting down: whichever, it is an IOException that names the converter
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessageContaining("converter 127.0.0.1:" + port)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("cannot connect"),
                        e -> assertThat(e).hasMessageContaining("Connection reset"),
                        e -> assertThat(e).hasMessageContaining("closed the connection"));
    }

    /**
     * A line whose voltage replies arrive with a corrupted checksum (a noisy bus): the emulators answer cleanly, so a
     * plain socket stands in for the converter here.
     */
    @Test
    void a_garbled_reply_is_a_problem_naming_the_point_and_the_reason_and_the_others_arrive() throws Exception {
        byte[] address = MeterAddress.toWire("000000001234");
        try (ServerSocket line = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread converter = new Thread(() -> {
                try (Socket s = line.accept()) {
                    Dlt645Decoder decoder = new Dlt645Decoder();
                    byte[] buffer = new byte[256];
                    for (int n = s.getInputStream().read(buffer); n >= 0; n = s.getInputStream().read(buffer)) {
                        decoder.append(buffer, 0, n);
                        for (Dlt645Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                            DataIdentifier di = DataIdentifier.byCode(ByteBuffer.wrap(((Dlt645Decoder.Decoded) r).frame().data())
                                    .order(ByteOrder.LITTLE_ENDIAN).getInt()).get(0);
                            byte[] data = ByteBuffer.allocate(4 + di.bytes()).put(di.wire()).put(di.encode(di == DataIdentifier.PHASE_A_VOLTAGE ? 230 : 10)).array();
                            byte[] reply = new Dlt645Frame(address, 0x91, data).encode(4);
                            if (di == DataIdentifier.PHASE_A_VOLTAGE) {
                                reply[reply.length - 2] ^= 0x01;
                            }
                            s.getOutputStream().write(reply);
                        }
                    }
                } catch (IOException e) {
                    // the reader went away
                }
            });
            converter.setDaemon(true);
            converter.start();
            List<PointConfig<DataIdentifier>> points = List.of(
                    new PointConfig<>(Quantity.ENERGY_KWH, Importance.HIGH, DataIdentifier.FORWARD_ACTIVE_ENERGY),
                    new PointConfig<>(Quantity.VOLTAGE_V, Importance.LOW, DataIdentifier.PHASE_A_VOLTAGE));
            reader = new Dlt645Reader(new Endpoint("127.0.0.1", line.getLocalPort()),
                    new DeviceSettings.Dlt645("000000001234", points), Duration.ofMillis(200), 2);
            Readout readout = reader.read();
            assertThat(readout.values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 10.0));
            assertThat(readout.problems()).singleElement().asString()
                    .startsWith("voltage_v (DI 02010100): no reply within 200 ms (3 attempt(s)); bytes refused: checksum");
        }
    }

    @Test
    void discovery_finds_the_single_meter_on_the_line() throws IOException {
        emulator = new Dlt645Emulator(0, values, Map.of("123456789012", "E-02")).echoRequests(true);
        Endpoint endpoint = new Endpoint("127.0.0.1", emulator.port());
        assertThat(Dlt645Discovery.findAddress(endpoint, TIMEOUT)).isEqualTo("123456789012");
    }

    @Test
    void discovery_with_several_meters_on_the_line_finds_none() throws IOException {
        emulator = twoMeters();
        Endpoint endpoint = new Endpoint("127.0.0.1", emulator.port());
        assertThatThrownBy(() -> Dlt645Discovery.findAddress(endpoint, TIMEOUT)).isInstanceOf(IOException.class)
                .hasMessageContaining("no meter on converter");
    }
}
