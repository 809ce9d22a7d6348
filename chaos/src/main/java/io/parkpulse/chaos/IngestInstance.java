package io.parkpulse.chaos;

import io.parkpulse.bench.load.IngestMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ingest instance run from its jar, as deployed: configured by environment, on the shared subscription, with a
 * fixed HTTP port for /metrics that survives restarts. Killed with SIGKILL and started again by the suite, as a
 * supervisor (systemd, Compose's restart policy) would.
 */
final class IngestInstance implements AutoCloseable {

    /** A JVM start on a busy two-core machine took up to 7 s; this is far beyond, yet bounded. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final String name;
    private final Path jar;
    private final Path jvmOptions;
    private final int heapMb;
    private final int httpPort;
    private final Map<String, String> environment;
    private final Path log;
    private volatile Process process;

    IngestInstance(String name, Path jar, Path jvmOptions, int heapMb, int httpPort, String brokerUrl, String influxUrl, Path parks, Path log) {
        this.name = name;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.heapMb = heapMb;
        this.httpPort = httpPort;
        this.log = log;
        Map<String, String> env = new HashMap<>();
        env.put("PARKPULSE_MQTT_URL", brokerUrl);
        env.put("PARKPULSE_MQTT_CLIENT_ID", name);
        env.put("PARKPULSE_INFLUX_URL", influxUrl);
        env.put("PARKPULSE_PARKS_DIR", parks.toString());
        env.put("PARKPULSE_HTTP_HOST", "127.0.0.1");
        env.put("PARKPULSE_HTTP_PORT", Integer.toString(httpPort));
        this.environment = Map.copyOf(env);
    }

    String name() {
        return name;
    }

    /** Starts the jar and waits until the broker granted its subscription; fails at once if the process exits. */
    void start() throws IOException, InterruptedException {
        // the shipped flags, then the plan's heap, which comes later and wins
        process = Processes.startJar(jar, List.of("@" + jvmOptions, "-Xmx" + heapMb + "m"), List.of(), environment, log);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!isSubscribed()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + Processes.tail(log, 3000));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not subscribed after " + START_LIMIT.toSeconds() + " s; log:\n"
                        + Processes.tail(log, 3000));
            }
            Thread.sleep(100);
        }
    }

    void kill() throws InterruptedException {
        Processes.kill(process);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Whether its log (all its lives) reports an OutOfMemoryError. */
    boolean ranOutOfMemory() {
        try {
            return java.nio.file.Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /** Its Prometheus metrics, or null while it does not answer. */
    String metrics() {
        return Processes.get("http://127.0.0.1:" + httpPort + "/metrics");
    }

    /** Running, and the broker granted its subscription (its /metrics say so). */
    boolean isSubscribed() {
        if (!isAlive()) {
            return false;
        }
        String metrics = metrics();
        return metrics != null && IngestMetrics.parse(metrics).subscribed();
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process);
    }
}
