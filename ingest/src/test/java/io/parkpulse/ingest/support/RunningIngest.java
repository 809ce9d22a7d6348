package io.parkpulse.ingest.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkpulse.ingest.IngestConfig;
import io.parkpulse.ingest.IngestMain;
import io.parkpulse.ingest.IngestVerticle;
import io.parkpulse.testkit.Await;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An ingest instance running in the test JVM, configured the way production is: by environment variables. Shared with
 * other modules' tests through this module's test jar.
 */
public final class RunningIngest implements AutoCloseable {

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final IngestVerticle verticle;
    private final IngestConfig config;

    private RunningIngest(IngestConfig config) throws Exception {
        this.config = config;
        vertx = IngestMain.vertxWithMetrics(registry);
        verticle = new IngestVerticle(config, registry);
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
    }

    /**
     * Waits until the broker granted the subscriptions: a message published before a share group's
     * first subscription exists has no subscriber and is discarded by the broker, by MQTT's rules.
     */
    public RunningIngest awaitSubscribed() throws InterruptedException {
        Await.until(java.time.Duration.ofSeconds(30), () -> registry.get("parkpulse.ingest.broker.subscribed").gauge().value() == 1,
                () -> "ingest not subscribed");
        return this;
    }

    /** Waits until the live rollup publisher is connected too, for tests of the live panels. */
    public RunningIngest awaitLiveRollupsConnected() throws InterruptedException {
        Await.until(java.time.Duration.ofSeconds(30), () -> {
            io.micrometer.core.instrument.Gauge live = registry.find("parkpulse.ingest.live.connected").gauge();
            return live != null && live.value() == 1;
        }, () -> "ingest's live rollup publisher not connected");
        return this;
    }

    /** The environment a test ingest needs, plus {@code extra}. */
    public static Map<String, String> environment(String brokerUrl, String influxUrl, Path parks, String clientId, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PARKPULSE_MQTT_URL", brokerUrl);
        env.put("PARKPULSE_INFLUX_URL", influxUrl);
        env.put("PARKPULSE_PARKS_DIR", parks.toString());
        env.put("PARKPULSE_MQTT_CLIENT_ID", clientId);
        env.put("PARKPULSE_HTTP_PORT", "0");
        env.put("PARKPULSE_PARKS_RELOAD_INTERVAL", "200ms");
        // tests measure no speed: the JIT warm-up would only lengthen every start (WarmupTest covers it)
        env.put("PARKPULSE_WARMUP_MESSAGES", "0");
        env.putAll(extra);
        return env;
    }

    /** Starts an instance and returns once it is subscribed. */
    public static RunningIngest start(Map<String, String> environment) throws Exception {
        return new RunningIngest(IngestConfig.fromEnvironment(environment)).awaitSubscribed();
    }

    /** The configuration it runs with, as read from the environment. */
    public IngestConfig config() {
        return config;
    }

    public int httpPort() {
        return verticle.httpPort();
    }

    /** What this instance's counter of {@code name} (with {@code tags}) says, 0 when absent. */
    public double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
