package io.parkpulse.gateway.southbound.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.Cjt188Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CJ/T 188 reader on heat meters (46-byte reply) and gas meters, against the emulator over real TCP. */
@Timeout(30)
class Cjt188HeatAndGasReaderTest {

    static final Duration TIMEOUT = Duration.ofMillis(400);
    static final String HEAT_METER = "00000012345678";
    static final String COLD_HEAT_METER = "00000012345679";
    static final String GAS_METER = "00000000000030";

    /** The points of the cjt188-heat profile, and the settlement-day heat besides. */
    static final List<PointConfig<Cjt188Field>> HEAT_POINTS = List.of(
            new PointConfig<>(Quantity.HEAT_GJ, Importance.HIGH, Cjt188Field.CURRENT_HEAT),
            new PointConfig<>(Quantity.HEAT_POWER_KW, Importance.NORMAL, Cjt188Field.HEAT_POWER),
            new PointConfig<>(Quantity.FLOW_M3H, Importance.NORMAL, Cjt188Field.FLOW_RATE),
            new PointConfig<>(Quantity.HEAT_VOLUME_M3, Importance.HIGH, Cjt188Field.CUMULATIVE_FLOW),
            new PointConfig<>(Quantity.SUPPLY_TEMPERATURE_C, Importance.NORMAL, Cjt188Field.SUPPLY_TEMPERATURE),
            new PointConfig<>(Quantity.RETURN_TEMPERATURE_C, Importance.NORMAL, Cjt188Field.RETURN_TEMPERATURE),
            new PointConfig<>(Quantity.RUN_HOURS, Importance.LOW, Cjt188Field.WORKING_HOURS),
            new PointConfig<>(Quantity.HEAT_GJ, Importance.LOW, Cjt188Field.SETTLEMENT_HEAT));

    final MeterDisplays displays = new MeterDisplays()
            .show("H-01", Quantity.HEAT_GJ, 1234.5).show("H-01", Quantity.HEAT_POWER_KW, 85.25)
            .show("H-01", Quantity.FLOW_M3H, 3.4567).show("H-01", Quantity.HEAT_VOLUME_M3, 5678.9)
            .show("H-01", Quantity.SUPPLY_TEMPERATURE_C, 75.5).show("H-01", Quantity.RETURN_TEMPERATURE_C, 55.25)
            .show("H-01", Quantity.RUN_HOURS, 4321)
            .show("G-01", Quantity.GAS_M3, 12345.678);

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
        // H-02 is a heat meter whose display has no heat yet
        return new Cjt188Emulator(0, displays, Map.of(HEAT_METER, "H-01", COLD_HEAT_METER, "H-02", GAS_METER, "G-01"));
    }

    Cjt188Reader reader(int port, String address, int meterType, DiOrder order, List<PointConfig<Cjt188Field>> points) {
        return new Cjt188Reader(new Endpoint("127.0.0.1", port), new DeviceSettings.Cjt188(address, meterType, order, points),
                TIMEOUT, 1);
    }

    @Test
    void a_heat_meter_is_read_in_gigajoules_kilowatts_and_degrees_in_either_identifier_order() throws IOException {
        emulator = start();
        for (DiOrder order : DiOrder.values()) {
            try (Cjt188Reader r = reader(emulator.port(), HEAT_METER, MeterType.HEAT_METER_HEATING.code(), order, HEAT_POINTS)) {
                Readout readout = r.read();
                assertThat(readout.problems()).isEmpty();
                // 1 234.5 GJ is shown as 342 916.66 kWh (the display truncates to 0.01 kWh): 342 916.66 × 0.0036 GJ
                assertThat(readout.values()).containsExactly(
                        Value.of(Quantity.HEAT_GJ, 1234.499976),
                        Value.of(Quantity.HEAT_POWER_KW, 85.25),
                        Value.of(Quantity.FLOW_M3H, 3.4567),
                        Value.of(Quantity.HEAT_VOLUME_M3, 5678.9),
                        Value.of(Quantity.SUPPLY_TEMPERATURE_C, 75.5),
                        Value.of(Quantity.RETURN_TEMPERATURE_C, 55.25),
                        Value.of(Quantity.RUN_HOURS, 4321),
                        Value.of(Quantity.HEAT_GJ, 1234.499976));
            }
        }
    }

    @Test
    void a_gas_meter_is_read_as_gas_m3() throws IOException {
        emulator = start();
        reader = reader(emulator.port(), GAS_METER, MeterType.GAS.code(), DiOrder.HIGH_FIRST,
                List.of(new PointConfig<>(Quantity.GAS_M3, Importance.HIGH, Cjt188Field.CURRENT_FLOW)));
        assertThat(reader.read()).isEqualTo(new io.parkpulse.gateway.southbound.Readout(
                List.of(Value.of(Quantity.GAS_M3, 12345.67)), List.of()));
    }

    @Test
    void a_heat_meter_without_heat_yet_answers_abnormally_a_problem_for_every_point() throws IOException {
        emulator = start();
        reader = reader(emulator.port(), COLD_HEAT_METER, 0x20, DiOrder.HIGH_FIRST, HEAT_POINTS.subList(0, 2));
        Readout readout = reader.read();
        assertThat(readout.values()).isEmpty();
        assertThat(readout.problems()).containsExactly(
                "heat_gj (CURRENT_HEAT): the meter answered abnormally (control C1): data 90 1F 01",
                "heat_power_kw (HEAT_POWER): the meter answered abnormally (control C1): data 90 1F 01");
    }

    /**
     * A heat meter configured as a water meter (meter_type 0x10) is asked with T = 10 and, being one, still answers its
     * 46 bytes (a plain socket plays it): refused as the wrong length, naming it — never read as flows.
     */
    @Test
    void a_heat_reply_to_a_water_read_is_refused_for_every_point() throws Exception {
        byte[] reply = new Cjt188Frame(0x20, Cjt188Address.toWire(HEAT_METER), 0x81, HexFormat.ofDelimiter(" ").parseHex(
                "90 1F 01 56 34 12 00 05 19 28 53 00 05 34 12 00 00 17 45 23 01 00 35 42 33 18 00 2C 43 65 00 21 45 00 61 27 00"
                        + " 00 30 08 15 01 24 20 00 00")).encode(2);
        try (ServerSocket line = converterAnswering(reply)) {
            reader = reader(line.getLocalPort(), HEAT_METER, MeterType.COLD_WATER.code(), DiOrder.HIGH_FIRST,
                    List.of(new PointConfig<>(Quantity.VOLUME_M3, Importance.HIGH, Cjt188Field.CURRENT_FLOW)));
            assertThat(reader.read().problems()).containsExactly("volume_m3 (CURRENT_FLOW): a water or gas meter's"
                    + " metering-data reply has 22 data bytes, got 46 (the length of a heat meter's reply)");
        }
    }

    /**
     * A heat meter whose settlement-day heat comes in m³ (a vendor's unit-first layout would look like this, or a
     * corrupt unit byte) and whose clock says the year 3101: the unit refuses the reply for every point, naming the
     * field; with the unit right, the clock is one problem and the values are kept.
     */
    @Test
    void a_unit_of_the_wrong_dimension_refuses_and_a_bad_clock_is_one_problem() throws Exception {
        String body = "90 1F 01 56 34 12 00 %s 19 28 53 00 05 34 12 00 00 17 45 23 01 00 35 42 33 18 00 2C 43 65 00 21 45 00"
                + " 61 27 00 20 15 05 11 22 01 31 00 00";
        List<PointConfig<Cjt188Field>> points = HEAT_POINTS.subList(0, 2);
        try (ServerSocket line = converterAnswering(heatReply(body.formatted("2C")))) {
            reader = reader(line.getLocalPort(), HEAT_METER, 0x20, DiOrder.HIGH_FIRST, points);
            Readout readout = reader.read();
            assertThat(readout.values()).isEmpty();
            assertThat(readout.problems()).containsExactly(
                    "heat_gj (CURRENT_HEAT): settlement-day heat: unit 2C (m³) is not an energy",
                    "heat_power_kw (HEAT_POWER): settlement-day heat: unit 2C (m³) is not an energy");
            reader.close();
        }
        try (ServerSocket line = converterAnswering(heatReply(body.formatted("05")))) {
            reader = reader(line.getLocalPort(), HEAT_METER, 0x20, DiOrder.HIGH_FIRST, points);
            Readout readout = reader.read();
            // 5 328.19 kWh × 0.0036 = 19.181484 GJ
            assertThat(readout.values()).containsExactly(Value.of(Quantity.HEAT_GJ, 19.181484), Value.of(Quantity.HEAT_POWER_KW, 12.34));
            assertThat(readout.problems()).singleElement().asString().startsWith("meter clock: real time 20 15 05 11 22 01 31")
                    .contains("the year 3101").endsWith("the readings are kept");
        }
    }

    @Test
    void a_field_of_another_family_is_named_and_a_type_outside_the_families_is_refused() throws IOException {
        emulator = start();
        reader = reader(emulator.port(), GAS_METER, 0x30, DiOrder.HIGH_FIRST, List.of(
                new PointConfig<>(Quantity.GAS_M3, Importance.HIGH, Cjt188Field.CURRENT_FLOW),
                new PointConfig<>(Quantity.HEAT_GJ, Importance.HIGH, Cjt188Field.CURRENT_HEAT)));
        Readout readout = reader.read();
        assertThat(readout.values()).containsExactly(Value.of(Quantity.GAS_M3, 12345.67));
        assertThat(readout.problems()).containsExactly("heat_gj (CURRENT_HEAT): not a field of a gas meter (meter type 0x30–0x39)'s reply");
        assertThatThrownBy(() -> reader(emulator.port(), GAS_METER, 0x40, DiOrder.HIGH_FIRST, HEAT_POINTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x40");
    }

    static byte[] heatReply(String data) {
        return new Cjt188Frame(0x20, Cjt188Address.toWire(HEAT_METER), 0x81, HexFormat.ofDelimiter(" ").parseHex(data)).encode(3);
    }

    /** A converter that answers the first request of each connection with {@code reply}. */
    static ServerSocket converterAnswering(byte[] reply) throws IOException {
        ServerSocket line = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread converter = new Thread(() -> {
            while (!line.isClosed()) {
                try (Socket socket = line.accept()) {
                    socket.getInputStream().read(new byte[256]);
                    socket.getOutputStream().write(reply);
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[256]); // until the reader closes
                } catch (IOException e) {
                    // the reader or the test went away
                }
            }
        });
        converter.setDaemon(true);
        converter.start();
        return line;
    }
}
