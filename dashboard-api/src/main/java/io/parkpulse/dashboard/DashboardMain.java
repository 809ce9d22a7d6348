package io.parkpulse.dashboard;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the dashboard API configured from environment variables (docs/dashboard-api.md). */
public final class DashboardMain {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

    private DashboardMain() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        DashboardConfig config;
        try {
            config = DashboardConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("dashboard-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new DashboardVerticle(config, Clock.systemUTC())).await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            LOG.error("dashboard API could not start: {}", e.getMessage());
            vertx.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("shutdown did not complete cleanly: {}", e.toString());
            }
        }, "dashboard-shutdown"));
    }
}
