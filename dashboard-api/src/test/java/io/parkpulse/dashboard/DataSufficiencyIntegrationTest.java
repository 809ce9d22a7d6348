package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.support.GatewaysOnBroker;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of "no grade, comparison or figure without the data behind it", everything real: the demo park's
 * gateways publish last month through Mosquitto, ingest stores it in InfluxDB, the API answers. Every enterprise but
 * one reports its output for the month; a month three months back has no data at all.
 */
@RealServicesTest
class DataSufficiencyIntegrationTest {

    static final String DB = "parkpulse_sufficiency";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String OPERATOR = "operator-token-0123456789abcdef";
    static final String PARK = "demo-park";
    /** The enterprise whose report does not come. */
    static final String LATE = "ent-lvyuan-food";

    @TempDir
    static Path dir;
    static RunningIngest ingest;
    static Vertx vertx;
    static String base;
    static YearMonth lastMonth;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        Park park = new ParkFileReader().read(parks.resolve("demo-park.yaml"));
        lastMonth = YearMonth.now(SHANGHAI).minusMonths(1);
        influx.createDatabase(DB);
        // last month plus a day on each side (the boundary values), up to ~62 days old: ingest is told to take them
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-sufficiency-test",
                Map.of("PARKPULSE_INFLUX_DATABASE", DB, "PARKPULSE_MAX_READING_AGE", "P90D"))).awaitSubscribed();

        long from = lastMonth.atDay(1).minusDays(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        long to = lastMonth.plusMonths(1).atDay(2).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        ParkModel model = ParkModel.build(park, ModelSettings.of(2026));
        GatewaysOnBroker gateways = new GatewaysOnBroker(broker.url(), PARK, model.gateways());
        RunStats stats = new RunStats();
        try {
            new SimulationRun(model, RunSettings.between(from, to, Duration.ofHours(1), 200), Pace.backfill(), gateways, stats).run();
        } finally {
            gateways.disconnect();
        }
        Await.until(Duration.ofSeconds(60),
                () -> ingest.counter("parkpulse.ingest.messages", "outcome", "stored") >= stats.messagesDelivered(),
                () -> "ingest stored " + ingest.counter("parkpulse.ingest.messages", "outcome", "stored") + " of "
                        + stats.messagesDelivered() + " messages");

        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - {name: control-room, sha256: " + ApiTokens.sha256(OPERATOR)
                + ", role: operator, park: " + PARK + "}\n");
        DashboardConfig config = new DashboardConfig(parks, Duration.ofSeconds(1), tokens, InfluxConfig.of(influx.url(), DB),
                "127.0.0.1", 0, Duration.ZERO, 40_000_000L, 1_000);
        vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, Clock.system(SHANGHAI));
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + verticle.port() + "/api/v1/parks/" + PARK;

        JsonArray reports = new JsonArray();
        for (String enterprise : List.of("ent-huadong-precision", "ent-xinyuan-cement", "ent-tianhe-textile",
                "ent-ruida-electronics", "ent-jinxin-plastics", "ent-haotian-chemical", "ent-qingyuan-water")) {
            double v = 20_000_000 + 1_000_000 * reports.size();
            JsonObject r = new JsonObject().put("enterprise", enterprise).put("month", lastMonth.toString())
                    .put("output_value_cny", v).put("value_added_cny", v * 0.25).put("tax_cny", v * 0.04)
                    .put("employees", 100 + reports.size()).put("rd_spend_cny", v * 0.02);
            if (enterprise.equals("ent-xinyuan-cement")) {
                r.put("products", new JsonArray().add(new JsonObject().put("product", "熟料").put("quantity", 40_000).put("unit", "t")));
            }
            reports.add(r);
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/output-reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(reports.encode())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    @Test
    void a_month_with_no_data_grades_no_one_and_says_why() throws Exception {
        YearMonth empty = lastMonth.minusMonths(3);
        JsonObject classes = get("/classes?period=" + empty);

        for (Object o : classes.getJsonArray("enterprises")) {
            JsonObject e = (JsonObject) o;
            assertThat(e.getString("class")).as(e.encode()).isNull();
            assertThat(e.getValue("score")).as(e.encode()).isNull();
            if (!e.getString("enterprise").equals("ent-zhiyun-software")) { // no land of its own: out of scope first
                assertThat(e.getJsonObject("data_state").getString("state")).isEqualTo("insufficient");
                assertThat(codes(e.getJsonObject("data_state"))).contains("no_readings", "no_output_report");
                assertThat(e.getString("reason")).contains("no output report for " + empty);
            }
        }
        assertThat(classes.getJsonObject("class_counts").getMap()).isEqualTo(Map.of("insufficient_data", 8, "out_of_scope", 1));

        JsonObject ranking = get("/rankings?period=" + empty + "&indicator=energy_per_output_value");
        assertThat(ranking.getJsonArray("groups")).isEmpty();
        assertThat(ranking.getJsonArray("unranked")).hasSize(9);

        String csv = getText("/reports/monthly?month=" + empty + "&format=csv");
        assertThat(csv).contains("数据不足").contains("缺 " + empty + " 产值报表").doesNotContain("NaN").doesNotContain("null");
    }

    @Test
    void a_month_with_one_report_missing_grades_the_others_and_marks_that_one_insufficient() throws Exception {
        JsonObject classes = get("/classes?period=" + lastMonth);
        Map<String, JsonObject> byId = new HashMap<>();
        classes.getJsonArray("enterprises").forEach(o -> byId.put(((JsonObject) o).getString("enterprise"), (JsonObject) o));

        JsonObject late = byId.get(LATE);
        assertThat(late.getString("class")).isNull();
        assertThat(late.getJsonObject("data_state").getString("state")).isEqualTo("insufficient");
        assertThat(late.getJsonObject("data_state").getJsonArray("reasons").getJsonObject(0).getJsonObject("args").getString("month"))
                .isEqualTo(lastMonth.toString());
        assertThat(late.getString("reason")).isEqualTo("insufficient data: no output report for " + lastMonth);
        assertThat(late.getJsonObject("reason_message").getString("code")).isEqualTo("insufficient_data");
        assertThat(late.getJsonObject("reason_message").getString("text")).isEqualTo(late.getString("reason"));
        for (String graded : List.of("ent-huadong-precision", "ent-xinyuan-cement", "ent-tianhe-textile",
                "ent-ruida-electronics", "ent-jinxin-plastics", "ent-haotian-chemical")) {
            assertThat(byId.get(graded).getString("class")).as(byId.get(graded).encode()).isIn("A", "B", "C", "D");
            assertThat(byId.get(graded).getJsonObject("data_state").getString("state")).isIn("complete", "partial");
        }
        assertThat(byId.get("ent-qingyuan-water").getString("class")).isEqualTo("T");
        assertThat(classes.getJsonObject("class_counts").getInteger("insufficient_data")).isEqualTo(1);

        // nor is it in its peers' benchmarks
        JsonObject ranking = get("/rankings?period=" + lastMonth + "&indicator=tax_per_energy");
        assertThat(ranking.encode()).doesNotContain("\"enterprise\":\"" + LATE + "\",\"value\"");
        JsonObject unranked = ranking.getJsonArray("unranked").stream().map(JsonObject.class::cast)
                .filter(u -> u.getString("enterprise").equals(LATE)).findFirst().orElseThrow();
        assertThat(codes(unranked.getJsonObject("data_state"))).containsExactly("no_output_report");
    }

    @Test
    void the_cement_works_with_only_electricity_metered_gets_no_limit_verdict() throws Exception {
        JsonObject benchmarks = get("/benchmarks?period=" + lastMonth + "&enterprise=ent-xinyuan-cement");
        JsonObject limit = benchmarks.getJsonArray("limit_standards").getJsonObject(0);

        assertThat(limit.getString("row")).isEqualTo("gb16780-2007/clinker-comprehensive/4000tpd");
        assertThat(limit.getString("missing")).isEqualTo("incomplete: fuel not metered");
        assertThat(limit.getValue("value")).isNull();
        assertThat(limit.containsKey("grade")).isFalse();
        assertThat(codes(limit.getJsonObject("data_state"))).containsExactly("carrier_not_metered");
    }

    static List<String> codes(JsonObject state) {
        return state.getJsonArray("reasons").stream().map(r -> ((JsonObject) r).getString("code")).toList();
    }

    static JsonObject get(String path) throws Exception {
        return new JsonObject(getText(path));
    }

    static String getText(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
    }
}
