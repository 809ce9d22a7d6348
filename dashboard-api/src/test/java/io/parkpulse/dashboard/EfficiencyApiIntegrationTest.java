package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.support.SimulatedParkLoader;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo park with three months (2026 Q3) of simulated 15-minute readings in a real InfluxDB, output reports
 * uploaded through the API, and the API's answers checked against a recomputation from the raw points done here,
 * by other code: boundary values interpolated between the stored readings, standard-coal coefficients written out.
 */
@RealServicesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EfficiencyApiIntegrationTest {

    static final String DB = "parkpulse_api";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String OPERATOR = "operator-token-0123456789abcdef";
    static final String HUADONG = "huadong-token-0123456789abcdef";
    static final String OTHER_PARK = "other-park-token-0123456789abcdef";
    static final String ENTERPRISE = "ent-huadong-precision";
    /** Enterprises that report output; the software firm does not, so it shows up as unranked. */
    static final List<String> REPORTING = List.of("ent-huadong-precision", "ent-xinyuan-cement", "ent-tianhe-textile",
            "ent-ruida-electronics", "ent-lvyuan-food", "ent-jinxin-plastics", "ent-haotian-chemical", "ent-qingyuan-water");

    @TempDir
    static Path dir;
    static Park park;
    static InfluxDb influx;
    static Vertx vertx;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(InfluxDb db) throws Exception {
        influx = db;
        influx.createDatabase(DB);
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        park = new ParkFileReader().read(parks.resolve("demo-park.yaml"));
        long from = LocalDate.of(2026, 6, 30).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        long to = LocalDate.of(2026, 10, 2).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        long points = SimulatedParkLoader.load(park, from, to, influx, DB);
        long nbIot = park.meters().values().stream().filter(m -> m.gateway().value().equals("gw-nbiot")).count();
        long days = Duration.ofMillis(to - from).toDays();
        assertThat(points).as("points stored: 15-minute readings, hourly for NB-IoT")
                .isEqualTo(days * ((park.meters().size() - nbIot) * 96 + nbIot * 24));

        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n"
                + token("control-room", OPERATOR, "operator", "demo-park", null)
                + token("huadong", HUADONG, "enterprise", "demo-park", ENTERPRISE)
                + token("elsewhere", OTHER_PARK, "operator", "other-park", null));
        // nothing kept between requests, so every answer shows what is stored now
        DashboardConfig config = new DashboardConfig(parks, Duration.ofSeconds(1), tokens,
                InfluxConfig.of(influx.url(), DB), "127.0.0.1", 0, Duration.ZERO, 40_000_000L, 1_000);
        vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config,
                Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), SHANGHAI));
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + verticle.port() + "/api/v1";
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    static String token(String name, String token, String role, String park, String enterprise) {
        return "  - {name: " + name + ", sha256: " + ApiTokens.sha256(token) + ", role: " + role + ", park: " + park
                + (enterprise == null ? "" : ", enterprise: " + enterprise) + "}\n";
    }

    // ---- output reports ----------------------------------------------------------------------------------------

    static double outputValue(String enterprise, YearMonth month) {
        return (REPORTING.indexOf(enterprise) + 1) * 2_000_000.0 * (1 + 0.1 * (month.getMonthValue() - 7));
    }

    static JsonObject report(String enterprise, YearMonth month) {
        double v = outputValue(enterprise, month);
        JsonObject r = new JsonObject().put("enterprise", enterprise).put("month", month.toString())
                .put("output_value_cny", v).put("value_added_cny", v * 0.25).put("tax_cny", v * 0.04)
                .put("employees", 100 + 10 * REPORTING.indexOf(enterprise)).put("rd_spend_cny", v * 0.02);
        if (enterprise.equals("ent-xinyuan-cement")) {
            r.put("products", new JsonArray().add(new JsonObject().put("product", "熟料").put("quantity", 40_000).put("unit", "t")));
        }
        return r;
    }

    @Test
    @Order(1)
    void output_reports_upload_as_json_and_csv_and_a_correction_replaces_the_month() throws Exception {
        JsonArray julyAugust = new JsonArray();
        for (String e : REPORTING) {
            julyAugust.add(report(e, YearMonth.of(2026, 7))).add(report(e, YearMonth.of(2026, 8)));
        }
        HttpResponse<String> r = post("/parks/demo-park/output-reports", OPERATOR, "application/json", julyAugust.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getInteger("accepted")).isEqualTo(16);

        // September as CSV, with a wrong figure for one enterprise and one bad line beside the good ones
        StringBuilder csv = new StringBuilder("enterprise,month,output_value_cny,value_added_cny,tax_cny,employees,rd_spend_cny,product,quantity,unit\n");
        for (String e : REPORTING) {
            JsonObject j = report(e, YearMonth.of(2026, 9));
            double v = e.equals("ent-jinxin-plastics") ? 1 : j.getDouble("output_value_cny");
            csv.append(e).append(",2026-09,").append(v).append(',').append(j.getDouble("value_added_cny")).append(',')
                    .append(j.getDouble("tax_cny")).append(',').append(j.getInteger("employees")).append(',')
                    .append(j.getDouble("rd_spend_cny"))
                    .append(e.equals("ent-xinyuan-cement") ? ",熟料,45000,t\n" : ",,,\n");
        }
        csv.append("ent-nobody,2026-09,-5,,,,,,,\n");
        r = post("/parks/demo-park/output-reports", OPERATOR, "text/csv", csv.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        JsonObject answer = new JsonObject(r.body());
        assertThat(answer.getInteger("accepted")).isEqualTo(8);
        JsonObject rejected = answer.getJsonArray("rejected").getJsonObject(0);
        assertThat(rejected.getString("where")).isEqualTo("line 10");
        assertThat(rejected.getJsonArray("problems").encode()).contains("line 10.enterprise: park demo-park has no enterprise ent-nobody")
                .contains("line 10.output_value_cny: must not be negative");

        // the enterprise corrects its own September
        r = post("/parks/demo-park/output-reports", OPERATOR, "application/json",
                report("ent-jinxin-plastics", YearMonth.of(2026, 9)).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray stored = new JsonObject(get("/parks/demo-park/output-reports?from=2026-09&to=2026-09", OPERATOR).body())
                .getJsonArray("reports");
        assertThat(stored).hasSize(8);
        for (Object o : stored) {
            JsonObject s = (JsonObject) o;
            assertThat(s.getDouble("output_value_cny")).as(s.getString("enterprise"))
                    .isEqualTo(outputValue(s.getString("enterprise"), YearMonth.of(2026, 9)));
        }
    }

    @Test
    @Order(2)
    void an_enterprise_reports_only_for_itself() throws Exception {
        HttpResponse<String> r = post("/parks/demo-park/output-reports", HUADONG, "application/json",
                report("ent-xinyuan-cement", YearMonth.of(2026, 9)).encode());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("huadong reports only for ent-huadong-precision");
        assertThat(post("/parks/demo-park/output-reports", HUADONG, "application/json", "{not json").statusCode()).isEqualTo(400);
    }

    // ---- rankings against an independent recomputation ---------------------------------------------------------

    @Test
    @Order(3)
    void rankings_match_a_recomputation_from_the_raw_points() throws Exception {
        HttpResponse<String> r = get("/parks/demo-park/rankings?period=2026-Q3&indicator=energy_per_output_value", OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("policy_version")).isEqualTo("demo-2026.1");
        assertThat(body.getJsonObject("energy_basis").getString("id")).isEqualTo("equivalent");
        assertThat(body.getString("unit")).isEqualTo("tce/10^4 CNY");

        Map<String, Double> expected = recomputedIntensity();
        Map<String, String> industries = new HashMap<>();
        park.enterprises().values().forEach(e -> industries.put(e.id().value(), e.industry().code()));
        Map<String, List<String>> expectedOrder = new TreeMap<>();
        expected.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> expectedOrder.computeIfAbsent(industries.get(e.getKey()), k -> new ArrayList<>()).add(e.getKey()));

        Map<String, Double> actual = new LinkedHashMap<>();
        Map<String, List<String>> actualOrder = new TreeMap<>();
        for (Object g : body.getJsonArray("groups")) {
            JsonObject group = (JsonObject) g;
            for (Object s : group.getJsonArray("ranking")) {
                JsonObject standing = (JsonObject) s;
                actual.put(standing.getString("enterprise"), standing.getDouble("value"));
                actualOrder.computeIfAbsent(group.getString("industry"), k -> new ArrayList<>()).add(standing.getString("enterprise"));
            }
            String best = expectedOrder.get(group.getString("industry")).get(0);
            assertThat(group.getDouble("frontrunner")).isCloseTo(expected.get(best), within(expected.get(best) * 1e-9));
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, v) -> assertThat(actual.get(id)).as(id).isCloseTo(v, within(v * 1e-9)));
        assertThat(actualOrder).isEqualTo(expectedOrder);
        assertThat(body.getJsonArray("unranked").encode()).contains("ent-zhiyun-software");
    }

    /** tce per 10⁴ CNY of Q3 for every reporting enterprise, from the stored points and the reports of this test. */
    static Map<String, Double> recomputedIntensity() {
        long start = LocalDate.of(2026, 7, 1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        long end = LocalDate.of(2026, 10, 1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        Map<String, Double> kgce = new HashMap<>();
        for (Meter m : park.meters().values()) {
            if (m.isParkLevel() || m.counter().role() != io.parkpulse.park.CounterDeclaration.Role.MAIN
                    || m.metering() != io.parkpulse.park.Metering.CUMULATIVE) {
                continue;
            }
            String field;
            double kgcePerUnit;
            switch (m.kind()) {
                case ELECTRICITY -> { field = "energy_kwh"; kgcePerUnit = 0.1229; }
                case GAS -> { field = "gas_m3"; kgcePerUnit = 1.2143; }
                case STEAM -> { field = "steam_t"; kgcePerUnit = 108.571; }
                default -> { continue; }
            }
            double used = valueAt(m, field, end) - valueAt(m, field, start);
            kgce.merge(m.enterprise().value(), used * kgcePerUnit, Double::sum);
        }
        Map<String, Double> intensity = new HashMap<>();
        for (String e : REPORTING) {
            double output = 0;
            for (int month = 7; month <= 9; month++) {
                output += outputValue(e, YearMonth.of(2026, month));
            }
            intensity.put(e, kgce.get(e) / 1000 / (output / 1e4));
        }
        return intensity;
    }

    /** The register at {@code t}: the reading there, or the straight line between the readings either side. */
    static double valueAt(Meter m, String field, long t) {
        String measurement = m.kind().wireName();
        QueryResult before = influx.query(DB, "SELECT " + field + " FROM " + measurement + " WHERE meter = '" + m.id()
                + "' AND time <= " + t + "ms ORDER BY time DESC LIMIT 1");
        QueryResult after = influx.query(DB, "SELECT " + field + " FROM " + measurement + " WHERE meter = '" + m.id()
                + "' AND time >= " + t + "ms ORDER BY time ASC LIMIT 1");
        List<Object> b = before.single().values().get(0);
        List<Object> a = after.single().values().get(0);
        long tb = ((Number) b.get(0)).longValue();
        long ta = ((Number) a.get(0)).longValue();
        double vb = ((Number) b.get(1)).doubleValue();
        double va = ((Number) a.get(1)).doubleValue();
        return ta == tb ? vb : vb + (va - vb) * (t - tb) / (double) (ta - tb);
    }

    // ---- who sees what -----------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void every_call_checks_who_is_asking() throws Exception {
        assertThat(get("/parks/demo-park/indicators?period=2026-08", null).statusCode()).isEqualTo(401);
        assertThat(get("/parks/demo-park/indicators?period=2026-08", "not-a-known-token-at-all").statusCode()).isEqualTo(401);
        assertThat(get("/parks/demo-park/indicators?period=2026-08", OTHER_PARK).statusCode()).isEqualTo(403);
        assertThat(get("/parks/demo-park/rankings?period=2026-08&indicator=tax_per_mu", HUADONG).statusCode()).isEqualTo(403);
        assertThat(get("/parks/demo-park/benchmarks?period=2026-08&enterprise=ent-xinyuan-cement", HUADONG).statusCode()).isEqualTo(403);
        assertThat(post("/parks/demo-park/what-if?period=2026-Q3", HUADONG, "application/yaml", "version: x").statusCode()).isEqualTo(403);

        JsonObject own = new JsonObject(get("/parks/demo-park/indicators?period=2026-08", HUADONG).body());
        assertThat(own.getJsonArray("enterprises")).hasSize(1);
        assertThat(own.getJsonArray("enterprises").getJsonObject(0).getString("enterprise")).isEqualTo(ENTERPRISE);

        JsonObject bench = new JsonObject(get("/parks/demo-park/benchmarks?period=2026-Q3", HUADONG).body());
        assertThat(bench.encode()).doesNotContain("ent-xinyuan-cement").doesNotContain("\"ranking\"").doesNotContain("leaders");
    }

    @Test
    @Order(5)
    void bad_parameters_say_what_is_wrong() throws Exception {
        HttpResponse<String> r = get("/parks/demo-park/indicators?period=2026-13", OPERATOR);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("period");
        r = get("/parks/demo-park/rankings?period=2026-08&indicator=speed", OPERATOR);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\\\"speed\\\" is not an indicator");
        assertThat(get("/parks/nowhere/indicators?period=2026-08", OPERATOR).statusCode()).isEqualTo(403);
    }

    // ---- indicators, benchmarks, growth, classes, what-if ------------------------------------------------------

    @Test
    @Order(6)
    void indicators_carry_units_basis_and_completeness() throws Exception {
        JsonObject body = new JsonObject(get("/parks/demo-park/indicators?period=2026-08&enterprise=ent-tianhe-textile", OPERATOR).body());
        JsonObject e = body.getJsonArray("enterprises").getJsonObject(0);
        assertThat(e.getJsonObject("energy").getString("basis")).isEqualTo("equivalent");
        assertThat(e.getJsonObject("energy").getJsonObject("by_carrier_tce").fieldNames()).contains("electricity", "steam");
        JsonObject electricity = e.getJsonObject("consumption").getJsonObject("electricity");
        assertThat(electricity.getString("unit")).isEqualTo("kWh");
        assertThat(electricity.getDouble("completeness")).isGreaterThan(0.99);
        JsonObject perMu = e.getJsonObject("indicators").getJsonObject("output_value_per_mu");
        assertThat(perMu.getString("unit")).isEqualTo("10^4 CNY/mu");
        assertThat(perMu.getDouble("value")).isCloseTo(outputValue("ent-tianhe-textile", YearMonth.of(2026, 8)) / 1e4 / 86.5, within(1e-9));
    }

    @Test
    @Order(7)
    void benchmarks_compare_with_peers_and_the_national_limit() throws Exception {
        JsonObject body = new JsonObject(get("/parks/demo-park/benchmarks?period=2026-Q3&enterprise=ent-xinyuan-cement", OPERATOR).body());
        JsonObject limit = body.getJsonArray("limit_standards").getJsonObject(0);
        assertThat(limit.getString("row")).isEqualTo("gb16780-2007/clinker-comprehensive/4000tpd");
        // the demo meters the works' electricity only: the kiln's fuel is not in the figure, so no comparison
        // (electricity alone would be ~10 kgce/t against a 128 kgce/t limit: "advanced", and false)
        assertThat(limit.getJsonArray("counts")).containsExactly("electricity", "fuel");
        assertThat(limit.getValue("value")).isNull();
        assertThat(limit.containsKey("grade")).isFalse();
        assertThat(limit.getString("missing")).isEqualTo("incomplete: fuel not metered");
        assertThat(limit.getJsonObject("data_state").getString("state")).isEqualTo("insufficient");
        assertThat(limit.getJsonObject("data_state").getJsonArray("reasons").getJsonObject(0).getString("code"))
                .isEqualTo("carrier_not_metered");
        JsonObject first = body.getJsonArray("indicators").getJsonObject(0);
        assertThat(first.containsKey("unit")).isTrue();
    }

    @Test
    @Order(8)
    void growth_without_a_year_earlier_says_so() throws Exception {
        JsonObject body = new JsonObject(get("/parks/demo-park/growth?period=2026-09", OPERATOR).body());
        assertThat(body.getString("year_earlier")).isEqualTo("2025-09");
        JsonObject line = body.getJsonArray("enterprises").getJsonObject(0);
        assertThat(line.getString("missing")).contains("2025-09");
        // the same as a code and args, for the reader's language
        JsonObject message = line.getJsonObject("missing_message");
        assertThat(message.getString("code")).isIn("no_growth_base", "insufficient_data_for");
        assertThat(message.getJsonObject("args").getString("period")).isEqualTo("2025-09");
        assertThat(message.getString("text")).isEqualTo(line.getString("missing"));
        assertThat(line.getString("intensity_level")).isIn("low", "typical", "high");
    }

    @Test
    @Order(9)
    void classes_and_what_if_name_their_policy_and_list_who_changes() throws Exception {
        JsonObject classes = new JsonObject(get("/parks/demo-park/classes?period=2026-Q3", OPERATOR).body());
        assertThat(classes.getJsonObject("class_rule").getString("by")).isEqualTo("percentile");
        assertThat(classes.getJsonObject("class_rule").getString("share")).isEqualTo("ranked_above");
        assertThat(classes.getJsonObject("class_rule").getString("share_formula")).isEqualTo("(rank − 1) ÷ n < limit");
        Map<String, String> current = new HashMap<>();
        for (Object o : classes.getJsonArray("enterprises")) {
            current.put(((JsonObject) o).getString("enterprise"), ((JsonObject) o).getString("class"));
        }
        assertThat(current.get("ent-qingyuan-water")).isEqualTo("T"); // a utility: scored, not graded
        assertThat(current.get("ent-zhiyun-software")).isNull();     // no land: out of scope
        long gradedNotA = current.values().stream().filter(c -> c != null && !c.equals("T") && !c.equals("A")).count();

        HttpResponse<String> r = post("/parks/demo-park/what-if?period=2026-Q3", OPERATOR, "application/yaml", """
                version: draft-everyone-a
                scope: {min_land_mu: 3}
                classes:
                  by: percentile
                  bands: [{class: A, limit: 100}]
                """);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject whatIf = new JsonObject(r.body());
        assertThat(whatIf.getString("policy_version")).isEqualTo("demo-2026.1");
        assertThat(whatIf.getString("draft_policy_version")).isEqualTo("draft-everyone-a");
        assertThat(whatIf.getJsonArray("changes")).hasSize((int) gradedNotA);
        for (Object o : whatIf.getJsonArray("changes")) {
            JsonObject c = (JsonObject) o;
            assertThat(c.getString("class")).isEqualTo(current.get(c.getString("enterprise")));
            assertThat(c.getString("draft_class")).isEqualTo("A");
        }

        r = post("/parks/demo-park/what-if?period=2026-Q3", OPERATOR, "application/yaml", "classes: {by: rank}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("draft policy:1:1: policy.version: is required").contains("policy.classes.by");
    }

    // ---- stored days and late data -------------------------------------------------------------------------------

    @Test
    @Order(10)
    void readings_that_arrive_late_change_the_stored_days_they_touch() throws Exception {
        String day = "2026-10-01";
        long gapFrom = Instant.parse("2026-10-01T02:00:00Z").toEpochMilli(); // 10:00 local
        long gapTo = Instant.parse("2026-10-01T06:00:00Z").toEpochMilli();   // 14:00 local
        String where = "meter = 'E-TH-MAIN' AND time >= " + gapFrom + "ms AND time < " + gapTo + "ms";
        QueryResult held = influx.query(DB, "SELECT energy_kwh, register_factor FROM electricity WHERE " + where);
        List<List<Object>> rows = held.single().values();
        assertThat(rows).hasSize(16);
        influx.query(DB, "DELETE FROM electricity WHERE " + where);

        // the day with a four-hour hole: its consumption is spread across the gap and flagged estimated, and stored
        JsonObject before = electricityOf(day);
        assertThat(before.getDouble("estimated_share")).isCloseTo(4.25 / 24, within(1e-9));

        // the gateway's buffer arrives now, through ingest: the readings and a late mark for the meter's day
        List<io.parkpulse.contract.Reading> late = new ArrayList<>();
        for (List<Object> row : rows) {
            double factor = row.get(2) == null ? 1 : ((Number) row.get(2)).doubleValue();
            late.add(new io.parkpulse.contract.Reading("E-TH-MAIN", ((Number) row.get(0)).longValue(), List.of(
                    io.parkpulse.contract.Value.of(io.parkpulse.contract.Quantity.ENERGY_KWH, ((Number) row.get(1)).doubleValue() / factor))));
        }
        long arrived = System.currentTimeMillis();
        SimulatedParkLoader.deliver(park, "gw-south", late, arrived, influx, DB);
        long localDay = LocalDate.parse(day).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        List<List<Object>> marks = influx.query(DB, "SELECT arrived_ms FROM late_reading WHERE meter = 'E-TH-MAIN' AND time = "
                + localDay + "ms").single().values();
        assertThat(marks).hasSize(1);
        assertThat(((Number) marks.get(0).get(1)).longValue()).isEqualTo(arrived);

        JsonObject after = electricityOf(day);
        assertThat(after.getDouble("estimated_share")).isZero();
        assertThat(after.getDouble("completeness")).isEqualTo(1.0);
        assertThat(after.getDouble("value")).isCloseTo(before.getDouble("value"), within(1e-6));

        // and the day is now answered from storage: raw readings removed behind its back do not change it
        influx.query(DB, "DELETE FROM electricity WHERE meter = 'E-TH-MAIN' AND time >= " + gapFrom + "ms AND time < " + gapTo + "ms");
        assertThat(electricityOf(day).getDouble("estimated_share")).isZero();
        // Q3 (rankings), September 2025 (the growth comparison's year earlier, stored empty) and this day
        assertThat(influx.count(DB, "SELECT count(value) FROM meter_day WHERE meter = 'E-TH-MAIN'")).isEqualTo(92 + 30 + 1);
    }

    static JsonObject electricityOf(String period) throws Exception {
        HttpResponse<String> r = get("/parks/demo-park/indicators?period=" + period + "&enterprise=ent-tianhe-textile", OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("enterprises").getJsonObject(0).getJsonObject("consumption")
                .getJsonObject("electricity");
    }

    // ---- http ----------------------------------------------------------------------------------------------------

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, String token, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
