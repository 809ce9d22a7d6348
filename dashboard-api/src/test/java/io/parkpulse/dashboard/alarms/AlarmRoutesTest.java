package io.parkpulse.dashboard.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alarm routes on a router of their own, the caller chosen per request, the engine on a real InfluxDB. */
@RealServicesTest
class AlarmRoutesTest {

    static final Map<String, Caller> CALLERS = Map.of(
            "operator", new Caller("control-room", Caller.Role.OPERATOR, "alarm-park", null),
            "cement", new Caller("cement-user", Caller.Role.ENTERPRISE, "alarm-park", "ent-cement"),
            "food", new Caller("food-user", Caller.Role.ENTERPRISE, "alarm-park", "ent-food"),
            "elsewhere", new Caller("other-operator", Caller.Role.OPERATOR, "other-park", null));

    @TempDir
    Path dir;
    Vertx vertx;
    AlarmEngine engine;
    AlarmFixture.MovableClock clock;
    AlarmFixture.TestLiveView live;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start(InfluxDb db) throws Exception {
        String database = "routes_" + System.nanoTime();
        db.createDatabase(database);
        vertx = Vertx.vertx();
        InfluxClient influx = AlarmFixture.influx(vertx, db.url(), database);
        Parks parks = AlarmFixture.parks(dir, AlarmFixture.PARK);
        clock = new AlarmFixture.MovableClock(Instant.parse("2026-10-14T02:00:00Z"));
        live = new AlarmFixture.TestLiveView();
        engine = AlarmFixture.engine(vertx, parks, live, influx, clock);

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        api.route().handler(rc -> {
            rc.put(Requests.CALLER, CALLERS.get(rc.request().getHeader("X-Caller")));
            rc.next();
        });
        new AlarmRoutes(parks, engine, clock).mount(api);
        api.route().failureHandler(rc -> {
            int status = rc.failure() instanceof ApiError e ? e.status() : 500;
            String message = rc.failure() == null ? "HTTP " + rc.statusCode() : String.valueOf(rc.failure().getMessage());
            rc.response().setStatusCode(status).end(new JsonObject().put("error", message).encode());
        });
        Router root = Router.router(vertx);
        root.route("/api/v1/*").subRouter(api);
        HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + "/api/v1/parks/alarm-park/alarms";

        // raise three alarms: cement's power, food's main meter power, gateway gw-2 offline
        long now = clock.millis();
        live.meter("E-CEM-1", now, 800.0);
        live.meter("E-CEM-2", now, 800.0);
        live.meter("E-FOOD", now, 300.0);
        live.meter("W-INLET", now, null);
        live.gateway("gw-1", true, now);
        live.gateway("gw-2", false, now);
        engine.evaluateLive("alarm-park").await(20, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(10));
        for (String m : List.of("E-CEM-1", "E-CEM-2", "E-FOOD", "W-INLET")) {
            live.meter(m, clock.millis(), live.meters.get(m).powerKw());
        }
        assertThat(engine.evaluateLive("alarm-park").await(20, TimeUnit.SECONDS)).hasSize(3);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String who, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + query)).header("X-Caller", who).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ack(String who, String id, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/ack"))
                .header("X-Caller", who).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> rules(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray alarms = new JsonObject(r.body()).getJsonArray("alarms");
        return alarms.stream().map(a -> ((JsonObject) a).getString("rule")).sorted().toList();
    }

    String idOf(String rule) throws Exception {
        JsonArray alarms = new JsonObject(get("operator", "").body()).getJsonArray("alarms");
        return alarms.stream().map(a -> (JsonObject) a).filter(a -> a.getString("rule").equals(rule)).findFirst()
                .orElseThrow().getString("id");
    }

    @Test
    void operators_see_every_active_alarm_and_enterprises_only_their_own() throws Exception {
        assertThat(rules(get("operator", ""))).containsExactly("cement-over", "food-main-over", "gateway-offline");
        assertThat(rules(get("operator", "?state=active"))).hasSize(3);
        assertThat(rules(get("cement", ""))).containsExactly("cement-over");
        assertThat(rules(get("food", "?state=all"))).containsExactly("food-main-over");
        JsonObject one = new JsonObject(get("cement", "").body()).getJsonArray("alarms").getJsonObject(0);
        assertThat(one.getString("state")).isEqualTo("raised");
        assertThat(one.getString("unit")).isEqualTo("kW");
        assertThat(one.getDouble("value")).isEqualTo(1600.0);
        assertThat(one.getJsonObject("subject")).isEqualTo(new JsonObject().put("kind", "enterprise").put("id", "ent-cement"));
        assertThat(get("elsewhere", "").statusCode()).isEqualTo(403);
    }

    @Test
    void an_operator_acknowledges_once_with_a_note() throws Exception {
        String id = idOf("gateway-offline");
        HttpResponse<String> r = ack("operator", id, "{\"note\": \"维修人员已出发\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject acked = new JsonObject(r.body());
        assertThat(acked.getString("state")).isEqualTo("acknowledged");
        assertThat(acked.getJsonObject("acknowledged").getString("by")).isEqualTo("control-room");
        assertThat(acked.getJsonObject("acknowledged").getString("note")).isEqualTo("维修人员已出发");
        assertThat(ack("operator", id, "").statusCode()).isEqualTo(409);
    }

    @Test
    void an_enterprise_may_not_acknowledge_and_unknown_or_cleared_ids_are_told_apart() throws Exception {
        String id = idOf("cement-over");
        assertThat(ack("cement", id, "{}").statusCode()).isEqualTo(403);
        assertThat(ack("operator", "cement-over:enterprise:ent-cement:zzz", "{}").statusCode()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(1));
        live.meter("E-CEM-1", clock.millis(), 100.0);
        live.meter("E-CEM-2", clock.millis(), 100.0);
        engine.evaluateLive("alarm-park").await(20, TimeUnit.SECONDS);
        HttpResponse<String> cleared = ack("operator", id, "{}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(409);
        assertThat(cleared.body()).contains("already cleared");

        HttpResponse<String> history = get("cement", "?state=all&from=2026-10-14");
        assertThat(rules(history)).containsExactly("cement-over");
        assertThat(new JsonObject(history.body()).getJsonArray("alarms").getJsonObject(0).getString("state")).isEqualTo("cleared");
    }

    @Test
    void bad_parameters_are_named() throws Exception {
        assertThat(get("operator", "?state=open").body()).contains("state is active (the default) or all");
        assertThat(get("operator", "?state=all&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("operator", "?state=all&from=2024-01-01&to=2026-01-01").body()).contains("at most 366 days");
        assertThat(ack("operator", idOf("cement-over"), "[1]").statusCode()).isEqualTo(400);
        assertThat(ack("operator", idOf("cement-over"), "{\"note\": 5}").body()).contains("note must be text");
    }
}
