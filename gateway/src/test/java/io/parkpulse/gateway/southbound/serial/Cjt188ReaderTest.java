package io.parkpulse.gateway.southbound.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.Cjt188Emulator;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CJ/T 188 reader against the CJ/T 188 emulator over real TCP on localhost. */
@Timeout(30)
class Cjt188ReaderTest {

    static final Duration TIMEOUT = Duration.ofMillis(400);
    static final String METER = "78330011223344";
    static final String DRY_METER = "00000805000001";

    final Map<String, Double> volumes = new ConcurrentHashMap<>(Map.of("W-01", 556677.0));
    final MeterValues values = (meter, quantity) -> quantity == Quantity.VOLUME_M3 && volumes.containsKey(meter)
            ? OptionalDouble.of(volumes.get(meter)) : OptionalDouble.empty();

    Cjt188Emulator emulator;
    Cjt188Reader reader;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    Cjt188Emulator start() throws IOException {
        return new Cjt188Emulator(0, values, Map.of(METER, "W-01", DRY_METER, "W-02"));
    }

    Cjt188Reader reader(String address, DiOrder order) {
        List<PointConfig<Cjt188Field>> points = List.of(
                new PointConfig<>(Quantity.VOLUME_M3, Importance.HIGH, Cjt188Field.CURRENT_FLOW),
                new PointConfig<>(Quantity.VOLUME_M3, Importance.LOW, Cjt188Field.SETTLEMENT_FLOW));
        return new Cjt188Reader(new Endpoint("127.0.0.1", emulator.port()),
                new DeviceSettings.Cjt188(address, MeterType.COLD_WATER.code(), order, points), TIMEOUT, 1);
    }

    @Test
    void reads_the_flows_in_cubic_metres_in_either_identifier_order() throws IOException {
        emulator = start();
        for (DiOrder order : DiOrder.values()) {
            try (Cjt188Reader r = reader(METER, order)) {
                Readout readout = r.read();
                assertThat(readout.problems()).isEmpty();
                assertThat(readout.values()).containsExactly(Value.of(Quantity.VOLUME_M3, 556677.0),
                        Value.of(Quantity.VOLUME_M3, 556677.0));
            }
        }
    }

    @Test
    void the_display_rolls_over_at_a_million_cubic_metres() throws IOException {
        volumes.put("W-01", 1_000_012.345);
        emulator = start();
        reader = reader(METER, DiOrder.LOW_FIRST);
        assertThat(reader.read().values()).first().isEqualTo(Value.of(Quantity.VOLUME_M3, 12.34));
    }

    @Test
    void echoes_of_the_request_are_skipped() throws IOException {
        emulator = start().echoRequests(true);
        reader = reader(METER, DiOrder.HIGH_FIRST);
        assertThat(reader.read().values()).hasSize(2).allMatch(v -> v.number() == 556677.0);
    }

    @Test
    void an_abnormal_reply_is_a_problem_for_every_point_naming_it() throws IOException {
        emulator = start();
        reader = reader(DRY_METER, DiOrder.LOW_FIRST);
        Readout readout = reader.read();
        assertThat(readout.values()).isEmpty();
        assertThat(readout.problems()).containsExactly(
                "volume_m3 (CURRENT_FLOW): the meter answered abnormally (control C1): data 1F 90 01",
                "volume_m3 (SETTLEMENT_FLOW): the meter answered abnormally (control C1): data 1F 90 01");
    }

    @Test
    void a_connection_the_converter_closed_between_cycles_is_replaced_at_once() throws IOException {
        emulator = start();
        reader = reader(METER, DiOrder.LOW_FIRST);
        assertThat(reader.read().values()).hasSize(2);
        emulator.dropConnections(); // converters close idle clients
        volumes.put("W-01", 556700.5);
        assertThat(reader.read().values()).first().isEqualTo(Value.of(Quantity.VOLUME_M3, 556700.5));
    }

    @Test
    void a_meter_that_is_not_on_the_line_is_an_io_exception() throws IOException {
        emulator = start();
        reader = reader("00000000000099", DiOrder.LOW_FIRST);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class)
                .hasMessageContaining("no reply from CJ/T 188 meter 00000000000099").hasMessageContaining("2 attempt(s)");
    }

    /**
     * A meter whose clock bytes are in the other byte order (it would read as the year 3101): the flows are read and
     * the clock is one problem of its own. A plain socket stands in for the converter, since the emulator's clocks are
     * always right.
     */
    @Test
    void a_meter_clock_that_is_not_a_time_is_a_problem_and_the_flows_are_kept() throws Exception {
        byte[] address = io.parkpulse.protocols.cjt188.Cjt188Address.toWire(METER);
        byte[] data = java.util.HexFormat.ofDelimiter(" ").parseHex(
                "1F 90 01 00 00 01 00 2C 00 00 00 00 2C 20 15 05 11 22 01 31 00 00");
        byte[] reply = new io.parkpulse.protocols.cjt188.Cjt188Frame(MeterType.COLD_WATER.code(), address, 0x81, data).encode(0);
        try (java.net.ServerSocket line = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread converter = new Thread(() -> {
                try (java.net.Socket socket = line.accept()) {
                    socket.getInputStream().read(new byte[256]);
                    socket.getOutputStream().write(reply);
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[256]); // until the reader closes
                } catch (IOException e) {
                    // the reader went away
                }
            });
            converter.setDaemon(true);
            converter.start();
            List<PointConfig<Cjt188Field>> points = List.of(new PointConfig<>(Quantity.VOLUME_M3, Importance.HIGH, Cjt188Field.CURRENT_FLOW));
            reader = new Cjt188Reader(new Endpoint("127.0.0.1", line.getLocalPort()),
                    new DeviceSettings.Cjt188(METER, MeterType.COLD_WATER.code(), DiOrder.LOW_FIRST, points), TIMEOUT, 0);

            Readout readout = reader.read();

            assertThat(readout.values()).containsExactly(Value.of(Quantity.VOLUME_M3, 100.0));
            assertThat(readout.problems()).singleElement().asString().startsWith("meter clock: real time 20 15 05 11 22 01 31")
                    .contains("the year 3101").endsWith("the flows are kept");
        }
    }
}
