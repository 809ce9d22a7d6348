package io.parkpulse.ingest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts one ingest instance configured from environment variables (see {@code docs/ingest.md}). */
public final class IngestMain {

    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        IngestConfig config;
        try {
            config = IngestConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("starting ingest with {}", config);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = vertxWithMetrics(registry);
        try {
            vertx.deployVerticle(new IngestVerticle(config, registry)).await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            LOG.error("ingest could not start: {}", e.getMessage());
            closeQuietly(vertx);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping ingest: writing and acknowledging what is in hand");
            closeQuietly(vertx);
        }, "ingest-shutdown"));
    }

    /** A Vert.x instance whose own and the JVM's metrics go to {@code registry}. */
    public static Vertx vertxWithMetrics(PrometheusMeterRegistry registry) {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown did not complete cleanly: {}", e.toString());
        }
    }
}
