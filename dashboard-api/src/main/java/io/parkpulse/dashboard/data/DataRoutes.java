package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.park.Enterprise;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The raw series the web UI draws (docs/openapi-fragments/data.yaml): the park's enterprises, one enterprise's power,
 * electricity or water per step, and the park's load today against yesterday. Operators see every enterprise of
 * their park; an enterprise sees only itself. Failures are handed to the router's failure handler.
 */
public final class DataRoutes {

    private final Parks parks;
    private final SeriesService series;

    public DataRoutes(Vertx vertx, Parks parks, InfluxClient influx) {
        this(parks, new SeriesService(vertx, influx));
    }

    public DataRoutes(Parks parks, SeriesService series) {
        this.parks = parks;
        this.series = series;
    }

    public void mount(Router api) {
        api.get("/parks/:park/info").handler(this::info);
        api.get("/parks/:park/enterprises").handler(this::enterprises);
        api.get("/parks/:park/enterprises/:id/series").handler(this::series);
        api.get("/parks/:park/load").handler(this::load);
    }

    /**
     * What every page needs to know of the park: its name and time zone (every date and time the UI shows is the
     * park's), and for an enterprise its own registered name (never another's).
     */
    private void info(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        JsonObject own = caller.isOperator() ? null : park.park().enterprises().values().stream()
                .filter(e -> e.id().value().equals(caller.enterprise())).findFirst()
                .map(e -> new JsonObject().put("id", e.id().value()).put("name", e.name())).orElse(null);
        json(rc, new JsonObject().put("id", park.park().id()).put("name", park.park().name())
                .put("time_zone", park.park().timeZone().getId()).put("enterprise", own));
    }

    private void enterprises(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        JsonArray list = new JsonArray();
        for (Enterprise e : park.park().enterprises().values()) {
            if (caller.maySee(e.id().value())) {
                list.add(new JsonObject().put("id", e.id().value()).put("name", e.name()).put("industry", e.industry().code())
                        .put("land_mu", e.landMu()));
            }
        }
        json(rc, new JsonObject().put("enterprises", list));
    }

    private void series(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        String enterprise = enterprise(rc, park);
        SeriesQuantity quantity = QueryParams.oneOf("quantity", rc.queryParams().get("quantity"), SeriesQuantity::byId,
                SeriesQuantity.ids());
        Instant from = QueryParams.instant("from", rc.queryParams().get("from"));
        Instant to = QueryParams.instant("to", rc.queryParams().get("to"));
        SeriesStep step = QueryParams.oneOf("step", rc.queryParams().get("step"), SeriesStep::byId, SeriesStep.ids());
        BucketGrid grid = QueryParams.grid(from, to, step, park.park().timeZone());
        series.series(park, enterprise, quantity, grid)
                .map(values -> new JsonObject().put("enterprise", enterprise).put("quantity", quantity.id())
                        .put("unit", quantity.unit()).put("step", step.id()).put("points", points(grid, values, 0)))
                .onSuccess(body -> json(rc, body))
                .onFailure(rc::fail);
    }

    /** Operators only: the park's total load (billing meters' power) per quarter hour, on a local day and the day before. */
    private void load(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        if (!caller.isOperator()) {
            throw ApiError.forbidden("the park's load is for park operators; " + caller.name() + " is enterprise "
                    + caller.enterprise());
        }
        LocalDate day = QueryParams.day("day", rc.queryParams().get("day"));
        ZoneId zone = park.park().timeZone();
        long yesterday = day.minusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long today = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long tomorrow = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long step = SeriesStep.PT15M.millis();
        BucketGrid grid = new BucketGrid(yesterday, tomorrow, step);
        BucketGrid before = new BucketGrid(yesterday, today, step);
        BucketGrid on = new BucketGrid(today, tomorrow, step);
        series.series(park, null, SeriesQuantity.POWER_KW, grid)
                .map(values -> new JsonObject().put("day", day.toString()).put("unit", "kW")
                        .put("today", points(on, values, before.size()))
                        .put("yesterday", points(before, values, 0)))
                .onSuccess(body -> json(rc, body))
                .onFailure(rc::fail);
    }

    /** The enterprise in the path: 403 when it is not the caller's, 404 when the park has none such. */
    private static String enterprise(RoutingContext rc, ParkModel park) {
        String id = rc.pathParam("id");
        Caller caller = Requests.caller(rc);
        // an enterprise learns nothing about other ids, not even whether they exist
        if (!caller.maySee(id)) {
            throw ApiError.forbidden(caller.name() + " sees only enterprise " + caller.enterprise());
        }
        if (!park.enterprises().containsKey(id)) {
            throw new ApiError(404, "id", "park " + park.park().id() + " has no enterprise " + QueryParams.shown(id));
        }
        return id;
    }

    /** {@code [[epoch_ms, value], …]} of the steps of {@code grid}, taken from {@code values} starting at {@code first}. */
    private static JsonArray points(BucketGrid grid, double[] values, int first) {
        JsonArray points = new JsonArray();
        for (int b = 0; b < grid.size(); b++) {
            double v = values[first + b];
            points.add(new JsonArray().add(grid.start(b)).add(Double.isNaN(v) ? null : v));
        }
        return points;
    }

    private static void json(RoutingContext rc, JsonObject body) {
        if (!rc.response().ended()) {
            rc.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        }
    }
}
