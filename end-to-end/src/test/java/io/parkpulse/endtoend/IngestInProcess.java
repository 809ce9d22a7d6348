package io.parkpulse.endtoend;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkpulse.ingest.IngestConfig;
import io.parkpulse.ingest.IngestMain;
import io.parkpulse.ingest.IngestVerticle;
import io.parkpulse.testkit.Await;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real ingest service in the test JVM, configured as production is (environment variables). */
public final class IngestInProcess implements AutoCloseable {

    private final Vertx vertx;

    private IngestInProcess(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts ingest against the broker and database, with {@code parks} as its park directory; returns once subscribed. */
    public static IngestInProcess start(String brokerUrl, String influxUrl, Path parks) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = IngestMain.vertxWithMetrics(registry);
        IngestConfig config = IngestConfig.fromEnvironment(Map.of(
                "PARKPULSE_MQTT_URL", brokerUrl, "PARKPULSE_INFLUX_URL", influxUrl, "PARKPULSE_PARKS_DIR", parks.toString(),
                "PARKPULSE_MQTT_CLIENT_ID", "ingest-gateway-test", "PARKPULSE_HTTP_PORT", "0"));
        vertx.deployVerticle(new IngestVerticle(config, registry)).await(60, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(30), () -> {
            Gauge g = registry.find("parkpulse.ingest.broker.subscribed").gauge();
            return g != null && g.value() == 1;
        }, () -> "ingest not subscribed");
        return new IngestInProcess(vertx);
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
