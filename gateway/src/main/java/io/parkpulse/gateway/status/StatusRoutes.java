package io.parkpulse.gateway.status;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The gateway's small HTTP surface for people and monitoring: {@code GET /status} (JSON: broker, buffer,
 * every device's last read and errors), {@code GET /metrics} (Prometheus text) and {@code GET /health}
 * (200 while the gateway runs and its buffer accepts readings, 503 otherwise).
 */
public final class StatusRoutes {

    private StatusRoutes() {
    }

    public static void mount(Router router, Supplier<JsonObject> status, PrometheusMeterRegistry registry, BooleanSupplier healthy) {
        router.get("/status").handler(ctx -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                .end(status.get().encodePrettily()));
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        router.get("/health").handler(ctx -> {
            boolean ok = healthy.getAsBoolean();
            ctx.response().setStatusCode(ok ? 200 : 503).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("status", ok ? "up" : "down").encode());
        });
    }
}
