package io.parkpulse.gateway.status;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkpulse.gateway.nbiot.ThrottledWarnings;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's small HTTP surface for people and monitoring: {@code GET /status} (JSON: broker, buffer,
 * every device's last read and errors), {@code GET /metrics} (Prometheus text) and {@code GET /health}
 * (200 while the gateway runs and its buffer accepts readings, 503 otherwise). With a token configured,
 * {@code /status} and {@code /metrics} answer only a request carrying it as {@code Authorization: Bearer};
 * {@code /health} says nothing but up or down and stays open for probes.
 */
public final class StatusRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(StatusRoutes.class);
    private static final ThrottledWarnings REFUSALS = new ThrottledWarnings(LOG, 10_000);

    private StatusRoutes() {
    }

    /** @param token the bearer token {@code /status} and {@code /metrics} require; null = open (a loopback-only server) */
    public static void mount(Router router, Supplier<JsonObject> status, PrometheusMeterRegistry registry, BooleanSupplier healthy,
                             SharedSecret token) {
        if (token != null) {
            router.get("/status").handler(ctx -> requireBearer(ctx, token));
            router.get("/metrics").handler(ctx -> requireBearer(ctx, token));
        }
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

    private static void requireBearer(RoutingContext ctx, SharedSecret token) {
        if (token.matches(SharedSecret.bearer(ctx.request()))) {
            ctx.next();
            return;
        }
        REFUSALS.warn("GET " + ctx.request().path() + " from " + ctx.request().remoteAddress()
                + " refused (401): no valid Authorization: Bearer token (http.token_env)");
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"parkpulse-gateway\"")
                .putHeader("content-type", "application/json").end(new JsonObject().put("error", "unauthorized").encode());
    }
}
