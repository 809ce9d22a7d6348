package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/**
 * The dashboard API's routes under {@code /api/v1} (docs/openapi.yaml). Everything there needs a bearer token;
 * {@code /health} does not, so probes and load balancers can use it.
 */
public final class DashboardApi {

    public static final String BASE = "/api/v1";

    private DashboardApi() {
    }

    public static Router router(Vertx vertx, Parks parks, ApiTokens tokens, InfluxClient influx,
                                EfficiencyService service, OutputReportStore reports, Clock clock) {
        Router root = Router.router(vertx);
        root.get("/health").handler(rc -> influx.ping()
                .onSuccess(ok -> Http.json(rc, 200, new JsonObject().put("status", "UP")
                        .put("park_file_errors", parks.lastErrors().size())))
                .onFailure(e -> Http.json(rc, 503, new JsonObject().put("status", "DOWN")
                        .put("influxdb", e.getMessage()))));

        root.route(BASE + "/*").subRouter(api(vertx, parks, tokens, service, reports, clock));
        return root;
    }

    /** The routes under {@link #BASE}; every one behind the bearer-token check. */
    static Router api(Vertx vertx, Parks parks, ApiTokens tokens, EfficiencyService service, OutputReportStore reports,
                      Clock clock) {
        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(OutputReportRoutes.MAX_UPLOAD_BYTES));
        api.route().handler(new Authentication(tokens));
        api.get("/whoami").handler(rc -> {
            Caller c = Requests.caller(rc);
            Http.json(rc, 200, new JsonObject().put("name", c.name()).put("role", c.role().name().toLowerCase(java.util.Locale.ROOT))
                    .put("park", c.park()).put("enterprise", c.enterprise()));
        });
        new EfficiencyRoutes(parks, service).mount(api);
        new OutputReportRoutes(parks, reports, service, clock).mount(api);
        api.route().failureHandler(rc -> {
            if (rc.failure() != null) {
                Http.fail(rc, rc.failure());
            } else if (rc.statusCode() == 413) {
                Http.json(rc, 413, new JsonObject().put("error", "the body is larger than "
                        + OutputReportRoutes.MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB"));
            } else {
                Http.json(rc, rc.statusCode(), new JsonObject().put("error", "HTTP " + rc.statusCode()));
            }
        });
        api.route().handler(rc -> Http.json(rc, 404, new JsonObject().put("error", "no such API: " + rc.request().method()
                + " " + rc.request().path() + "; see docs/openapi.yaml")));
        return api;
    }
}
