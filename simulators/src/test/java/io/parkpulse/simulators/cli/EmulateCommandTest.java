package io.parkpulse.simulators.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeteringRead;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.MeterAddress;
import io.parkpulse.protocols.dlt645.ReadReply;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * {@code emulate} for the demo park's gateways: the configuration it writes is YAML that lists every meter of the
 * gateway with the protocol its emulator speaks, and every emulator answers a request of that protocol.
 */
class EmulateCommandTest {

    static final Path DEMO_PARK = Path.of("../test-kit/parks/demo-park.yaml");

    @Test
    void everyMeterOfTheGatewayIsEmulatedOrNamedAndEveryEmulatorAnswers(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway-gw-south.yaml");
        EmulateCommand command = parse("--park", DEMO_PARK.toString(), "--gateway", "gw-south", "--config-out", config.toString(),
                "--broker", "tcp://127.0.0.1:1999", "--gateway-http", "http://127.0.0.1:18093", "--buffer-dir", dir.resolve("buffer").toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmulateCommand.Emulation emulation = command.start(new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Map<String, Object> yaml = new Yaml().load(Files.readString(config));
            assertThat(section(yaml, "gateway")).containsEntry("park", "demo-park").containsEntry("id", "gw-south");
            assertThat(section(yaml, "broker")).containsEntry("url", "tcp://127.0.0.1:1999");
            assertThat(section(yaml, "polling")).containsEntry("interval", "PT15S");
            assertThat(section(yaml, "http")).containsEntry("port", 18093).containsEntry("host", "127.0.0.1");
            assertThat(section(yaml, "buffer")).containsEntry("directory", dir.resolve("buffer").toString());

            Map<String, Map<String, Object>> devices = new LinkedHashMap<>();
            for (Object d : (List<?>) yaml.get("devices")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> device = (Map<String, Object>) d;
                devices.put((String) device.get("meter"), device);
            }
            Park park = new ParkFileReader().read(DEMO_PARK);
            List<String> electricity = new ArrayList<>();
            for (Meter m : park.meters().values()) {
                if (!m.gateway().equals(GatewayId.of("gw-south"))) {
                    continue;
                }
                switch (m.kind()) {
                    case ELECTRICITY -> {
                        electricity.add(m.id().value());
                        assertThat(devices.get(m.id().value())).as(m.id().value()).containsEntry("protocol", electricity.size() % 2 == 1 ? "dlt645" : "modbus");
                    }
                    case WATER -> assertThat(devices.get(m.id().value())).as(m.id().value()).containsEntry("protocol", "cjt188")
                            .containsEntry("profile", "cjt188-cold-water");
                    case GAS -> assertThat(devices.get(m.id().value())).as(m.id().value()).containsEntry("protocol", "cjt188")
                            .containsEntry("profile", "cjt188-gas");
                    default -> {
                        assertThat(devices).as(m.id().value()).doesNotContainKey(m.id().value());
                        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("not emulated", m.id().value());
                    }
                }
            }
            assertThat(electricity).hasSizeGreaterThan(3);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("equipment state");
            // the two Modbus register maps alternate; the power transducer has its points listed instead of a profile
            assertThat(devices.values()).filteredOn(d -> "modbus".equals(d.get("protocol"))).extracting(d -> d.get("profile"))
                    .containsSubsequence("eastron-sdm630", "chint-dtsu666");
            assertThat(devices.get("E-QY-BLOWER")).doesNotContainKey("profile").containsKey("points");
            assertThat(section(devices.get("E-QY-BLOWER"), "points")).containsKey("power_kw").doesNotContainKey("energy_kwh");

            for (Map<String, Object> d : devices.values()) {
                int port = Integer.parseInt(((String) d.get("endpoint")).split(":")[1]);
                String meter = (String) d.get("meter");
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:" + port);
                switch ((String) d.get("protocol")) {
                    case "dlt645" -> assertThat(dlt645Power(port, (String) d.get("address"))).as(meter).isGreaterThanOrEqualTo(0);
                    case "modbus" -> assertThat(modbusVoltage(port, (Integer) d.get("unit_id"), "eastron-sdm630".equals(d.get("profile"))))
                            .as(meter).isGreaterThan(50);
                    case "cjt188" -> assertThat(cjt188Volume(port, (String) d.get("address"), "cjt188-gas".equals(d.get("profile")) ? 0x30 : 0x10))
                            .as(meter).isGreaterThanOrEqualTo(0);
                    default -> throw new AssertionError("unexpected protocol of " + d);
                }
            }
        }
    }

    @Test
    void waterMetersOfAnNbIotGatewayPushToTheGatewaysHttpPort(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway-gw-nbiot.yaml");
        EmulateCommand command = parse("--park", DEMO_PARK.toString(), "--gateway", "gw-nbiot", "--config-out", config.toString(),
                "--gateway-http", "http://127.0.0.1:18094", "--interval", "PT15M");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmulateCommand.Emulation emulation = command.start(new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Map<String, Object> yaml = new Yaml().load(Files.readString(config));
            List<?> devices = (List<?>) yaml.get("devices");
            long water = new ParkFileReader().read(DEMO_PARK).meters().values().stream()
                    .filter(m -> m.gateway().equals(GatewayId.of("gw-nbiot")) && m.kind() == MeterKind.WATER).count();
            assertThat(devices).hasSize((int) water).allSatisfy(d -> assertThat(section(Map.of("d", d), "d"))
                    .containsEntry("protocol", "nbiot").containsKeys("device_id", "imei").doesNotContainKey("endpoint"));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("http://127.0.0.1:18094/nbiot/ctwing");
        }
    }

    @Test
    void anUnknownGatewayIsAUsageError() {
        assertThat(CommandLineTest.errorOf("emulate", "--park", DEMO_PARK.toString(), "--gateway", "gw-east")).contains("gw-east", "gw-south");
    }

    static EmulateCommand parse(String... args) {
        EmulateCommand command = new EmulateCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> yaml, String key) {
        return (Map<String, Object>) yaml.get(key);
    }

    static double dlt645Power(int port, String address) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write(ReadReply.request(MeterAddress.toWire(address), DataIdentifier.TOTAL_ACTIVE_POWER).encode(4));
            Dlt645Decoder decoder = new Dlt645Decoder();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[256];
            while (true) {
                int n = in.read(buffer);
                assertThat(n).as("the DL/T 645 converter on " + port + " answered").isPositive();
                decoder.append(buffer, 0, n);
                if (decoder.next() instanceof Dlt645Decoder.Decoded d) {
                    ReadReply reply = ReadReply.of(d.frame(), DataIdentifier.TOTAL_ACTIVE_POWER);
                    assertThat(reply.errors()).isEmpty();
                    return reply.value();
                }
            }
        }
    }

    static double modbusVoltage(int port, int unit, boolean eastron) throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port);
        master.connect();
        try {
            InputRegister[] r = eastron ? master.readInputRegisters(unit, 0x0000, 2) : master.readMultipleRegisters(unit, 0x2006, 2);
            float raw = Float.intBitsToFloat(r[0].getValue() << 16 | r[1].getValue());
            return eastron ? raw : raw * 0.1;
        } finally {
            master.disconnect();
        }
    }

    static double cjt188Volume(int port, String address, int meterType) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write(MeteringRead.request(meterType, Cjt188Address.toWire(address), DiOrder.HIGH_FIRST, 1).encode(2));
            Cjt188Decoder decoder = new Cjt188Decoder();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[256];
            while (true) {
                int n = in.read(buffer);
                assertThat(n).as("the CJ/T 188 converter on " + port + " answered").isPositive();
                decoder.append(buffer, 0, n);
                if (decoder.next() instanceof Cjt188Decoder.Decoded d) {
                    MeteringRead.Outcome outcome = MeteringRead.decode(d.frame());
                    assertThat(outcome).isInstanceOf(MeteringRead.Read.class);
                    return ((MeteringRead.Read) outcome).data().currentFlowM3();
                }
            }
        }
    }
}
