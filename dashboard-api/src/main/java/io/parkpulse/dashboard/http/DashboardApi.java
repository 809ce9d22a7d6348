package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.alarms.AlarmFeed;
import io.parkpulse.dashboard.alarms.AlarmRoutes;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.data.DataRoutes;
import io.parkpulse.dashboard.live.LiveRoutes;
import io.parkpulse.dashboard.report.CarbonReportRoutes;
import io.parkpulse.dashboard.report.MonthlyReportRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's HTTP surface: the API under {@code /api/v1} (docs/openapi.yaml, served at
 * {@code /api/v1/openapi.yaml}), {@code /health}, and the web UI (built into the jar's {@code webroot/}) at
 * {@code /}. Every API call needs a bearer token — a login token or a service token — except login itself and the
 * OpenAPI document.
 */
public final class DashboardApi {

    public static final String BASE = "/api/v1";

    private DashboardApi() {
    }

    public static Router router(Vertx vertx, ApiParts parts) {
        Router root = Router.router(vertx);
        SecurityHeaders.install(root);
        root.get("/health").handler(rc -> parts.influx().ping()
                .onSuccess(ok -> Http.json(rc, 200, new JsonObject().put("status", "UP")
                        .put("park_file_errors", parts.parks().lastErrors().size())))
                .onFailure(e -> Http.json(rc, 503, new JsonObject().put("status", "DOWN")
                        .put("influxdb", e.getMessage()))));
        root.route(BASE + "/*").subRouter(api(vertx, parts));
        // the UI uses hash routes (#/live …), so every page is index.html, always revalidated; the assets are
        // content-hashed by Vite and cached for good
        root.route("/*").handler(SecurityHeaders.revalidateAllButHashedAssets())
                .handler(StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(true)
                        .setMaxAgeSeconds(SecurityHeaders.A_YEAR_SECONDS).setDefaultContentEncoding("UTF-8"));
        return root;
    }

    /** The routes under {@link #BASE}. */
    static Router api(Vertx vertx, ApiParts parts) {
        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(OutputReportRoutes.MAX_UPLOAD_BYTES));
        api.get("/openapi.yaml").handler(rc -> rc.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                .sendFile("openapi.yaml").onFailure(rc::fail));
        new LoginRoutes(vertx, parts.users(), parts.loginTokens(), parts.loginLimiter()).mount(api);
        api.route().handler(new Authentication(parts.apiTokens(), parts.loginTokens()));
        api.get("/whoami").handler(rc -> {
            Caller c = Requests.caller(rc);
            Http.json(rc, 200, new JsonObject().put("name", c.name()).put("role", c.role().name().toLowerCase(Locale.ROOT))
                    .put("park", c.park()).put("parks", new JsonArray(List.copyOf(c.parks()))).put("enterprise", c.enterprise()));
        });
        new EfficiencyRoutes(parts.parks(), parts.efficiency()).mount(api);
        new CarbonRoutes(parts.parks(), parts.efficiency()).mount(api);
        new OutputReportRoutes(parts.parks(), parts.outputReports(), parts.efficiency(), parts.clock()).mount(api);
        new LiveRoutes(vertx, parts.parks(), parts.live(), List.of(new AlarmFeed(parts.parks(), parts.alarms())),
                parts.clock()::millis).mount(api);
        new AlarmRoutes(parts.parks(), parts.alarms(), parts.clock()).mount(api);
        new DataRoutes(vertx, parts.parks(), parts.influx()).mount(api);
        new MonthlyReportRoutes(vertx, parts.parks(), parts.efficiency(), parts.clock()).mount(api);
        new CarbonReportRoutes(vertx, parts.parks(), parts.efficiency(), parts.clock()).mount(api);
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
                + " " + rc.request().path() + "; see " + BASE + "/openapi.yaml")));
        return api;
    }
}
