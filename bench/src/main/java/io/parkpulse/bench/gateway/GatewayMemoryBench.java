package io.parkpulse.bench.gateway;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Topics;
import io.parkpulse.emulators.Cjt188Emulator;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.emulators.ModbusEmulator;
import io.parkpulse.emulators.ModbusMeterLayout;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Resident memory of the real gateway, as shipped (the shaded jar in a child JVM with the edge flags of
 * {@code gateway/jvm.options}), reading 200 emulated meters and publishing to a real Mosquitto: RSS and VmHWM from
 * {@code /proc/<pid>/status} every second while {@code GET /status} shows every device read and nothing failing or
 * piling up; then with the broker stopped (the buffer grows, on disk) and started again (the buffer drains). The
 * baseline, measured in the same run, is the RSS of an idle JVM ({@link IdleJvm}) started with the same flags.
 *
 * <p>Run by {@code ./parkpulse bench} (docs/benchmarks.md, "Gateway memory"). Exits 1 when the peak RSS reaches the
 * limit (128 MiB, the target of docs/architecture.md, "Quality targets") or when a device is not read, a read fails, or
 * the buffer does not behave. The meters are the emulators module's, the broker the test kit's Mosquitto; the gateway
 * itself runs from its shipped jar.
 */
@Command(name = "gateway-memory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Resident memory of the gateway jar reading 200 emulated meters and publishing to a real Mosquitto.")
public final class GatewayMemoryBench implements Callable<Integer> {

    @Option(names = "--jar", description = "The gateway's shaded jar (default: ${DEFAULT-VALUE})")
    Path jar = Path.of("gateway/target/parkpulse-gateway.jar");

    @Option(names = "--jvm-options", description = "java @argfile with the gateway's JVM flags (default: ${DEFAULT-VALUE})")
    Path jvmOptions = Path.of("gateway/jvm.options");

    @Option(names = "--jvm", description = "JVM flags to use instead of --jvm-options, space separated (to compare variants)")
    String jvmFlags;

    @Option(names = "--interval", description = "Poll interval of every device (default: ${DEFAULT-VALUE})")
    Duration interval = Duration.ofSeconds(2);

    @Option(names = "--warm-up", description = "Running time before measuring (default: ${DEFAULT-VALUE})")
    Duration warmUp = Duration.ofSeconds(30);

    @Option(names = "--measure", description = "Measured time with the broker up (default: ${DEFAULT-VALUE})")
    Duration measure = Duration.ofSeconds(90);

    @Option(names = "--outage", description = "Measured time with the broker stopped (default: ${DEFAULT-VALUE})")
    Duration outage = Duration.ofSeconds(60);

    @Option(names = "--drain-timeout", description = "Longest wait for the buffer to drain after the outage (default: ${DEFAULT-VALUE})")
    Duration drainTimeout = Duration.ofSeconds(120);

    @Option(names = "--limit-mib", description = "Fail when the gateway's peak RSS reaches this (default: ${DEFAULT-VALUE}, docs/architecture.md)")
    int limitMib = 128;

    @Option(names = "--out", description = "Directory for the generated config, the buffer and the gateway's log (default: a new temporary one)")
    Path out;

    static final int DLT645_CONVERTERS = 10;
    static final int DLT645_METERS_PER_CONVERTER = 14;
    static final int MODBUS_ENDPOINTS = 2;
    static final int MODBUS_UNITS_PER_ENDPOINT = 20;
    static final int CJT188_CONVERTERS = 2;
    static final int CJT188_METERS_PER_CONVERTER = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> problems = new ArrayList<>();
    /** Child JVMs, ended by a shutdown hook too, so that Ctrl-C leaves no gateway running. */
    private final List<Process> children = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process gateway;
    private int statusPort;
    private Path gatewayLog;
    private TelemetrySink sink;

    @Override
    public Integer call() throws Exception {
        List<String> flags = jvmFlags != null ? List.of(jvmFlags.trim().split("\\s+")) : readArgFile(jvmOptions);
        String flagSource = jvmFlags != null ? "--jvm" : jvmOptions.toString();
        if (!Files.isReadable(jar)) {
            System.err.println(jar + " is missing: build it with mvn -pl gateway -am package -DskipTests");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroyForcibly), "bench-children"));
        Path work = out != null ? Files.createDirectories(out) : Files.createTempDirectory("parkpulse-gateway-bench");
        Duration cycle = interval;
        List<AutoCloseable> closing = new ArrayList<>();
        try (MqttBroker broker = RealServices.mosquitto()) {
            sink = new TelemetrySink(broker.url());
            closing.add(sink);
            Park park = startEmulators(closing);
            Path config = work.resolve("gateway.yaml");
            statusPort = freePort();
            Files.writeString(config, park.yaml(broker.url(), work.resolve("buffer"), statusPort, cycle), StandardCharsets.UTF_8);
            gatewayLog = work.resolve("gateway.log");

            System.out.printf(Locale.ROOT, "gateway memory: %d devices (%d DL/T 645 on %d converters, %d Modbus TCP on %d endpoints, "
                            + "%d CJ/T 188 on %d converters), each read every %ds; broker %s; work dir %s%n",
                    park.devices(), DLT645_CONVERTERS * DLT645_METERS_PER_CONVERTER, DLT645_CONVERTERS,
                    MODBUS_ENDPOINTS * MODBUS_UNITS_PER_ENDPOINT, MODBUS_ENDPOINTS, CJT188_CONVERTERS * CJT188_METERS_PER_CONVERTER,
                    CJT188_CONVERTERS, cycle.toSeconds(), broker.url(), work);
            System.out.println("JVM flags (" + flagSource + "): " + String.join(" ", flags));

            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(flags);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--config", config.toString()));
            gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(gatewayLog.toFile()).start();
            children.add(gateway);
            closing.add(() -> stop(gateway));
            long started = System.nanoTime();

            Status first = awaitAllRead(park.devices(), Duration.ofSeconds(90));
            System.out.printf(Locale.ROOT, "gateway up, every device read once after %.1f s; warming up for %ds%n",
                    (System.nanoTime() - started) / 1e9, warmUp.toSeconds());

            // the baseline runs beside the warm-up: an idle JVM costs no CPU worth mentioning once started
            List<String> idleCommand = new ArrayList<>(List.of(javaBinary()));
            idleCommand.addAll(flags);
            idleCommand.addAll(List.of("-cp", Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    IdleJvm.class.getName()));
            Process idle = new ProcessBuilder(idleCommand).redirectErrorStream(true).redirectOutput(work.resolve("idle-jvm.log").toFile()).start();
            children.add(idle);
            closing.add(() -> stop(idle));
            Samples idleSamples = new Samples();
            Samples warm = new Samples();
            long warmEnd = System.nanoTime() + warmUp.toNanos();
            int second = 0;
            while (System.nanoTime() < warmEnd) {
                sleepOneSecond();
                warm.add(memory(gateway.pid()));
                if (++second > 5 && idle.isAlive()) { // 5 s for the idle JVM to finish starting
                    idleSamples.add(memory(idle.pid()));
                }
                checkAlive();
            }
            long[] idleEnd = memory(idle.pid());
            stop(idle);
            if (idleSamples.count() == 0) {
                problems.add("the idle JVM exited at once; see " + work.resolve("idle-jvm.log"));
            }

            // phase 1: broker up
            Status before = status();
            PhaseResult connected = phase("broker up", measure, before);
            Map<String, Long> jvm = jvmMemory();
            checkDevices(connected, "broker up");
            if (!connected.end.connected) {
                problems.add("broker up: the gateway was not connected at the end of the phase");
            }
            long settled = 2L * park.devices(); // two cycles' readings: what may wait between a read and its PUBACK
            if (connected.maxBufferReadings > settled) {
                problems.add("broker up: the buffer piled up to " + connected.maxBufferReadings + " readings (at most " + settled + " expected)");
            }

            // phase 2: broker down, the buffer grows on disk
            broker.stop();
            PhaseResult down = phase("broker down", outage, connected.end);
            checkDevices(down, "broker down");
            long expectedBuffered = (long) (park.devices() * (outage.toMillis() / (double) cycle.toMillis()) * 0.8);
            if (down.end.bufferReadings < expectedBuffered) {
                problems.add("broker down: only " + down.end.bufferReadings + " readings buffered, expected at least " + expectedBuffered);
            }

            // phase 3: broker back, the buffer drains
            broker.start();
            PhaseResult drain = drain(down.end, settled);
            if (drain.end.bufferReadings > settled) {
                problems.add("broker back: the buffer still held " + drain.end.bufferReadings + " readings after " + drainTimeout.toSeconds() + " s");
            }
            long[] last = memory(gateway.pid());
            stop(gateway);

            report(park, flags, flagSource, first, idleSamples, idleEnd, warm, connected, down, drain, last, jvm);
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                try {
                    closing.get(i).close();
                } catch (Exception e) {
                    System.err.println("closing: " + e);
                }
            }
            if (out == null) {
                deleteTree(work);
            }
        }
        if (!problems.isEmpty()) {
            System.out.println();
            problems.forEach(p -> System.out.println("FAILED: " + p));
            return 1;
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------- park

    /** The emulated park: where each device answers, as config lines. */
    record Park(List<String> deviceLines) {
        int devices() {
            return deviceLines.size();
        }

        String yaml(String brokerUrl, Path buffer, int httpPort, Duration interval) {
            StringBuilder y = new StringBuilder();
            y.append("gateway: {park: bench-park, id: gw-bench}\n");
            y.append("broker: {url: \"").append(brokerUrl).append("\"}\n");
            y.append("polling: {interval: ").append(interval.toMillis()).append("ms, timeout: 1s, retries: 1}\n");
            y.append("buffer: {directory: \"").append(buffer).append("\", max_mb: 64}\n");
            y.append("http: {host: 127.0.0.1, port: ").append(httpPort).append("}\n");
            y.append("devices:\n");
            deviceLines.forEach(line -> y.append("  - ").append(line).append('\n'));
            return y.toString();
        }
    }

    private Park startEmulators(List<AutoCloseable> closing) throws IOException {
        ParkMeters values = new ParkMeters();
        List<String> lines = new ArrayList<>();
        for (int c = 1; c <= DLT645_CONVERTERS; c++) {
            Map<String, String> meters = new LinkedHashMap<>();
            for (int m = 1; m <= DLT645_METERS_PER_CONVERTER; m++) {
                meters.put(String.format(Locale.ROOT, "%06d%06d", c, m), String.format(Locale.ROOT, "E-DLT-%02d-%02d", c, m));
            }
            Dlt645Emulator emulator = new Dlt645Emulator(0, values, meters);
            closing.add(emulator);
            meters.forEach((address, meter) -> lines.add(String.format(Locale.ROOT,
                    "{meter: %s, protocol: dlt645, endpoint: \"127.0.0.1:%d\", address: \"%s\", profile: dlt645-three-phase}",
                    meter, emulator.port(), address)));
        }
        for (int e = 1; e <= MODBUS_ENDPOINTS; e++) {
            Map<Integer, ModbusEmulator.Meter> units = new LinkedHashMap<>();
            for (int u = 1; u <= MODBUS_UNITS_PER_ENDPOINT; u++) {
                units.put(u, new ModbusEmulator.Meter(String.format(Locale.ROOT, "E-MB-%d-%02d", e, u),
                        u % 2 == 1 ? ModbusMeterLayout.eastronSdm630() : ModbusMeterLayout.chintDtsu666()));
            }
            ModbusEmulator emulator = new ModbusEmulator(values, units, 0);
            closing.add(emulator);
            units.forEach((unit, meter) -> lines.add(String.format(Locale.ROOT,
                    "{meter: %s, protocol: modbus, endpoint: \"127.0.0.1:%d\", unit_id: %d, profile: %s}",
                    meter.meterId(), emulator.port(), unit, unit % 2 == 1 ? "eastron-sdm630" : "chint-dtsu666")));
        }
        for (int c = 1; c <= CJT188_CONVERTERS; c++) {
            Map<String, String> meters = new LinkedHashMap<>();
            for (int m = 1; m <= CJT188_METERS_PER_CONVERTER; m++) {
                meters.put(String.format(Locale.ROOT, "%08d%06d", c, m), String.format(Locale.ROOT, "W-CJ-%d-%02d", c, m));
            }
            Cjt188Emulator emulator = new Cjt188Emulator(0, values, meters);
            closing.add(emulator);
            meters.forEach((address, meter) -> lines.add(String.format(Locale.ROOT,
                    "{meter: %s, protocol: cjt188, endpoint: \"127.0.0.1:%d\", address: \"%s\", profile: cjt188-cold-water}",
                    meter, emulator.port(), address)));
        }
        return new Park(lines);
    }

    /**
     * Plausible, changing displays: each electricity meter draws its own load (5–44 kW) swinging ±20 % over five
     * minutes, its energy register the exact integral of that load; voltage, frequency and power factor wander
     * around their nominal values; water meters count up at 0.5–3 m³/h.
     */
    static final class ParkMeters implements MeterValues {
        private final long t0 = System.currentTimeMillis();
        private final Map<String, Integer> index = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public OptionalDouble latest(String meter, Quantity q) {
            int k = index.computeIfAbsent(meter, m -> Math.floorMod(m.hashCode(), 1000));
            double t = (System.currentTimeMillis() - t0) / 1000.0;
            double phase = k * 0.37;
            double noise = ThreadLocalRandom.current().nextDouble(-1, 1);
            if (meter.startsWith("W-")) {
                double flow = 0.5 + (k % 26) * 0.1; // m³/h
                return q == Quantity.VOLUME_M3 ? OptionalDouble.of(round(100 + k * 3.7 + flow * t / 3600, 2)) : OptionalDouble.empty();
            }
            double rated = 5 + k % 40; // kW
            double omega = 2 * Math.PI / 300;
            double power = rated * (0.8 + 0.2 * Math.sin(omega * t + phase));
            double pf = 0.93 + 0.04 * Math.sin(omega * t / 3 + phase);
            double volts = 230 + 2 * Math.sin(2 * Math.PI * t / 60 + phase) + 0.3 * noise;
            return switch (q) {
                case ENERGY_KWH -> OptionalDouble.of(round(10_000 + k * 137
                        + (0.8 * rated * t - 0.2 * rated / omega * (Math.cos(omega * t + phase) - Math.cos(phase))) / 3600, 2));
                case REVERSE_ENERGY_KWH -> OptionalDouble.of(round(1.5 + k * 0.01, 2));
                case POWER_KW -> OptionalDouble.of(round(power, 4));
                case REACTIVE_POWER_KVAR -> OptionalDouble.of(round(power * Math.tan(Math.acos(pf)), 4));
                case POWER_FACTOR -> OptionalDouble.of(round(pf, 3));
                case VOLTAGE_V -> OptionalDouble.of(round(volts, 1));
                case CURRENT_A -> OptionalDouble.of(round(power * 1000 / (3 * volts * pf), 3));
                case FREQUENCY_HZ -> OptionalDouble.of(round(50 + 0.02 * Math.sin(2 * Math.PI * t / 120 + phase), 2));
                default -> OptionalDouble.empty();
            };
        }

        private static double round(double v, int decimals) {
            double f = Math.pow(10, decimals);
            return Math.round(v * f) / f;
        }
    }

    /**
     * Stands for ingest on the broker's other side: a persistent QoS 1 session on the shared telemetry subscription
     * (the gateway keeps its readings buffered while nobody subscribes), counting what arrives.
     */
    static final class TelemetrySink implements AutoCloseable {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong readings = new AtomicLong();
        private final MqttClient client;

        TelemetrySink(String url) throws MqttException {
            client = new MqttClient(url, "gateway-bench-sink", new MemoryPersistence());
            MqttConnectionOptions options = MqttClients.options(url);
            options.setCleanStart(false);
            options.setSessionExpiryInterval(3600L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 2);
            client.setCallback(new CallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    messages.incrementAndGet();
                    JsonArray list = new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)).getJsonArray("readings");
                    readings.addAndGet(list == null ? 0 : list.size());
                }

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    if (reconnect) { // Mosquitto 2.0.11 does not bring a shared subscription back with the session
                        Thread subscriber = new Thread(TelemetrySink.this::subscribe, "bench-sink-resubscribe");
                        subscriber.setDaemon(true);
                        subscriber.start();
                    }
                }
            });
            client.connect(options);
            subscribe();
        }

        private void subscribe() {
            try {
                client.subscribe(Topics.shared("gateway-bench", Channel.TELEMETRY), 1);
            } catch (MqttException e) {
                System.err.println("the benchmark's subscriber could not subscribe: " + e);
            }
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
            client.close(true);
        }
    }

    // -------------------------------------------------------------------------------------------------------- phases

    /** What {@code GET /status} and {@code /metrics} said at one instant. */
    record Status(long atNanos, Map<String, long[]> devices, Map<String, String> errors, long bufferMessages, long bufferReadings, long bufferBytes,
                  long droppedReadings, boolean connected, double readingsPublished, long readingsDelivered) {
        long reads() {
            return devices.values().stream().mapToLong(d -> d[0]).sum();
        }
    }

    record PhaseResult(String name, Status start, Status end, Samples memory, long maxBufferReadings, long maxBufferBytes) {
        double seconds() {
            return (end.atNanos - start.atNanos) / 1e9;
        }

        double readsPerSecond() {
            return (end.reads() - start.reads()) / seconds();
        }

        double publishedPerSecond() {
            return (end.readingsPublished - start.readingsPublished) / seconds();
        }

        double deliveredPerSecond() {
            return (end.readingsDelivered - start.readingsDelivered) / seconds();
        }
    }

    private PhaseResult phase(String name, Duration length, Status start) throws Exception {
        System.out.printf(Locale.ROOT, "%s: measuring for %ds%n", name, length.toSeconds());
        Samples samples = new Samples();
        long maxReadings = start.bufferReadings;
        long maxBytes = start.bufferBytes;
        long end = System.nanoTime() + length.toNanos();
        Status last = start;
        for (int second = 1; System.nanoTime() < end; second++) {
            sleepOneSecond();
            checkAlive();
            samples.add(memory(gateway.pid()));
            if (second % 5 == 0) {
                last = status();
                maxReadings = Math.max(maxReadings, last.bufferReadings);
                maxBytes = Math.max(maxBytes, last.bufferBytes);
            }
        }
        last = status();
        return new PhaseResult(name, start, last, samples, Math.max(maxReadings, last.bufferReadings), Math.max(maxBytes, last.bufferBytes));
    }

    private PhaseResult drain(Status start, long settled) throws Exception {
        System.out.printf(Locale.ROOT, "broker back: waiting for the buffer to drain (at most %ds)%n", drainTimeout.toSeconds());
        Samples samples = new Samples();
        long end = System.nanoTime() + drainTimeout.toNanos();
        Status last = start;
        while (System.nanoTime() < end) {
            sleepOneSecond();
            checkAlive();
            samples.add(memory(gateway.pid()));
            last = status();
            if (last.connected && last.bufferReadings <= settled) {
                break;
            }
        }
        return new PhaseResult("broker back, draining", start, last, samples, start.bufferReadings, start.bufferBytes);
    }

    private void checkDevices(PhaseResult phase, String name) {
        long expected = (long) Math.floor(phase.seconds() * 1000 / interval.toMillis()) - 1;
        List<String> unread = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        phase.end.devices.forEach((meter, d) -> {
            long[] s = phase.start.devices.getOrDefault(meter, new long[3]);
            if (d[0] - s[0] < expected) {
                unread.add(meter + " (" + (d[0] - s[0]) + " reads)");
            }
            if (d[1] > s[1] || d[2] > 0) {
                failing.add(meter + " (" + (d[1] - s[1]) + " failures, last error: " + phase.end.errors.get(meter) + ")");
            }
        });
        if (!unread.isEmpty()) {
            problems.add(name + ": " + unread.size() + " devices read fewer than " + expected + " times: " + abbreviate(unread));
        }
        if (!failing.isEmpty()) {
            problems.add(name + ": " + failing.size() + " devices failed: " + abbreviate(failing));
        }
    }

    private static String abbreviate(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items) : String.join(", ", items.subList(0, 5)) + ", …";
    }

    private Status awaitAllRead(int devices, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Status last = null;
        Exception error = null;
        while (System.nanoTime() < end) {
            checkAlive();
            try {
                last = status();
                if (last.devices.size() == devices && last.connected && last.devices.values().stream().allMatch(d -> d[0] > 0)) {
                    return last;
                }
            } catch (IOException e) {
                error = e; // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway did not read every device within " + timeout.toSeconds() + " s (last status: "
                + (last == null ? String.valueOf(error) : last.devices.size() + " devices, connected " + last.connected)
                + "); log: " + gatewayLog + "\n" + tail(gatewayLog));
    }

    // ------------------------------------------------------------------------------------------------ the gateway

    private Status status() throws IOException, InterruptedException {
        JsonObject json = new JsonObject(get("/status"));
        long now = System.nanoTime();
        Map<String, long[]> devices = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        JsonArray list = json.getJsonArray("devices");
        for (int i = 0; i < list.size(); i++) {
            JsonObject d = list.getJsonObject(i);
            devices.put(d.getString("meter"), new long[] {d.getLong("reads"), d.getLong("failures"), d.getLong("consecutive_failures")});
            if (d.getString("last_error") != null) {
                errors.put(d.getString("meter"), d.getString("last_error"));
            }
        }
        JsonObject buffer = json.getJsonObject("buffer");
        double published = 0;
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith("parkpulse_gateway_readings_published_total")) {
                published = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new Status(now, devices, errors, buffer.getLong("messages"), buffer.getLong("readings"), buffer.getLong("bytes"),
                buffer.getLong("dropped_readings"), json.getJsonObject("broker").getBoolean("connected"), published, sink.readings.get());
    }

    /** Heap and non-heap in use, from the gateway's Micrometer JVM metrics, in bytes. */
    private Map<String, Long> jvmMemory() throws IOException, InterruptedException {
        Map<String, Long> sums = new HashMap<>();
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") || line.startsWith("jvm_memory_committed_bytes{")) {
                String metric = line.substring(0, line.indexOf('{'));
                String area = line.contains("area=\"heap\"") ? "heap" : "nonheap";
                long bytes = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                sums.merge(metric + "." + area, bytes, Long::sum);
                if (line.contains("id=\"Tenured Gen\"") || line.contains("id=\"G1 Old Gen\"")) {
                    sums.merge(metric + ".old", bytes, Long::sum);
                }
            }
        }
        return sums;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private void checkAlive() {
        if (!gateway.isAlive()) {
            throw new IllegalStateException("the gateway exited with code " + gateway.exitValue() + "; log: " + gatewayLog + "\n" + tail(gatewayLog));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ memory

    /** VmRSS and VmHWM of {@code pid} in KiB, from {@code /proc/<pid>/status}. */
    static long[] memory(long pid) {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status (Linux only): " + e.getMessage(), e);
        }
        return new long[] {rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** RSS samples (KiB) and the last VmHWM seen. */
    static final class Samples {
        private final List<Long> rss = new ArrayList<>();
        private long hwm;

        void add(long[] sample) {
            rss.add(sample[0]);
            hwm = Math.max(hwm, sample[1]);
        }

        int count() {
            return rss.size();
        }

        double meanMib() {
            return rss.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1024;
        }

        double maxMib() {
            return rss.stream().mapToLong(Long::longValue).max().orElse(-1) / 1024.0;
        }

        double hwmMib() {
            return hwm / 1024.0;
        }
    }

    // ------------------------------------------------------------------------------------------------------ report

    private void report(Park park, List<String> flags, String flagSource, Status first, Samples idle, long[] idleEnd, Samples warm,
                        PhaseResult up, PhaseResult down, PhaseResult drain, long[] last, Map<String, Long> jvm) {
        double rssMax = Stream.of(up.memory, down.memory, drain.memory).mapToDouble(Samples::maxMib).max().orElse(-1);
        double hwm = last[1] / 1024.0;
        double idleMean = idle.meanMib();
        System.out.println();
        System.out.printf(Locale.ROOT, "| Phase | Time | Device reads/s | Readings published / received per s | Buffer (readings, KiB on disk) | RSS mean / max |%n");
        System.out.printf(Locale.ROOT, "|---|---:|---:|---|---|---:|%n");
        System.out.printf(Locale.ROOT, "| baseline: idle JVM, same flags | %d s | — | — | — | %.1f / %.1f MiB |%n",
                idle.count(), idleMean, idle.maxMib());
        System.out.printf(Locale.ROOT, "| gateway, warm-up | %d s | — | — | — | %.1f / %.1f MiB |%n", warm.count(), warm.meanMib(), warm.maxMib());
        for (PhaseResult p : List.of(up, down, drain)) {
            System.out.printf(Locale.ROOT, "| gateway, %s | %.0f s | %.1f | %.1f / %.1f | %s | %.1f / %.1f MiB |%n", p.name, p.seconds(),
                    p.readsPerSecond(), p.publishedPerSecond(), p.deliveredPerSecond(), buffer(p), p.memory.meanMib(), p.memory.maxMib());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "devices                       %d (every one read, no failures: %s)%n", park.devices(),
                problems.stream().noneMatch(p -> p.contains("devices")) ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "JVM flags                     %s (from %s)%n", String.join(" ", flags), flagSource);
        System.out.printf(Locale.ROOT, "gateway heap / non-heap used  %.1f / %.1f MiB (committed %.1f / %.1f MiB), end of 'broker up'%n",
                jvm.getOrDefault("jvm_memory_used_bytes.heap", -1L) / 1048576.0, jvm.getOrDefault("jvm_memory_used_bytes.nonheap", -1L) / 1048576.0,
                jvm.getOrDefault("jvm_memory_committed_bytes.heap", -1L) / 1048576.0,
                jvm.getOrDefault("jvm_memory_committed_bytes.nonheap", -1L) / 1048576.0);
        System.out.printf(Locale.ROOT, "gateway old generation used   %.1f MiB (what survived young collections: about the live heap)%n",
                jvm.getOrDefault("jvm_memory_used_bytes.old", -1L) / 1048576.0);
        System.out.printf(Locale.ROOT, "gateway RSS max (measured)    %.1f MiB; VmHWM over its whole life %.1f MiB (limit %d MiB)%n", rssMax, hwm, limitMib);
        System.out.printf(Locale.ROOT, "idle JVM, same flags          RSS %.1f MiB mean, VmHWM %.1f MiB%n", idleMean, idleEnd[1] / 1024.0);
        System.out.printf(Locale.ROOT, "gateway's own cost            %.1f MiB above the idle JVM (%.2f × its RSS)%n",
                up.memory.meanMib() - idleMean, up.memory.meanMib() / idleMean);
        System.out.printf(Locale.ROOT, "RSS, broker down vs up        %+.1f MiB mean while %d readings (%d KiB) piled up on disk%n",
                down.memory.meanMib() - up.memory.meanMib(), down.end.bufferReadings, down.end.bufferBytes / 1024);
        if (Math.max(rssMax, hwm) >= limitMib) {
            problems.add(String.format(Locale.ROOT, "peak RSS %.1f MiB reaches the %d MiB limit", Math.max(rssMax, hwm), limitMib));
        }
        if (drain.end.droppedReadings > 0) {
            problems.add("the buffer dropped " + drain.end.droppedReadings + " readings");
        }
        System.out.println(problems.isEmpty() ? "result                        PASS: under " + limitMib + " MiB, every device read, nothing failed"
                : "result                        FAIL (below)");
    }

    private static String buffer(PhaseResult p) {
        if (p.name.startsWith("broker back")) {
            return String.format(Locale.ROOT, "%d → %d readings in %.0f s", p.start.bufferReadings, p.end.bufferReadings, p.seconds());
        }
        return String.format(Locale.ROOT, "max %d (%d KiB), end %d", p.maxBufferReadings, p.maxBufferBytes / 1024, p.end.bufferReadings);
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** The flags of a java {@code @argfile}: whitespace-separated, {@code #} to the end of a line is a comment. */
    static List<String> readArgFile(Path file) throws IOException {
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!text.isEmpty()) {
                flags.addAll(Arrays.asList(text.split("\\s+")));
            }
        }
        return flags;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleepOneSecond() throws InterruptedException {
        Thread.sleep(1_000);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
