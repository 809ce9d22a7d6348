package io.parkpulse.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.bench.load.ProcessMemory;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real gateway jar (with its edge JVM flags) reading DL/T 645 meters emulated behind one serial-to-TCP converter,
 * its uplink to the broker running through an {@link UplinkCut}, its buffer on disk in the suite's work directory.
 * It keeps its default end-to-end acks; only {@code acks.resend_after} is set, to the plan's ack timeout.
 */
final class GatewayRig implements AutoCloseable {

    static final String PARK = "chaos-gw-park";
    static final String GATEWAY = "gw-chaos";

    /** Generous for a meter on the loopback, so a busy machine does not turn slow answers into failed reads. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Path jar;
    private final Path jvmOptions;
    private final Path config;
    private final Path log;
    private final int httpPort;
    private final CountingRegisters registers = new CountingRegisters();
    private final Dlt645Emulator converter;
    private final UplinkCut uplink;
    private final List<String> meters = new ArrayList<>();
    /** When each kill happened, epoch ms: a read answered just before one may have been in flight. */
    private final List<Long> kills = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile int life;

    /**
     * @param resendAfter the gateway's {@code acks.resend_after}: the plan's ack timeout, as for the load's publishers
     */
    GatewayRig(Path work, int brokerPort, Path jar, Path jvmOptions, int meterCount, Duration poll, Duration resendAfter, int httpPort)
            throws IOException {
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.httpPort = httpPort;
        this.log = work.resolve("gateway.log");
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (int i = 1; i <= meterCount; i++) {
            String meter = meterId(i);
            meters.add(meter);
            byAddress.put(String.format("%012d", i), meter);
        }
        converter = new Dlt645Emulator(0, registers, byAddress);
        uplink = new UplinkCut(brokerPort);
        StringBuilder yaml = new StringBuilder()
                .append("gateway: {park: ").append(PARK).append(", id: ").append(GATEWAY).append("}\n")
                .append("broker: {url: \"tcp://127.0.0.1:").append(uplink.port()).append("\"}\n")
                // the documented key (docs/gateway.md, acks): the 30 s default would make the short form wait for the
                // resends of what a killed broker lost; the full form passes the default 30 s
                .append("acks: {end_to_end: true, resend_after: ").append(resendAfter.toMillis()).append("ms}\n")
                .append("polling: {interval: ").append(poll.toMillis()).append("ms, timeout: ").append(READ_TIMEOUT.toMillis())
                // no second request after a timeout: the meter would count a read the gateway never received
                .append("ms, retries: 0}\n")
                .append("buffer: {directory: \"").append(work.resolve("gateway-buffer")).append("\"}\n")
                .append("http: {host: 127.0.0.1, port: ").append(httpPort).append("}\n")
                .append("devices:\n");
        byAddress.forEach((address, meter) -> yaml.append("  - {meter: ").append(meter)
                .append(", protocol: dlt645, endpoint: \"127.0.0.1:").append(converter.port()).append("\", address: \"")
                .append(address).append("\", profile: dlt645-energy-only}\n"));
        config = Files.writeString(work.resolve("gateway.yaml"), yaml.toString());
    }

    static String meterId(int i) {
        return String.format("E-CH-%03d", i);
    }

    /** The park file ingest needs for this gateway's meters. */
    static String parkFile(int meterCount) {
        StringBuilder yaml = new StringBuilder("schema_version: 1\npark:\n  id: " + PARK
                + "\n  name: Chaos gateway park\n  time_zone: Asia/Shanghai\ngateways:\n  - id: " + GATEWAY + "\nmeters:\n");
        for (int i = 1; i <= meterCount; i++) {
            yaml.append("  - id: ").append(meterId(i)).append("\n    kind: electricity\n    gateway: ").append(GATEWAY).append('\n');
        }
        return yaml.toString();
    }

    List<String> meters() {
        return List.copyOf(meters);
    }

    CountingRegisters registers() {
        return registers;
    }

    UplinkCut uplink() {
        return uplink;
    }

    void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jvmOptions)) {
            throw new IllegalStateException(jvmOptions + " does not exist: the gateway is measured with its edge JVM flags");
        }
        List<String> flags = List.of("@" + jvmOptions);
        process = Processes.startJar(jar, flags, List.of("--config", config.toString()), Map.of(), log);
        life++;
        Await.until(Duration.ofSeconds(60), () -> Processes.get("http://127.0.0.1:" + httpPort + "/health") != null,
                () -> "gateway not healthy; alive " + process.isAlive() + "; log:\n" + Processes.tail(log, 3000));
    }

    /** A power cut: SIGKILL, nothing flushed beyond what the buffer had already synced. */
    void kill() throws InterruptedException {
        kills.add(System.currentTimeMillis());
        Processes.kill(process);
    }

    /** The kills between two instants, epoch ms. */
    List<Long> killsBetween(long fromMs, long toMs) {
        return kills.stream().filter(at -> at >= fromMs && at <= toMs).toList();
    }

    /** The gateway's /status, or null while it does not answer. */
    GatewayStatus status() {
        int askedLife = life; // a restart takes seconds, far longer than this request: the answer is from this life
        String body = Processes.get("http://127.0.0.1:" + httpPort + "/status");
        try {
            return body == null ? null : GatewayStatus.of(askedLife, new ObjectMapper().readTree(body));
        } catch (IOException e) {
            return null;
        }
    }

    /** Readings waiting in the gateway's buffer, -1 while it does not answer. */
    long bufferedReadings() {
        GatewayStatus status = status();
        return status == null ? -1 : status.bufferedReadings();
    }

    long rssMbOrMinusOne() {
        return process == null || !process.isAlive() ? -1 : Math.round(ProcessMemory.residentBytes(process.pid()) / (1024 * 1024));
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws Exception {
        Processes.stop(process);
        converter.close();
        uplink.close();
    }
}
