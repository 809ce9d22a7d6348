package io.parkpulse.bench.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * ParkPulse's system under test: the shaded ingest jar as deployed, configured by environment like the launcher's
 * {@code start_ingest}, with the flags of ingest/jvm.options and a 256 MB heap, its own client id and HTTP port, and the load park's file in its parks
 * directory so it accepts the meters. Ready when {@code /health} is UP: subscribed, InfluxDB reachable.
 */
final class IngestProcess implements PipelineLane.PipelineProcess {

    static final int HEAP_MB = PeerGoals.INGEST_HEAP_MB;
    /** A JVM start on the busy two-core machine took up to 7 s; far beyond that, yet bounded. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Where ingest runs from and what it is connected to. */
    record Settings(Path jar, Path jvmOptions, String brokerUrl, URI influx, String database, Path parks, int httpPort) {
    }

    private final Settings settings;
    private final String clientId;
    private final Process process;
    private final Path log;

    private IngestProcess(Settings settings, String clientId, Process process, Path log) {
        this.settings = settings;
        this.clientId = clientId;
        this.process = process;
        this.log = log;
    }

    static IngestProcess start(Settings settings, String clientId, Path runDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " does not exist: build it first (mvn -B -ntp -pl bench -am install -DskipTests)");
        }
        Path log = runDir.resolve("ingest.log");
        Map<String, String> env = Map.of(
                "PARKPULSE_MQTT_URL", settings.brokerUrl(),
                "PARKPULSE_MQTT_CLIENT_ID", clientId,
                "PARKPULSE_INFLUX_URL", settings.influx().toString(),
                "PARKPULSE_INFLUX_DATABASE", settings.database(),
                "PARKPULSE_PARKS_DIR", settings.parks().toString(),
                "PARKPULSE_HTTP_HOST", "127.0.0.1",
                "PARKPULSE_HTTP_PORT", Integer.toString(settings.httpPort()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the flags ingest ships with, then the goal's heap, which comes later and wins
        Process process = ChildProcesses.start(List.of(java, "@" + settings.jvmOptions(), "-Xmx" + HEAP_MB + "m", "-jar",
                settings.jar().toString()), env, log, false);
        IngestProcess ingest = new IngestProcess(settings, clientId, process, log);
        return ChildProcesses.readyOrClosed(ingest, ingest::awaitHealthy);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        URI health = URI.create("http://127.0.0.1:" + settings.httpPort() + "/health");
        while (!healthy(health)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ingest exited with " + process.exitValue() + " at start; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest not healthy after " + START_LIMIT.toSeconds() + " s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    private static boolean healthy(URI health) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String problem() {
        if (!process.isAlive()) {
            return "ingest exited with " + process.exitValue() + "; see " + log;
        }
        try {
            if (Files.readString(log).contains("OutOfMemoryError")) {
                return "ingest ran out of heap (-Xmx" + HEAP_MB + "m); see " + log;
            }
        } catch (IOException e) {
            return "cannot read " + log + ": " + e;
        }
        return null;
    }

    @Override
    public double peakRssMb() {
        return ChildProcesses.peakRssMb(process.pid());
    }

    @Override
    public void close() throws MqttException {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
        SessionSweeper.sweep(settings.brokerUrl(), clientId);
    }
}
