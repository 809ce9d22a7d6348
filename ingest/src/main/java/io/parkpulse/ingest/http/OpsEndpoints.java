package io.parkpulse.ingest.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.Supplier;

/**
 * The operations endpoints of a service: {@code GET /metrics} (Prometheus text format) and
 * {@code GET /health} (JSON; 200 when every check is up, 503 otherwise).
 */
public final class OpsEndpoints {

    private OpsEndpoints() {
    }

    /**
     * @param health completes with {@code {"status": "UP"|"DOWN", "checks": {...}}}
     */
    public static Router router(io.vertx.core.Vertx vertx, PrometheusMeterRegistry registry, Supplier<Future<JsonObject>> health) {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.get("/health").handler(ctx -> health.get().onComplete(result -> {
            JsonObject body = result.succeeded() ? result.result()
                    : new JsonObject().put("status", "DOWN").put("error", String.valueOf(result.cause()));
            ctx.response()
                    .setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(body.encodePrettily());
        }));
        return router;
    }
}
