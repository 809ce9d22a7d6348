package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.DailyConsumption;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.report.MonthlyReportRoutes;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small park with hand-written readings in a real InfluxDB, and the data and report routes served by a router of
 * their own: a test header says who is asking ({@code operator} or {@code enterprise:<id>}), standing in for the
 * token check that puts the {@link Caller} into the request.
 *
 * <p>Readings: hourly registers from 2026-08-31 to 2026-10-02 (local) on every electricity meter and the water
 * meter, at a constant rate per meter, so any step's consumption is known exactly; the sub-meter and the park
 * incomer at absurd rates, so counting either shows.
 */
public final class DataApiFixture implements AutoCloseable {

    public static final String PARK = "test-park";
    public static final String DB = "parkpulse_data";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String CALLER_HEADER = "X-Test-Caller";
    /** kWh (or m³) per hour of each meter's register. */
    public static final double A1 = 10, A2 = 5, A_SUB = 1000, B = 20, G = 8, PARK_INCOMER = 99_999, WATER_A = 2;

    static final String PARK_FILE = """
            schema_version: 1
            park: {id: test-park, name: 测试园区, time_zone: Asia/Shanghai}
            policy:
              version: test-2026.1
              energy_basis: equivalent
              frontrunner_top_percent: 0
              growth: {flat_threshold: 0.01, intensity_band: 0.1}
              scoring:
                method: ratio
                indicators:
                  - {indicator: output_value_per_mu, weight: 100, benchmark: {of_peers: mean}, cap: 2}
              classes:
                by: percentile
                bands: [{class: A, limit: 50}, {class: B, limit: 100}]
            enterprises:
              - {id: ent-alpha, name: 阿尔法机械有限公司, industry: C3484, land_mu: 50}
              - {id: ent-beta, name: 贝塔机械有限公司, industry: C3484, land_mu: 40}
              - {id: ent-gamma, name: 伽马纺织有限公司, industry: C1713, land_mu: 30}
            gateways:
              - {id: gw-1, name: 网关}
            meters:
              - {id: E-PARK, name: 总进线, kind: electricity, gateway: gw-1, reading_interval: PT1H}
              - {id: E-A1, name: 阿尔法 1 号, kind: electricity, enterprise: ent-alpha, gateway: gw-1, reading_interval: PT1H}
              - {id: E-A2, name: 阿尔法 2 号, kind: electricity, enterprise: ent-alpha, gateway: gw-1, reading_interval: PT1H}
              - {id: E-A-SUB, name: 阿尔法 车间, kind: electricity, enterprise: ent-alpha, gateway: gw-1, role: sub, reading_interval: PT1H}
              - {id: W-A, name: 阿尔法 水表, kind: water, enterprise: ent-alpha, gateway: gw-1, reading_interval: PT1H}
              - {id: E-B, name: 贝塔 总表, kind: electricity, enterprise: ent-beta, gateway: gw-1, reading_interval: PT1H}
              - {id: E-G, name: 伽马 总表, kind: electricity, enterprise: ent-gamma, gateway: gw-1, reading_interval: PT1H}
            """;

    public final InfluxDb influx;
    private final Vertx vertx;
    private final InfluxClient client;
    private final HttpServer server;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private DataApiFixture(InfluxDb influx, Vertx vertx, InfluxClient client, HttpServer server) {
        this.influx = influx;
        this.vertx = vertx;
        this.client = client;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.actualPort() + "/api/v1";
    }

    public static DataApiFixture start(InfluxDb influx, Path dir) throws Exception {
        influx.createDatabase(DB);
        writeReadings(influx);
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parksDir.resolve("test-park.yaml"), PARK_FILE);
        Parks parks = new Parks(new ParkDirectory(parksDir));
        parks.load();

        Vertx vertx = Vertx.vertx();
        InfluxClient client = new InfluxClient(vertx, InfluxConfig.of(influx.url(), DB));
        Clock clock = Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), ZONE);
        OutputReportStore reports = new OutputReportStore(client);
        reports.write(PARK, ZONE, List.of(report("ent-alpha", 1_000_000), report("ent-beta", 2_000_000),
                report("ent-gamma", 500_000)), "test", clock.millis()).await(30, TimeUnit.SECONDS);
        EfficiencyService service = new EfficiencyService(vertx, new DailyConsumption(vertx,
                new CounterReadingStore(vertx, client), new MeterDayStore(client, 1_000), 40_000_000L),
                reports, Duration.ZERO, clock);

        Router api = Router.router(vertx);
        api.route().handler(rc -> {
            rc.put(Requests.CALLER, caller(rc.request().getHeader(CALLER_HEADER)));
            rc.next();
        });
        new DataRoutes(vertx, parks, client).mount(api);
        new MonthlyReportRoutes(vertx, parks, service, clock).mount(api);
        api.route().failureHandler(rc -> {
            int status = rc.failure() instanceof ApiError e ? e.status() : 500;
            String field = rc.failure() instanceof ApiError e ? e.field() : null;
            String message = rc.failure() == null ? "HTTP " + rc.statusCode() : String.valueOf(rc.failure().getMessage());
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("error", message).put("field", field).encode());
        });
        Router root = Router.router(vertx);
        root.route("/api/v1/*").subRouter(api);
        HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
        return new DataApiFixture(influx, vertx, client, server);
    }

    static Caller caller(String header) {
        if (header != null && header.startsWith("enterprise:")) {
            String id = header.substring("enterprise:".length());
            return new Caller(id + "-user", Caller.Role.ENTERPRISE, PARK, id);
        }
        return new Caller("control-room", Caller.Role.OPERATOR, PARK, null);
    }

    static OutputReport report(String enterprise, double outputValueCny) {
        return OutputReport.builder(enterprise, YearMonth.of(2026, 9), outputValueCny).valueAdded(outputValueCny * 0.25)
                .tax(outputValueCny * 0.04).build();
    }

    /** Hourly registers at a constant rate per meter; local 2026-08-31 00:00 reads 1 000. */
    static void writeReadings(InfluxDb influx) {
        long from = LocalDate.of(2026, 8, 31).atStartOfDay(ZONE).toInstant().toEpochMilli();
        long to = LocalDate.of(2026, 10, 2).atStartOfDay(ZONE).toInstant().toEpochMilli();
        StringBuilder lines = new StringBuilder();
        for (long t = from; t <= to; t += 3_600_000L) {
            double hours = (t - from) / 3_600_000.0;
            register(lines, "electricity", "E-PARK", null, "energy_kwh", 1000 + PARK_INCOMER * hours, t);
            register(lines, "electricity", "E-A1", "ent-alpha", "energy_kwh", 1000 + A1 * hours, t);
            register(lines, "electricity", "E-A2", "ent-alpha", "energy_kwh", 1000 + A2 * hours, t);
            register(lines, "electricity", "E-A-SUB", "ent-alpha", "energy_kwh", 1000 + A_SUB * hours, t);
            register(lines, "water", "W-A", "ent-alpha", "volume_m3", 1000 + WATER_A * hours, t);
            register(lines, "electricity", "E-B", "ent-beta", "energy_kwh", 1000 + B * hours, t);
            register(lines, "electricity", "E-G", "ent-gamma", "energy_kwh", 1000 + G * hours, t);
        }
        influx.write(DB, lines.toString());
    }

    static void register(StringBuilder lines, String measurement, String meter, String enterprise, String field,
                         double value, long t) {
        lines.append(line(measurement, meter, enterprise, field + "=" + value, t)).append('\n');
    }

    /** One line of line protocol with the tags ingest writes. */
    public static String line(String measurement, String meter, String enterprise, String fields, long t) {
        String industry = enterprise == null ? null : enterprise.equals("ent-gamma") ? "C1713" : "C3484";
        return measurement + ",park=" + PARK + ",meter=" + meter
                + (enterprise == null ? "" : ",enterprise=" + enterprise + ",industry=" + industry) + " " + fields + " " + t;
    }

    public static long local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZONE).toInstant().toEpochMilli();
    }

    /** GET {@code path} (under /api/v1) as {@code caller}. */
    public HttpResponse<byte[]> get(String path, String caller) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header(CALLER_HEADER, caller).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        client.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }
}
