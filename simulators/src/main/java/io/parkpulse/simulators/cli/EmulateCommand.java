package io.parkpulse.simulators.cli;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.Quantity;
import io.parkpulse.emulators.Cjt188Emulator;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.emulators.ModbusEmulator;
import io.parkpulse.emulators.ModbusMeterLayout;
import io.parkpulse.emulators.NbIotPusher;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.modbus.RegisterValue;
import io.parkpulse.simulators.emulate.LiveMeters;
import io.parkpulse.simulators.model.NbIotSettings;
import io.parkpulse.simulators.model.ParkModel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emulate}: the meters of one gateway of a park file, as the gateway would find them on its buses. The park
 * model runs live ({@link LiveMeters}); electricity meters answer DL/T 645-2007 behind emulated serial-to-TCP
 * converters and Modbus TCP (Eastron SDM630 and CHINT DTSU666 register maps, alternating), water, gas and heat meters
 * CJ/T 188 (profiles cjt188-cold-water, cjt188-gas, cjt188-heat), and
 * NB-IoT water meters push their uplinks to the gateway's HTTP port as CTWing would. Writes the gateway configuration
 * that reads them all with the built-in profiles, so that {@code GatewayMain --config} of that file is the real
 * gateway in front of emulated meters.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Emulate the meters of one gateway of a park (DL/T 645, Modbus TCP, CJ/T 188, NB-IoT pushes), live, "
                + "and write the gateway configuration that reads them.",
            "Runs until interrupted. Start the gateway with: java -jar gateway/target/parkpulse-gateway.jar --config FILE"})
public final class EmulateCommand implements Callable<Integer> {

    /** The profile of DL/T 645 electricity meters. */
    private static final String THREE_PHASE = "dlt645-three-phase";
    /** The model's step unless --interval says otherwise: short, so that displays move between polls. */
    private static final Duration DEFAULT_STEP = Duration.ofSeconds(5);

    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", required = true, description = "The gateway of the park file whose meters are emulated, e.g. gw-south")
    String gateway;

    @Option(names = "--config-out", description = "Gateway configuration to write. Default: gateway-<gateway>.yaml")
    Path configOut;

    @Option(names = "--broker", defaultValue = "${env:PARKPULSE_MQTT_URL:-tcp://127.0.0.1:1883}",
            description = "Broker URL written into the configuration (env PARKPULSE_MQTT_URL). Default: ${DEFAULT-VALUE}")
    String broker;

    @Option(names = "--buffer-dir", description = "The gateway's disk buffer directory. Default: buffer/<gateway> beside the configuration")
    Path bufferDir;

    @Option(names = "--gateway-http", defaultValue = "http://127.0.0.1:8091",
            description = "The gateway's HTTP server: its port goes into the configuration, NB-IoT pushes go there. Default: ${DEFAULT-VALUE}")
    URI gatewayHttp;

    @Option(names = "--poll-interval", defaultValue = "PT15S", converter = DurationConverter.class,
            description = "How often the gateway reads each meter. Default: ${DEFAULT-VALUE}")
    Duration pollInterval;

    @Option(names = "--base-port", defaultValue = "0",
            description = "First TCP port of the emulators (the next ones follow); 0: free ports. Default: ${DEFAULT-VALUE}")
    int basePort;

    @Option(names = "--from", description = "Run the model from this instant up to now first (same forms as run --from), "
            + "so the registers continue where a simulator run with the same --from left them. Default: start now")
    String from;

    @Option(names = "--catch-up-interval", defaultValue = "PT15M", converter = DurationConverter.class,
            description = "Step while catching up from --from; use run's --catch-up-interval. Default: ${DEFAULT-VALUE}")
    Duration catchUpInterval;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long. Default: run until interrupted")
    Duration duration;

    /** How one meter of the gateway is emulated, or why it is not. */
    record Device(Meter meter, String protocol, String address, int unitId, String profile, String note) {
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-simulators emulate", this::execute);
    }

    private Integer execute() throws Exception {
        try (Emulation emulation = start(System.out)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(stopped::countDown, "stop-emulate");
            Runtime.getRuntime().addShutdownHook(hook);
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    /** Starts the model and the emulators, writes the configuration and prints one line per emulator. */
    Emulation start(PrintStream out) throws IOException {
        Duration step = spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--interval") ? model.interval : DEFAULT_STEP;
        Park park = model.readPark();
        if (GatewayId.parse(gateway).filter(park::hasGateway).isEmpty()) {
            throw new IllegalArgumentException("park " + park.id() + " (" + model.parkFile + ") has no gateway " + gateway
                    + "; it has " + String.join(", ", park.gateways().keySet().stream().map(GatewayId::value).toList()));
        }
        if (pollInterval.isNegative() || pollInterval.getSeconds() < 1) {
            throw new IllegalArgumentException("--poll-interval must be at least a second, got " + pollInterval);
        }
        if (gatewayHttp.getPort() < 1) {
            throw new IllegalArgumentException("--gateway-http needs an explicit port, e.g. http://127.0.0.1:8091, got " + gatewayHttp);
        }
        List<Device> devices = plan(park, gateway);
        ParkModel parkModel = ParkModel.build(park, model.settings());
        parkModel.checkStep(step);
        Path config = configOut != null ? configOut : Path.of("gateway-" + gateway + ".yaml");

        Emulation emulation = new Emulation();
        try {
            Set<String> nbIot = new LinkedHashSet<>();
            Map<String, NbIotPusher.Identity> identities = new LinkedHashMap<>();
            for (Device d : devices) {
                if (d.protocol().equals("nbiot")) {
                    nbIot.add(d.meter().id().value());
                    identities.put(d.meter().id().value(), nbIdentity(d));
                }
            }
            BiConsumer<String, List<io.parkpulse.contract.Reading>> uplinks = (m, r) -> { };
            if (!identities.isEmpty()) {
                NbIotPusher pusher = new NbIotPusher(new NbIotPusher.HttpTarget(gatewayHttp, NbIotPusher.Carrier.CTWING, null), identities);
                emulation.closing.add(pusher);
                uplinks = pusher::uplink;
            }
            LiveMeters live = new LiveMeters(parkModel, step, nbIot, uplinks);
            emulation.closing.add(0, live);
            MeterDisplays displays = new MeterDisplays(live);
            int[] nextPort = {basePort};

            // DL/T 645: one converter, or two once more than two meters share the line
            List<Device> dlt = devices.stream().filter(d -> d.protocol().equals("dlt645")).toList();
            int converters = dlt.size() > 2 ? 2 : dlt.size() > 0 ? 1 : 0;
            int perConverter = converters == 0 ? 0 : (dlt.size() + converters - 1) / converters;
            for (int c = 0; c < converters; c++) {
                List<Device> line = dlt.subList(c * perConverter, Math.min(dlt.size(), (c + 1) * perConverter));
                Map<String, String> byAddress = new LinkedHashMap<>();
                line.forEach(d -> byAddress.put(d.address(), d.meter().id().value()));
                Dlt645Emulator e = new Dlt645Emulator(port(nextPort), displays, byAddress);
                emulation.closing.add(e);
                emulation.ports.put("dlt645-" + (c + 1), e.port());
                line.forEach(d -> emulation.endpoints.put(d.meter().id().value(), e.port()));
                out.printf("DL/T 645 converter %d   127.0.0.1:%d  %s%n", c + 1, e.port(),
                        String.join(", ", line.stream().map(d -> d.meter().id() + " @" + d.address()).toList()));
            }
            List<Device> modbus = devices.stream().filter(d -> d.protocol().equals("modbus")).toList();
            if (!modbus.isEmpty()) {
                Map<Integer, ModbusEmulator.Meter> units = new LinkedHashMap<>();
                modbus.forEach(d -> units.put(d.unitId(), new ModbusEmulator.Meter(d.meter().id().value(), layout(d.profile()))));
                ModbusEmulator e = new ModbusEmulator(displays, units, port(nextPort));
                emulation.closing.add(e);
                emulation.ports.put("modbus", e.port());
                modbus.forEach(d -> emulation.endpoints.put(d.meter().id().value(), e.port()));
                out.printf("Modbus TCP            127.0.0.1:%d  %s%n", e.port(), String.join(", ", modbus.stream()
                        .map(d -> "unit " + d.unitId() + " " + d.meter().id() + " (" + layout(d.profile()).model() + ")").toList()));
            }
            List<Device> cjt = devices.stream().filter(d -> d.protocol().equals("cjt188")).toList();
            if (!cjt.isEmpty()) {
                Map<String, String> byAddress = new LinkedHashMap<>();
                cjt.forEach(d -> byAddress.put(d.address(), d.meter().id().value()));
                Cjt188Emulator e = new Cjt188Emulator(port(nextPort), displays, byAddress);
                emulation.closing.add(e);
                emulation.ports.put("cjt188", e.port());
                cjt.forEach(d -> emulation.endpoints.put(d.meter().id().value(), e.port()));
                out.printf("CJ/T 188 converter    127.0.0.1:%d  %s%n", e.port(),
                        String.join(", ", cjt.stream().map(d -> d.meter().id() + " @" + d.address()).toList()));
            }
            if (!identities.isEmpty()) {
                out.printf("NB-IoT (CTWing push)  %s/nbiot/ctwing  %s (uplinks as the model sends them: %d a day)%n",
                        trimSlash(gatewayHttp.toString()), String.join(", ", identities.keySet()), model.nbIotUplinks);
            }
            List<Device> skipped = devices.stream().filter(d -> d.protocol().equals("none")).toList();
            for (Device d : skipped) {
                out.printf("not emulated          %s (%s): %s%n", d.meter().id(), d.meter().kind().name().toLowerCase(Locale.ROOT), d.note());
            }
            writeConfig(park, config, devices, emulation.endpoints);
            emulation.config = config;
            emulation.devices = devices;
            if (from == null) {
                live.start();
            } else {
                live.startFrom(TimeArgument.parse("--from", from, park.timeZone(), System.currentTimeMillis()), catchUpInterval);
            }
            out.printf("park %s, gateway %s: %d of %d meters emulated, the model stepping every %s at wall-clock time%n",
                    park.id(), gateway, devices.size() - skipped.size(), devices.size(), step);
            out.printf("gateway configuration %s (poll every %s, broker %s, HTTP port %d)%n", config, pollInterval, broker,
                    gatewayHttp.getPort());
            out.printf("  java -jar gateway/target/parkpulse-gateway.jar --config %s%n", config);
            out.flush();
            return emulation;
        } catch (IOException | RuntimeException e) {
            emulation.close();
            throw e;
        }
    }

    private int port(int[] next) {
        return next[0] == 0 ? 0 : next[0]++;
    }

    /** What each meter of {@code gatewayId} speaks, in park-file order; addresses and unit ids follow that order. */
    static List<Device> plan(Park park, String gatewayId) {
        List<Device> devices = new ArrayList<>();
        boolean nbIotGateway = gatewayId.contains(NbIotSettings.GATEWAY_MARKER);
        int index = 0;
        int electricity = 0;
        int modbusUnits = 0;
        for (Meter m : park.meters().values()) {
            if (!m.gateway().value().equals(gatewayId)) {
                continue;
            }
            index++;
            Device d = switch (m.kind()) {
                case ELECTRICITY -> {
                    boolean dlt = electricity++ % 2 == 0;
                    if (dlt) {
                        yield new Device(m, "dlt645", String.format("%012d", index), 0, THREE_PHASE, null);
                    }
                    modbusUnits++;
                    yield new Device(m, "modbus", null, modbusUnits, modbusUnits % 2 == 1 ? "eastron-sdm630" : "chint-dtsu666", null);
                }
                // the model sends the uplinks of water (and gas) meters on NB-IoT gateways; the others are read on a bus
                case WATER -> nbIotGateway ? new Device(m, "nbiot", String.format("86259205%07d", index), 0, null, null)
                        : new Device(m, "cjt188", String.format("%014d", index), 0, "cjt188-cold-water", null);
                case EQUIPMENT -> new Device(m, "none", null, 0, null, "no standard protocol for equipment state here");
                // wired gas and heat meters are CJ/T 188 meters too (types 30H and 20H), on the same converter
                case GAS -> nbIotGateway ? new Device(m, "none", null, 0, null, "the gateway's NB-IoT intake takes water volumes only")
                        : new Device(m, "cjt188", String.format("%014d", index), 0, "cjt188-gas", null);
                case STEAM -> new Device(m, "none", null, 0, null, "no steam meter emulator here");
                case HEAT -> nbIotGateway ? new Device(m, "none", null, 0, null, "the gateway's NB-IoT intake takes no heat readings")
                        : new Device(m, "cjt188", String.format("%014d", index), 0, "cjt188-heat", null);
            };
            devices.add(d);
        }
        return devices;
    }

    private static NbIotPusher.Identity nbIdentity(Device d) {
        return new NbIotPusher.Identity("ctwing-" + d.meter().id().value().toLowerCase(Locale.ROOT), d.address());
    }

    private static ModbusMeterLayout layout(String profile) {
        return profile.equals("eastron-sdm630") ? ModbusMeterLayout.eastronSdm630() : ModbusMeterLayout.chintDtsu666();
    }

    private void writeConfig(Park park, Path config, List<Device> devices, Map<String, Integer> ports) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `parkpulse-simulators emulate --gateway ").append(gateway).append("` for the emulated meters of ")
                .append(park.id()).append(" (").append(model.parkFile).append(").\n");
        y.append("# Emulators listen on 127.0.0.1 only while that command runs.\n");
        y.append("gateway: {park: ").append(park.id()).append(", id: ").append(gateway).append("}\n\n");
        y.append("broker:\n  url: ").append(quote(broker)).append('\n');
        if (notEmpty(System.getenv("PARKPULSE_MQTT_USERNAME"))) {
            y.append("  username: ").append(quote(System.getenv("PARKPULSE_MQTT_USERNAME"))).append('\n');
            if (notEmpty(System.getenv("PARKPULSE_MQTT_PASSWORD"))) {
                y.append("  password_env: PARKPULSE_MQTT_PASSWORD\n");
            }
        }
        y.append("\npolling:\n  interval: ").append(pollInterval).append("\n  timeout: 2s\n  retries: 1\n");
        y.append("\nbuffer:\n  directory: ").append(quote((bufferDir == null ? Path.of("buffer", gateway) : bufferDir).toString()))
                .append("\n  max_mb: 64\n");
        y.append("\nhttp:\n  host: 127.0.0.1\n  port: ").append(gatewayHttp.getPort()).append('\n');
        y.append("\ndevices:\n");
        for (Device d : devices) {
            switch (d.protocol()) {
                case "dlt645" -> {
                    y.append("  - meter: ").append(d.meter().id()).append("\n    protocol: dlt645\n    endpoint: \"127.0.0.1:")
                            .append(ports.get(d.meter().id().value())).append("\"\n    address: \"").append(d.address()).append("\"\n");
                    profileOrPoints(y, d);
                }
                case "modbus" -> {
                    y.append("  - meter: ").append(d.meter().id()).append("\n    protocol: modbus\n    endpoint: \"127.0.0.1:")
                            .append(ports.get(d.meter().id().value())).append("\"\n    unit_id: ").append(d.unitId()).append('\n');
                    profileOrPoints(y, d);
                }
                case "cjt188" -> y.append("  - meter: ").append(d.meter().id()).append("\n    protocol: cjt188\n    endpoint: \"127.0.0.1:")
                        .append(ports.get(d.meter().id().value())).append("\"\n    address: \"").append(d.address())
                        .append("\"\n    profile: ").append(d.profile()).append('\n');
                case "nbiot" -> {
                    NbIotPusher.Identity id = nbIdentity(d);
                    y.append("  - meter: ").append(d.meter().id()).append("\n    protocol: nbiot\n    device_id: ").append(id.deviceId())
                            .append("\n    imei: \"").append(id.imei()).append("\"\n    interval: ")
                            .append(Duration.ofHours(24).dividedBy(model.nbIotUplinks))
                            .append("\n    points: {volume_m3: volume, battery_v: battery, signal_dbm: signal}\n");
                }
                default -> y.append("  # ").append(d.meter().id()).append(" (").append(d.meter().kind().name().toLowerCase(Locale.ROOT))
                        .append(") is not emulated: ").append(d.note()).append('\n');
            }
        }
        Path parent = config.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(config, y.toString(), StandardCharsets.UTF_8);
    }

    /**
     * A meter with energy registers is read with its profile; a power transducer (instantaneous metering) has no energy
     * register, so its points are the profile's others, listed.
     */
    private static void profileOrPoints(StringBuilder y, Device d) {
        if (d.meter().metering() == Metering.CUMULATIVE) {
            y.append("    profile: ").append(d.profile()).append('\n');
            return;
        }
        y.append("    points:  # a power transducer: no energy registers\n");
        if (d.protocol().equals("dlt645")) {
            for (String di : new String[] {"02010100", "02020100", "02030000", "02040000", "02060000", "02800002"}) {
                Quantity q = DataIdentifier.byCode(Integer.parseUnsignedInt(di, 16)).get(0).quantity();
                y.append("      ").append(q.wireName()).append(": {di: \"").append(di).append("\"}\n");
            }
        } else {
            for (ModbusMeterLayout.Point p : layout(d.profile()).points()) {
                if (p.quantity().nature() == Quantity.Nature.CUMULATIVE) {
                    continue;
                }
                RegisterValue r = p.register();
                y.append("      ").append(p.quantity().wireName()).append(String.format(Locale.ROOT,
                        ": {table: %s, register: 0x%04X, type: %s, order: %s, scale: %s}%n", r.table().name().toLowerCase(Locale.ROOT),
                        r.address(), r.type().name().toLowerCase(Locale.ROOT), r.order().name().toLowerCase(Locale.ROOT),
                        java.math.BigDecimal.valueOf(r.scale()).toPlainString()));
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * What the emulated displays show: the model's values, plus what a real three-phase meter's display also has and the
     * model does not simulate — a reverse (export) energy register standing at 0 (these sites do not export) and the
     * reactive power that goes with the power and power factor.
     */
    static final class MeterDisplays implements MeterValues {
        private final MeterValues live;

        MeterDisplays(MeterValues live) {
            this.live = live;
        }

        @Override
        public OptionalDouble latest(String meter, Quantity quantity) {
            OptionalDouble own = live.latest(meter, quantity);
            if (own.isPresent()) {
                return own;
            }
            if (quantity == Quantity.REVERSE_ENERGY_KWH) {
                return live.latest(meter, Quantity.ENERGY_KWH).isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
            }
            if (quantity == Quantity.REACTIVE_POWER_KVAR) {
                OptionalDouble p = live.latest(meter, Quantity.POWER_KW);
                OptionalDouble pf = live.latest(meter, Quantity.POWER_FACTOR);
                if (p.isPresent() && pf.isPresent() && pf.getAsDouble() > 0 && pf.getAsDouble() <= 1) {
                    double cos = pf.getAsDouble();
                    return OptionalDouble.of(Math.round(p.getAsDouble() * Math.sqrt(1 - cos * cos) / cos * 10_000) / 10_000.0);
                }
            }
            return OptionalDouble.empty();
        }
    }

    /** The running model and emulators. */
    static final class Emulation implements AutoCloseable {
        final List<AutoCloseable> closing = new ArrayList<>();
        final Map<String, Integer> ports = new LinkedHashMap<>();
        final Map<String, Integer> endpoints = new LinkedHashMap<>();
        Path config;
        List<Device> devices;

        @Override
        public void close() {
            for (AutoCloseable c : closing) {
                try {
                    c.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
        }
    }
}
