package io.parkpulse.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.DailyConsumption;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorisation matrix of issue 6 against the real router ({@link DashboardApi#api}) and a real InfluxDB: each
 * role × each endpoint × own and other park, own and other enterprise → the status it must get; and injection
 * attempts in every parameter that reaches a query → a 4xx with a reason, never a 5xx, and InfluxDB unchanged.
 *
 * <p>Two parks from the demo park file, A ({@code demo-park}) and B ({@code park-b}, the same enterprises), and C that
 * is not loaded. No readings: an answer with every figure {@code missing} is still a 200.
 */
@RealServicesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorisationMatrixTest {

    static final String DB = "parkpulse_matrix";
    static final String A = "demo-park";
    static final String B = "park-b";
    static final String C = "park-c";
    static final String E1 = "ent-huadong-precision";
    static final String E2 = "ent-xinyuan-cement";
    static final String NONE = "ent-not-in-park";

    /** The callers, in the matrix's column order, each with a service token. */
    static final Map<String, Caller> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin", Caller.admin("admin"));
        ROLES.put("opA", Caller.operator("op-a", List.of(A)));
        ROLES.put("opAB", Caller.operator("op-ab", List.of(A, B)));
        ROLES.put("e1", Caller.enterprise("e1", A, E1));   // enterprise E1 of park A
        ROLES.put("e2", Caller.enterprise("e2", B, E2));   // enterprise E2 of park B
    }

    static final String DRAFT = """
            version: draft-everyone-a
            scope: {min_land_mu: 3}
            classes:
              by: percentile
              bands: [{class: A, limit: 100}]
            """;

    /**
     * request → status for admin, opA, opAB, e1, e2. {@code {P}} is the park, {@code &e=X} the enterprise parameter.
     * GET indicators etc. take {@code period=2026-09}; POST output-reports sends one report of the named enterprise.
     */
    static final String MATRIX = """
            GET  policy                      A          200 200 200 200 403
            GET  policy                      B          200 403 200 403 200
            GET  policy                      C          404 403 403 403 403
            GET  indicators                  A          200 200 200 200 403
            GET  indicators                  B          200 403 200 403 200
            GET  indicators                  A&e=E1     200 200 200 200 403
            GET  indicators                  A&e=E2     200 200 200 403 403
            GET  indicators                  B&e=E2     200 403 200 403 200
            GET  indicators                  B&e=E1     200 403 200 403 403
            GET  indicators                  A&e=NONE   404 404 404 404 403
            GET  indicators                  C          404 403 403 403 403
            GET  rankings                    A          200 200 200 403 403
            GET  rankings                    B          200 403 200 403 403
            GET  rankings                    C          404 403 403 403 403
            GET  benchmarks                  A          400 400 400 200 403
            GET  benchmarks                  B          400 403 400 403 200
            GET  benchmarks                  A&e=E1     200 200 200 200 403
            GET  benchmarks                  A&e=E2     200 200 200 403 403
            GET  benchmarks                  B&e=E2     200 403 200 403 200
            GET  benchmarks                  B&e=E1     200 403 200 403 403
            GET  growth                      A          200 200 200 200 403
            GET  growth                      B          200 403 200 403 200
            GET  growth                      A&e=E1     200 200 200 200 403
            GET  growth                      A&e=E2     200 200 200 403 403
            GET  growth                      B&e=E2     200 403 200 403 200
            GET  growth                      B&e=E1     200 403 200 403 403
            GET  classes                     A          200 200 200 200 403
            GET  classes                     B          200 403 200 403 200
            GET  classes                     A&e=E1     200 200 200 200 403
            GET  classes                     A&e=E2     200 200 200 403 403
            GET  classes                     B&e=E2     200 403 200 403 200
            GET  classes                     B&e=E1     200 403 200 403 403
            POST what-if                     A          200 200 200 403 403
            POST what-if                     B          200 403 200 403 403
            POST what-if                     C          404 403 403 403 403
            GET  output-reports              A          200 200 200 200 403
            GET  output-reports              B          200 403 200 403 200
            GET  output-reports              A&e=E1     200 200 200 200 403
            GET  output-reports              A&e=E2     200 200 200 403 403
            GET  output-reports              B&e=E2     200 403 200 403 200
            GET  output-reports              B&e=E1     200 403 200 403 403
            POST output-reports              A&e=E1     200 200 200 200 403
            POST output-reports              A&e=E2     200 200 200 422 403
            POST output-reports              B&e=E2     200 403 200 403 200
            POST output-reports              B&e=E1     200 403 200 403 422
            GET  enterprises                 A          200 200 200 200 403
            GET  enterprises                 B          200 403 200 403 200
            GET  enterprises                 C          404 403 403 403 403
            GET  series                      A&e=E1     200 200 200 200 403
            GET  series                      A&e=E2     200 200 200 403 403
            GET  series                      B&e=E2     200 403 200 403 200
            GET  series                      A&e=NONE   404 404 404 403 403
            GET  load                        A          200 200 200 403 403
            GET  load                        B          200 403 200 403 403
            GET  reports/monthly             A          200 200 200 200 403
            GET  reports/monthly             B          200 403 200 403 200
            GET  alarms                      A          200 200 200 200 403
            GET  alarms                      B          200 403 200 403 200
            GET  live/snapshot               A          200 200 200 200 403
            GET  live/snapshot               B          200 403 200 403 200
            POST alarms/ack                  A          404 404 404 403 403
            """;

    @TempDir
    static Path dir;
    static InfluxDb influx;
    static Vertx vertx;
    static HttpServer server;
    static String base;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(InfluxDb db) throws Exception {
        influx = db;
        influx.createDatabase(DB);
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        String demo = Files.readString(Path.of("..", "test-kit", "parks", "demo-park.yaml"));
        Files.writeString(parksDir.resolve("demo-park.yaml"), demo);
        Files.writeString(parksDir.resolve("park-b.yaml"), demo.replaceFirst("\n  id: demo-park\n", "\n  id: park-b\n"));
        Parks parks = new Parks(new ParkDirectory(parksDir));
        parks.load();
        assertThat(parks.model(B)).as("park B loaded").isPresent();

        Map<String, Caller> byHash = new LinkedHashMap<>();
        ROLES.forEach((role, caller) -> {
            String token = "matrix-token-" + role + "-0123456789abcdef";
            TOKENS.put(role, token);
            byHash.put(ApiTokens.sha256(token), caller);
        });
        vertx = Vertx.vertx();
        Clock clock = Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        InfluxClient client = new InfluxClient(vertx, InfluxConfig.of(influx.url(), DB));
        OutputReportStore reports = new OutputReportStore(client);
        DailyConsumption consumption = new DailyConsumption(vertx, new CounterReadingStore(vertx, client),
                new MeterDayStore(client, 100), 40_000_000L);
        EfficiencyService service = new EfficiencyService(vertx, consumption, reports, Duration.ZERO, clock);
        Router root = Router.router(vertx);
        root.route(DashboardApi.BASE + "/*").subRouter(DashboardApi.api(vertx, TestApiParts.of(vertx, parks, ApiTokens.of(byHash),
                io.parkpulse.dashboard.auth.Users.of(java.util.List.of()), client, service, reports, clock)));
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + DashboardApi.BASE;
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void every_role_gets_the_status_its_rights_allow_on_every_endpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : MATRIX.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            String method = f[0];
            String endpoint = f[1];
            String[] scope = f[2].split("&e=");
            String park = switch (scope[0]) {
                case "A" -> A;
                case "B" -> B;
                default -> C;
            };
            String enterprise = scope.length < 2 ? null : switch (scope[1]) {
                case "E1" -> E1;
                case "E2" -> E2;
                default -> NONE;
            };
            int column = 3;
            for (Map.Entry<String, Caller> role : ROLES.entrySet()) {
                int expected = Integer.parseInt(f[column++]);
                HttpResponse<String> r = call(method, endpoint, park, enterprise, TOKENS.get(role.getKey()));
                checked++;
                if (r.statusCode() != expected) {
                    wrong.add(line.trim() + " as " + role.getKey() + ": expected " + expected + ", got " + r.statusCode() + " " + r.body());
                } else if (expected >= 400) {
                    assertThat(new JsonObject(r.body()).getString("error")).as(line + " " + role.getKey()).isNotBlank();
                } else if (role.getValue().enterprise() != null) {
                    String own = role.getValue().enterprise();
                    for (String other : List.of(E1, E2)) {
                        if (!other.equals(own)) {
                            assertThat(r.body()).as(role.getKey() + " never sees another enterprise's name: " + line).doesNotContain(other);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("of " + checked + " requests").isEmpty();
        assertThat(checked).isEqualTo(61 * 5);
    }

    @Test
    @Order(2)
    void no_token_or_an_unknown_one_is_401_everywhere() throws Exception {
        for (String endpoint : List.of("policy", "indicators", "rankings", "benchmarks", "growth", "classes", "output-reports")) {
            assertThat(call("GET", endpoint, A, null, null).statusCode()).as(endpoint).isEqualTo(401);
            assertThat(call("GET", endpoint, A, null, "unknown-token-0123456789abcdef").statusCode()).as(endpoint).isEqualTo(401);
        }
        assertThat(call("POST", "what-if", A, null, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "output-reports", A, E1, null).statusCode()).isEqualTo(401);
    }

    static final List<String> HOSTILE = List.of("2026-10' OR 1=1 --", "\"; DROP MEASUREMENT output_report", "\n",
            "2026-09\nDROP DATABASE " + DB, "2026-09; DROP DATABASE " + DB, "/.*/", "9".repeat(2000), "x".repeat(2000));

    @Test
    @Order(3)
    void hostile_parameters_get_a_4xx_with_a_reason_and_leave_influxdb_unchanged() throws Exception {
        String before = snapshot();
        String admin = TOKENS.get("admin");
        String e1 = TOKENS.get("e1");
        List<String> wrong = new ArrayList<>();
        for (String bad : HOSTILE) {
            String q = enc(bad);
            // checked formats: 400 naming the parameter
            for (String endpoint : List.of("indicators", "benchmarks", "growth", "classes")) {
                expect(wrong, get("/parks/" + A + "/" + endpoint + "?period=" + q + "&enterprise=" + E1, admin), 400, "period");
                expect(wrong, get("/parks/" + A + "/" + endpoint + "?period=" + q, e1), 400, "period");
            }
            expect(wrong, get("/parks/" + A + "/rankings?indicator=energy_per_output_value&period=" + q, admin), 400, "period");
            expect(wrong, get("/parks/" + A + "/rankings?period=2026-09&indicator=" + q, admin), 400, "indicator");
            expect(wrong, send("POST", "/parks/" + A + "/what-if?period=" + q, admin, "application/yaml", DRAFT), 400, "period");
            expect(wrong, get("/parks/" + A + "/output-reports?from=" + q + "&to=2026-09", admin), 400, "from");
            expect(wrong, get("/parks/" + A + "/output-reports?from=2026-09&to=" + q, e1), 400, "to");
            // ids are looked up among the park's, never spliced: unknown → 404 (or 403 for a park not the caller's)
            // (a blank enterprise parameter means none given, so "\n" is no id at all)
            for (String endpoint : bad.isBlank() ? List.<String>of() : List.of("indicators", "benchmarks", "growth", "classes")) {
                expect(wrong, get("/parks/" + A + "/" + endpoint + "?period=2026-09&enterprise=" + q, admin), 404, "enterprise");
            }
            if (!bad.isBlank()) {
                expect(wrong, get("/parks/" + A + "/output-reports?from=2026-09&to=2026-09&enterprise=" + q, admin), 404, "enterprise");
            }
            if (bad.length() < 1000) { // a 2000-character path segment is still a request line Vert.x accepts, but keep it short
                expect(wrong, get("/parks/" + q + "/indicators?period=2026-09", admin), 404, null);
                expect(wrong, get("/parks/" + q + "/indicators?period=2026-09", e1), 403, null);
            }
            // a report body naming a hostile enterprise or month is rejected line by line
            JsonArray body = new JsonArray().add(new JsonObject().put("enterprise", bad).put("month", "2026-09").put("output_value_cny", 1))
                    .add(new JsonObject().put("enterprise", E1).put("month", bad).put("output_value_cny", 1));
            HttpResponse<String> upload = send("POST", "/parks/" + A + "/output-reports", admin, "application/json", body.encode());
            if (upload.statusCode() != 422 || new JsonObject(upload.body()).getJsonArray("rejected").size() != 2) {
                wrong.add("upload with " + printable(bad) + ": " + upload.statusCode() + " " + upload.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(snapshot()).as("InfluxDB unchanged").isEqualTo(before);
    }

    static void expect(List<String> wrong, HttpResponse<String> r, int status, String field) {
        String what = r.request().method() + " " + printable(r.uri().toString());
        if (r.statusCode() != status) {
            wrong.add(what + ": expected " + status + ", got " + r.statusCode() + " " + printable(r.body()));
            return;
        }
        JsonObject body = new JsonObject(r.body());
        if (body.getString("error") == null || body.getString("error").isBlank()) {
            wrong.add(what + ": no reason given");
        } else if (field != null && !field.equals(body.getString("field"))) {
            wrong.add(what + ": expected field " + field + ", got " + body.getString("field"));
        }
    }

    /** Databases, measurements, series and point counts: what a successful injection would change. */
    static String snapshot() {
        QueryResult databases = influx.query(DB, "SHOW DATABASES");
        QueryResult measurements = influx.query(DB, "SHOW MEASUREMENTS");
        QueryResult series = influx.query(DB, "SHOW SERIES");
        QueryResult counts = influx.query(DB, "SELECT count(*) FROM /.*/");
        assertThat(measurements.isEmpty()).as("the matrix stored output reports").isFalse();
        return databases + "\n" + measurements + "\n" + series + "\n" + counts;
    }

    static HttpResponse<String> call(String method, String endpoint, String park, String enterprise, String token) throws Exception {
        String path = "/parks/" + park + "/" + endpoint;
        switch (endpoint) {
            case "series" -> {
                return get("/parks/" + park + "/enterprises/" + enterprise
                        + "/series?quantity=power_kw&from=2026-09-01T00:00:00Z&to=2026-09-02T00:00:00Z&step=PT1H", token);
            }
            case "load" -> {
                return get(path + "?day=2026-09-01", token);
            }
            case "reports/monthly" -> {
                return get(path + "?month=2026-09&format=csv", token);
            }
            case "alarms" -> {
                return get(path + "?state=active", token);
            }
            case "live/snapshot", "enterprises" -> {
                return get(path, token);
            }
            case "alarms/ack" -> {
                return send("POST", "/parks/" + park + "/alarms/no-such-alarm/ack", token, "application/json", "{\"note\":\"seen\"}");
            }
            default -> {
            }
        }
        if (method.equals("POST") && endpoint.equals("what-if")) {
            return send("POST", path + "?period=2026-09", token, "application/yaml", DRAFT);
        }
        if (method.equals("POST")) {
            JsonArray reports = new JsonArray().add(new JsonObject().put("enterprise", enterprise).put("month", "2026-09")
                    .put("output_value_cny", 1_000_000).put("value_added_cny", 250_000).put("tax_cny", 40_000).put("employees", 100));
            return send("POST", path, token, "application/json", reports.encode());
        }
        String query = switch (endpoint) {
            case "policy" -> "";
            case "rankings" -> "?period=2026-09&indicator=energy_per_output_value";
            case "output-reports" -> "?from=2026-09&to=2026-09";
            default -> "?period=2026-09";
        };
        if (enterprise != null) {
            query += (query.isEmpty() ? "?" : "&") + "enterprise=" + enterprise;
        }
        return get(path + query, token);
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    static HttpResponse<String> send(String method, String path, String token, String type, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            r.header("Content-Type", type);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String printable(String text) {
        String cut = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return cut.replace("\n", "\\n");
    }
}
