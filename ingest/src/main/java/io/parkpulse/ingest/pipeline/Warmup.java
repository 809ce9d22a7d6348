package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.Limits;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.park.ParkRegistry;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs ingest's per-message code — decoding, checking against a park, turning readings into points and rendering
 * InfluxDB's line protocol — on synthetic messages of a synthetic park before ingest subscribes, so that the JIT
 * compiles that code then, and not while a restarted ingest drains the backlog the broker kept for it. Measured: a
 * fresh ingest spent about 40 % of its CPU in the C1/C2 compiler threads during its first 200,000 readings
 * (docs/benchmarks.md, "Against the tools users would pick instead").
 *
 * <p>Nothing leaves the process: no write, no acknowledgement, no metric. It ends after {@code messages} messages or
 * {@code budget}, whichever comes first, and then waits (within the budget) until the compiler has been quiet for a
 * moment, so the compilations it caused are installed before the first real message.
 */
public final class Warmup {

    static final String PARK_ID = "warmup-park";
    static final String GATEWAY = "gw-warmup";
    static final int METERS = 200;
    private static final long QUIET_MS = 250;

    /** What a warm-up did, for the start-up log line. */
    public record Result(int messages, long points, long renderedBytes, Duration took, Duration compiling) {
    }

    private Warmup() {
    }

    /** Runs the warm-up; call it on a worker thread, it takes about a second of CPU. */
    public static Result run(Limits limits, int messages, Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long compilingBefore = compilationMs(compiler);
        Park park = new ParkFileReader().read(PARK_ID + ".yaml", parkFile());
        ParkRegistry registry = new ParkRegistry(List.of(park));
        MessagePreparer preparer = new MessagePreparer(new TelemetryDecoder(limits, Clock.systemUTC()), () -> registry);
        String topic = "dp/v1/" + PARK_ID + "/" + GATEWAY + "/telemetry";
        long now = System.currentTimeMillis();
        long points = 0;
        long rendered = 0;
        int sent = 0;
        List<PreparedPoint> batch = new ArrayList<>();
        // mostly one-reading messages, every tenth with fifty: the two shapes gateways send
        while (sent < messages && System.nanoTime() < deadline) {
            int readings = sent % 10 == 9 ? 50 : 1;
            byte[] payload = telemetry(sent, readings, now - 60_000 + sent);
            PreparedMessage prepared = preparer.prepare(new InboundMessage(topic, payload, sent % 65_535 + 1, 1, 0, now));
            batch.addAll(prepared.points());
            if (batch.size() >= 5_000) {
                rendered += BatchWriter.body(batch).length();
                points += batch.size();
                batch.clear();
            }
            sent++;
        }
        points += batch.size();
        // let the compilations it queued finish, so the first real messages run compiled code
        long lastCompiling = compilationMs(compiler);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET_MS * 1_000_000) {
            if (!sleep()) {
                break;
            }
            long compiling = compilationMs(compiler);
            if (compiling != lastCompiling) {
                lastCompiling = compiling;
                quietSince = System.nanoTime();
            }
        }
        return new Result(sent, points, rendered, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofMillis(lastCompiling - compilingBefore));
    }

    static String parkFile() {
        StringBuilder yaml = new StringBuilder("""
                schema_version: 1
                park: {id: %s, name: 预热园区, time_zone: Asia/Shanghai}
                enterprises:
                  - {id: ent-warmup, name: 预热企业, industry: C3011, land_mu: 10}
                gateways:
                  - {id: %s}
                meters:
                """.formatted(PARK_ID, GATEWAY));
        for (int m = 0; m < METERS; m++) {
            yaml.append("  - {id: ").append(meterId(m)).append(", kind: electricity, enterprise: ent-warmup, gateway: ")
                    .append(GATEWAY).append("}\n");
        }
        return yaml.toString();
    }

    static byte[] telemetry(long seq, int readings, long ts) {
        StringBuilder json = new StringBuilder(64 + readings * 110).append("{\"seq\":").append(seq).append(",\"readings\":[");
        for (int r = 0; r < readings; r++) {
            if (r > 0) {
                json.append(',');
            }
            double energy = 1000 + seq * 0.25 + r;
            json.append("{\"meter\":\"").append(meterId((int) ((seq + r) % METERS))).append("\",\"ts\":").append(ts)
                    .append(",\"values\":{\"energy_kwh\":").append(energy).append(",\"power_kw\":").append(40 + r % 17)
                    .append(".5,\"voltage_v\":0.4,\"current_a\":61.2,\"power_factor\":0.93}}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String meterId(int m) {
        return String.format("E-WARM-%03d", m);
    }

    private static long compilationMs(CompilationMXBean compiler) {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    /** @return false when interrupted: start-up is being cancelled */
    private static boolean sleep() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
