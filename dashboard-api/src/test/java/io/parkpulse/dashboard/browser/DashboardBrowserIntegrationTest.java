package io.parkpulse.dashboard.browser;

import static io.parkpulse.dashboard.browser.DashboardUi.settle;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.dashboard.DashboardConfig;
import io.parkpulse.dashboard.DashboardVerticle;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.auth.PasswordHasher;
import io.parkpulse.dashboard.auth.UsersFileWriter;
import io.parkpulse.dashboard.live.LiveSettings;
import io.parkpulse.dashboard.support.GatewaysOnBroker;
import io.parkpulse.dashboard.support.SimulatedParkLoader;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.output.OutputReportFormat;
import io.parkpulse.simulators.output.OutputReportWriter;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.storage.StorageSchema;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser (Debian's headless Chromium through Selenium) against the whole platform: a real
 * Mosquitto, a real InfluxDB, ingest in-process and the dashboard API serving the built web UI. The demo park
 * ({@code parks/demo-park.yaml}: 47 enterprises, 3–10 per industry) holds simulated readings from the day before last
 * month up to now (and the same month a year earlier, for growth), the enterprises' output reports of both months
 * uploaded through the API, and its gateways connected to the broker with their latest readings, so every page shows
 * real figures — rankings of several peers, growth quadrants, live water flows — which is what the screenshots show.
 *
 * <p>Screenshots go to {@code target/screenshots/}; with {@code -Dparkpulse.screenshots=update} also to
 * {@code docs/screenshots/}, which the README links.
 */
@RealServicesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PARK = "demo-park";
    static final String DB = StorageSchema.DEFAULT_DATABASE;
    static final String OPERATOR = "control-room";
    static final String ENTERPRISE_USER = "xinyuan";
    static final String OWN = "ent-xinyuan-cement";
    /** Another enterprise on the same gateway as {@link #OWN}: 鑫泰化工, whose main meter E-04-MAIN is on gw-north. */
    static final String OTHER = "ent-chemical-04";
    static final String OTHER_MAIN = "E-04-MAIN";
    /** E-04-MAIN reads the secondary side of 750/5 A and 10 kV/100 V transformers. */
    static final double OTHER_MAIN_RATIO = 150 * 100;
    static final long QUARTER_HOUR = Duration.ofMinutes(15).toMillis();

    @TempDir
    static Path dir;
    static Park park;
    static YearMonth lastMonth;
    /** The first month of history with {@link Platform#years()}, else {@code null}. */
    static YearMonth firstMonth;
    static RunningIngest ingest;
    static Vertx dashboard;
    static GatewaysOnBroker gateways;
    static ChromeDriver browser;
    static DashboardUi ui;
    static Screenshots screenshots;
    static Path downloads;
    static String api;
    static Map<String, String> passwords;
    static String operatorToken;
    static final HttpClient http = HttpClient.newHttpClient();

    /**
     * What a test class's platform holds beyond this class's own.
     *
     * @param years       with the months of last month's year and the year before it (the targets page's year and the
     *                    previous year its forecast reads), as the demo sends history: a reading a day per wired meter
     *                    until last month, 15-minute readings from then on; and the output reports of all those months
     * @param extraAlarms alarm rules (lines of the policy's {@code alarms:} list) added to the park file's copy
     */
    record Platform(boolean years, String extraAlarms) {
        static final Platform DEFAULT = new Platform(false, "");
    }

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        start(broker, influx, Platform.DEFAULT);
    }

    static void start(MqttBroker broker, InfluxDb influx, Platform platform) throws Exception {
        long started = System.nanoTime();
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        String parkText = Files.readString(Path.of("..", "parks", "demo-park.yaml"));
        if (!platform.extraAlarms().isEmpty()) {
            String after = "  alarms:                           # docs/park-file.md#alarms\n";
            assertThat(parkText).contains(after);
            parkText = parkText.replace(after, after + platform.extraAlarms());
        }
        Files.writeString(parksDir.resolve("demo-park.yaml"), parkText);
        park = new ParkFileReader().read(parksDir.resolve("demo-park.yaml"));
        Clock clock = Clock.system(SHANGHAI);
        lastMonth = YearMonth.now(clock).minusMonths(1);
        YearMonth yearEarlier = lastMonth.minusYears(1);
        firstMonth = platform.years() ? YearMonth.of(lastMonth.getYear() - 1, 1) : null;

        // readings: from the day before last month (its first day's boundary value) to the last quarter hour, and
        // the same month a year earlier (or every month from the first); the rest of the present comes through the
        // broker below
        influx.createDatabase(DB);
        long lastStep = Math.floorDiv(clock.millis(), QUARTER_HOUR) * QUARTER_HOUR;
        if (platform.years()) {
            SimulatedParkLoader.load(park, dayBefore(firstMonth), lastStep, dayBefore(lastMonth), influx, DB);
        } else {
            SimulatedParkLoader.load(park, dayBefore(lastMonth), lastStep, influx, DB);
            SimulatedParkLoader.load(park, dayBefore(yearEarlier), dayBefore(yearEarlier.plusMonths(1)) + 2 * 86_400_000L, influx, DB);
        }
        System.out.printf("browser test: readings loaded after %d ms%n", msSince(started));

        startIngest(broker, influx, parksDir);
        passwords = UsersFileWriter.writeWithGeneratedPasswords(dir.resolve("users.yaml"), List.of(
                new UsersFileWriter.Account(Caller.operator(OPERATOR, List.of(PARK)), "园区控制室"),
                new UsersFileWriter.Account(Caller.enterprise(ENTERPRISE_USER, PARK, OWN), "新源水泥 能源科")), new PasswordHasher());
        DashboardConfig config = new DashboardConfig(parksDir, Duration.ofSeconds(2), null, InfluxConfig.of(influx.url(), DB),
                "127.0.0.1", 0, Duration.ofSeconds(30), 40_000_000L, 1_000, dir.resolve("users.yaml"),
                UsersFileWriter.generatePassword() + UsersFileWriter.generatePassword(), LoginTokens.DEFAULT_LIFETIME,
                new LiveSettings(broker.url(), "dashboard-browser-test", null, null), Duration.ofSeconds(5));
        dashboard = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, clock);
        dashboard.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        String site = "http://127.0.0.1:" + verticle.port();
        api = site + "/api/v1";

        operatorToken = login(OPERATOR);
        List<String> uploads = platform.years() ? List.of(outputReports(firstMonth, lastMonth))
                : List.of(outputReports(yearEarlier), outputReports(lastMonth));
        for (String csv : uploads) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/parks/" + PARK + "/output-reports"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)), operatorToken);
            assertThat(r.statusCode()).as("output reports: %s", r.body()).isEqualTo(200);
        }
        System.out.printf("browser test: output reports uploaded after %d ms%n", msSince(started));

        // the gateways come online and send the present quarter hour's readings through ingest: the live panel
        gateways = new GatewaysOnBroker(broker.url(), PARK, ParkModel.build(park, ModelSettings.of(2026)).gateways());
        new SimulationRun(ParkModel.build(park, ModelSettings.of(2026)), RunSettings.between(lastStep, clock.millis() + 1,
                Duration.ofMinutes(15), 50), Pace.backfill(), gateways, new RunStats()).run();
        Await.until(Duration.ofSeconds(40), () -> {
            JsonObject panel = snapshot();
            return panel.getValue("total_power_kw") != null && panel.getJsonArray("gateways").stream()
                    .allMatch(g -> Boolean.TRUE.equals(((JsonObject) g).getBoolean("online")));
        }, () -> "the live panel never got the gateways' readings: " + snapshot().encode());

        downloads = Files.createDirectories(dir.resolve("downloads"));
        browser = HeadlessChromium.start(downloads, SHANGHAI);
        ui = new DashboardUi(browser, site);
        screenshots = new Screenshots(Path.of(""));
        System.out.printf("browser test: platform, data and browser ready after %d ms%n", msSince(started));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (gateways != null) {
            gateways.disconnect();
        }
        if (dashboard != null) {
            dashboard.close().await(20, TimeUnit.SECONDS);
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    static void startIngest(MqttBroker broker, InfluxDb influx, Path parksDir) throws Exception {
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parksDir, "ingest-browser-test",
                Map.of("PARKPULSE_INFLUX_DATABASE", DB))).awaitLiveRollupsConnected();
    }

    /** Local midnight starting the day before {@code month}'s first day, epoch ms. */
    static long dayBefore(YearMonth month) {
        return month.atDay(1).minusDays(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
    }

    static long msSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /**
     * The enterprises' output reports of {@code month} in the CSV the API takes, from the simulator's production
     * model with the seed the readings come from: output and energy of an enterprise belong together.
     */
    static String outputReports(YearMonth month) {
        return OUTPUT_REPORTS.computeIfAbsent(month, DashboardBrowserIntegrationTest::simulatedOutputReports);
    }

    /** A month's reports take a month's simulation of the park: made once per month and JVM. */
    private static final Map<YearMonth, String> OUTPUT_REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String simulatedOutputReports(YearMonth month) {
        return outputReports(month, month);
    }

    /** The output reports of the months {@code first} … {@code last}, from one simulation of them. */
    static String outputReports(YearMonth first, YearMonth last) {
        StringWriter csv = new StringWriter();
        try (OutputReportWriter writer = new OutputReportWriter(csv, OutputReportFormat.UPLOAD, false, "output reports")) {
            ParkModel model = ParkModel.build(park, ModelSettings.of(2026).withOutputs(m -> {
                if (m.complete() && !m.month().isBefore(first) && !m.month().isAfter(last)) {
                    writer.accept(m);
                }
            }));
            long from = first.atDay(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
            long to = last.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
            new SimulationRun(model, RunSettings.between(from, to, Duration.ofMinutes(15), 50), Pace.backfill(), message -> { },
                    new RunStats()).run();
        }
        return csv.toString();
    }

    // ---- the API, for setting up and for the expected values -----------------------------------------------------

    static String login(String username) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", passwords.get(username)).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of %s: %s", username, r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject snapshot() {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/parks/" + PARK + "/live/snapshot")), operatorToken);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return new JsonObject(r.body());
        } catch (Exception e) {
            throw new AssertionError("live snapshot: " + e, e);
        }
    }

    static double powerOf(JsonObject panel, String enterprise) {
        return panel.getJsonArray("enterprises").stream().map(JsonObject.class::cast)
                .filter(e -> enterprise.equals(e.getString("id"))).findFirst()
                .map(e -> e.getDouble("power_kw", 0.0)).orElseThrow();
    }

    /** What the UI shows for a power (format.js: MW with two decimals from 10 000 kW, else kW with one). */
    static String shownPower(double kw) {
        return kw >= 10_000 ? String.format(Locale.ROOT, "%,.2f MW", kw / 1000) : String.format(Locale.ROOT, "%,.1f kW", kw);
    }

    /** Every other enterprise's id and registered name: none may reach an enterprise's browser. */
    static List<String> othersOf(String enterprise) {
        return park.enterprises().values().stream().filter(e -> !e.id().value().equals(enterprise))
                .flatMap(e -> Stream.of(e.id().value(), e.name())).toList();
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void an_operator_logs_in_and_a_published_reading_shows_on_the_live_panel_within_two_seconds() throws Exception {
        ui.logIn(OPERATOR, passwords.get(OPERATOR));
        ui.until(d -> d.getCurrentUrl().endsWith("#/live"), "the operator landing on the live panel");
        ui.await("live-page");
        assertThat(ui.find("user-name").getText()).isEqualTo("园区控制室");
        ui.until(d -> "live".equals(ui.find("live-status").getAttribute("data-status")), "the live stream to be open");
        JsonObject before = snapshot();
        double total = before.getDouble("total_power_kw");
        ui.until(d -> kwShown() == total, "the panel to show the park total " + total + " kW");

        double base = total - powerOf(before, OTHER);
        List<Long> latencies = new ArrayList<>();
        for (double register : new double[] {0.7771, 0.8123, 0.6547}) {
            double expected = base + register * OTHER_MAIN_RATIO;
            long published = System.nanoTime();
            gateways.publish("gw-north", new TelemetryMessage(System.currentTimeMillis(), List.of(
                    new Reading(OTHER_MAIN, System.currentTimeMillis(), List.of(Value.of(Quantity.POWER_KW, register))))));
            while (Math.abs(kwShown() - expected) > 1e-6 && msSince(published) < 5_000) {
                Thread.sleep(10);
            }
            long latency = msSince(published);
            System.out.printf("browser test: total %.1f kW shown on the live panel %d ms after the publish%n", expected, latency);
            assertThat(kwShown()).as("park load on the panel").isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(ui.find("total-power").getText()).isEqualTo(shownPower(expected));
            latencies.add(latency);
        }
        assertThat(latencies).as("publish to panel, ms").allSatisfy(ms -> assertThat(ms).isLessThan(2_000));
    }

    static double kwShown() {
        String kw = ui.find("total-power").getAttribute("data-kw");
        return kw == null || kw.isEmpty() ? Double.NaN : Double.parseDouble(kw);
    }

    @Test
    @Order(2)
    void the_live_panel_shows_the_parks_water_flow_and_the_enterprises_flows() {
        // the park inlet and the big users meter water with wired electromagnetic flowmeters: a live flow, not NB-IoT
        // meters' daily uplinks
        JsonObject panel = snapshot();
        assertThat(panel.getValue("water_flow_m3h")).as("the park's water flow in the snapshot: %s", panel.encode()).isNotNull();
        double flow = panel.getDouble("water_flow_m3h");
        assertThat(flow).isPositive();
        ui.open("/live");
        ui.await("live-page");
        ui.until(d -> !ui.find("total-water").getText().equals("—"), "the park's water flow on the live panel");
        String shown = ui.find("total-water").getText();
        assertThat(shown).as("the water panel's flow").matches("[\\d,]+\\.\\d m³/h");
        assertThat(Double.parseDouble(shown.replaceAll("[^\\d.]", ""))).isCloseTo(flow, org.assertj.core.data.Offset.offset(0.051));
        // an enterprise's own flowmeter, in the table beside the water chart
        WebElement own = ui.await("water-" + OWN);
        assertThat(own.getAttribute("data-stale")).isEqualTo("false");
        assertThat(own.getText()).matches("[\\d,]+\\.\\d m³/h .*");
        assertThat(ui.find("water-chart").getAttribute("aria-label")).contains("新源水泥有限公司");
    }

    @Test
    @Order(3)
    void an_enterprise_sees_its_own_page_and_cannot_reach_another_enterprises_page_or_data() throws Exception {
        ui.logIn(ENTERPRISE_USER, passwords.get(ENTERPRISE_USER));
        ui.until(d -> d.getCurrentUrl().endsWith("#/home"), "the enterprise landing on its own page");
        WebElement home = ui.await("enterprise-home");
        assertThat(home.getAttribute("data-enterprise")).isEqualTo(OWN);
        ui.until(d -> "新源水泥有限公司".equals(ui.find("enterprise-name").getText()), "its own name");
        ui.until(d -> !ui.find("kpi-energy_per_output_value").getText().equals("—"), "its energy per output value");
        assertThat(ui.present("nav-live")).as("its own live page (LivePageBrowserIntegrationTest)").isTrue();
        ui.await("benchmark-table");
        // the works meters the kiln's fuel (G-XY) as well as electricity: the clinker row, which counts both, gets a
        // verdict (fuel not metered, no verdict: DataSufficiencyIntegrationTest on the hand-written park)
        WebElement grade = ui.await("limit-grade-gb16780-2007/clinker-comprehensive/4000tpd");
        assertThat(grade.getAttribute("data-grade")).isIn("advanced", "entry", "limit", "above_limit");
        assertThat(grade.getText()).isIn("达到先进值", "达到准入值", "达到限定值", "超过限定值");
        settle(1_500);
        screenshots.take(browser, "enterprise-home");
        assertThat(browser.getPageSource()).as("its own page names no other enterprise")
                .doesNotContain(othersOf(OWN).toArray(String[]::new));

        for (String route : List.of("/enterprise/" + OTHER, "/ranking", "/what-if")) {
            ui.open(route);
            ui.await("forbidden");
            settle(300);
            assertThat(browser.getPageSource()).as("%s names no other enterprise", route)
                    .doesNotContain(othersOf(OWN).toArray(String[]::new));
        }

        // the API refuses on its own, whatever the page's script asks
        String series = "/api/v1/parks/" + PARK + "/enterprises/%s/series?quantity=power_kw&step=PT1H&from=%s&to=%s";
        String from = lastMonth.atDay(1).atStartOfDay(SHANGHAI).toOffsetDateTime().toString();
        String to = lastMonth.atDay(2).atStartOfDay(SHANGHAI).toOffsetDateTime().toString();
        String fetch = "const token = JSON.parse(sessionStorage.getItem('parkpulse.session')).token;"
                + "const r = await fetch(args[0], {headers: {Authorization: 'Bearer ' + token}});"
                + "return r.status + ' ' + await r.text();";
        String other = (String) ui.async(fetch, String.format(series, OTHER, enc(from), enc(to)));
        assertThat(other).startsWith("403 ").doesNotContain(othersOf(OWN).toArray(String[]::new));
        String own = (String) ui.async(fetch, String.format(series, OWN, enc(from), enc(to)));
        assertThat(own).startsWith("200 ");
        String live = (String) ui.async(fetch, "/api/v1/parks/" + PARK + "/live/snapshot");
        assertThat(live).startsWith("200 ").doesNotContain(othersOf(OWN).toArray(String[]::new)).doesNotContain("total_power_kw");
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    @Order(4)
    void the_language_switch_turns_the_ui_english_and_the_choice_survives_a_reload() {
        ui.logOut();
        ui.open("/login");
        ui.await("login-form");
        assertThat(ui.find("lang-switch").getAttribute("data-lang")).isEqualTo("zh");
        assertThat(ui.find("login-submit").getText()).isEqualTo("登录");
        assertThat(ui.script("return document.documentElement.lang")).isEqualTo("zh-CN");
        try {
            ui.find("lang-switch").click();
            ui.until(d -> "Log in".equals(ui.find("login-submit").getText()), "the English label after the switch");
            assertThat(ui.find("lang-switch").getAttribute("data-lang")).isEqualTo("en");
            assertThat(ui.script("return document.documentElement.lang")).isEqualTo("en");

            browser.navigate().refresh();
            ui.await("login-form");
            assertThat(ui.find("login-submit").getText()).as("after a reload").isEqualTo("Log in");
            assertThat(ui.find("lang-switch").getAttribute("data-lang")).isEqualTo("en");

            ui.logIn(OPERATOR, passwords.get(OPERATOR));
            ui.await("live-page");
            assertThat(ui.find("nav-live").getText()).isEqualTo("Live");
        } finally {
            // back to the default for the screenshots
            ui.find("lang-switch").click();
            ui.until(d -> "zh".equals(ui.find("lang-switch").getAttribute("data-lang")), "Chinese again");
        }
        assertThat(ui.find("nav-live").getText()).isEqualTo("实时监测");
    }

    @Test
    @Order(5)
    void the_monthly_report_downloads_as_csv_and_excel() throws Exception {
        ui.logIn(OPERATOR, passwords.get(OPERATOR));
        ui.open("/reports");
        assertThat(ui.await("report-month").getAttribute("value")).as("last complete month by default").isEqualTo(lastMonth.toString());
        String name = "parkpulse-" + PARK + "-" + lastMonth;

        ui.find("report-download-csv").click();
        byte[] csv = downloaded(name + ".csv");
        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("企业编号,企业名称,行业代码,").contains("单位产值综合能耗");
        assertThat(lines).hasSize(1 + park.enterprises().size());
        assertThat(lines.subList(1, lines.size())).anySatisfy(l -> assertThat(l).startsWith(OWN + ",新源水泥有限公司,C3011,"));
        ui.until(d -> ui.find("report-status").getText().contains(name + ".csv"), "the download reported on the page");

        ui.find("report-download-xlsx").click();
        byte[] xlsx = downloaded(name + ".xlsx");
        assertThat(Arrays.copyOf(xlsx, 4)).as("a zip container (Office Open XML)").containsExactly('P', 'K', 3, 4);
        assertThat(xlsx.length).isGreaterThan(3_000);

        // an enterprise's file holds its own row only
        Files.delete(downloads.resolve(name + ".csv"));
        ui.logIn(ENTERPRISE_USER, passwords.get(ENTERPRISE_USER));
        ui.open("/reports");
        ui.await("report-download-csv").click();
        String own = new String(downloaded(name + ".csv"), StandardCharsets.UTF_8);
        assertThat(own.lines()).hasSize(2);
        assertThat(own).contains("新源水泥有限公司").doesNotContain(othersOf(OWN).toArray(String[]::new));
    }

    /** The file once Chromium finished writing it (it writes {@code .crdownload} and renames). */
    static byte[] downloaded(String name) throws Exception {
        Path file = downloads.resolve(name);
        Await.until(Duration.ofSeconds(15), () -> file.toFile().isFile() && file.toFile().length() > 0,
                () -> name + " not downloaded; the directory holds " + list(downloads));
        return Files.readAllBytes(file);
    }

    static List<String> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    @Test
    @Order(6)
    void the_ranking_compares_several_enterprises_per_industry_and_the_growth_quadrants_have_points() throws Exception {
        ui.logIn(OPERATOR, passwords.get(OPERATOR));
        ui.open("/ranking");
        ui.await("ranking-page");
        // what the page draws, from the API: last month's ranking of its default indicator, and growth year on year
        JsonObject ranking = apiJson("/rankings?period=" + lastMonth + "&indicator=energy_per_output_value");
        JsonObject growth = apiJson("/growth?period=" + lastMonth);

        List<JsonObject> groups = ranking.getJsonArray("groups").stream().map(JsonObject.class::cast).toList();
        List<JsonObject> compared = groups.stream().filter(g -> g.getJsonArray("ranking").size() >= 3
                && g.getJsonArray("ranking").stream().map(JsonObject.class::cast)
                        .anyMatch(r -> r.getDouble("gap_to_frontrunner", 0.0) > 0)).toList();
        assertThat(compared).as("industries with 3 or more ranked enterprises and a gap to the frontrunner: %s", ranking.encode())
                .isNotEmpty();

        // the page's tables: one per industry, a row per ranked enterprise, the gap to the frontrunner in the fourth column
        ui.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("[data-testid^=\"ranking-row-\"]")).size()
                >= compared.get(0).getJsonArray("ranking").size(), "ranked enterprises");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tables = (List<Map<String, Object>>) ui.script("""
                return [...document.querySelectorAll('[data-testid^="ranking-table-"]')].map((t) => ({
                  industry: t.dataset.testid.substring('ranking-table-'.length),
                  gaps: [...t.querySelectorAll('tbody tr')].map((r) => r.children[3].innerText)
                }));""");
        for (JsonObject group : compared) {
            String industry = group.getString("industry");
            Map<String, Object> table = tables.stream().filter(t -> industry.equals(t.get("industry"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no table for " + industry + " among " + tables));
            @SuppressWarnings("unchecked")
            List<String> gaps = (List<String>) table.get("gaps");
            assertThat(gaps).as("%s's rows", industry).hasSize(group.getJsonArray("ranking").size()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(gaps).as("%s: the frontrunner's own gap is zero, some other's is not", industry)
                    .anySatisfy(gap -> assertThat(gap).matches(ZERO))
                    .anySatisfy(gap -> assertThat(gap).matches("[\\d,.]+(\\s.*)?").doesNotMatch(ZERO));
        }
        System.out.printf("browser test: ranking of %s, %d industries, %d of them with 3 or more ranked and a gap%n", lastMonth,
                groups.size(), compared.size());

        // the growth quadrants: one point per enterprise with output and energy growth; each point's name is in the
        // chart's label (Chart.jsx), the canvas itself is opaque
        List<String> withGrowth = growth.getJsonArray("enterprises").stream().map(JsonObject.class::cast)
                .filter(g -> g.getValue("energy_growth") instanceof Number && g.getValue("output_growth") instanceof Number)
                .map(g -> park.enterprises().values().stream().filter(e -> e.id().value().equals(g.getString("enterprise")))
                        .findFirst().orElseThrow().name())
                .toList();
        assertThat(withGrowth).as("enterprises with growth on both sides: %s", growth.encode()).hasSizeGreaterThanOrEqualTo(3);
        ui.until(d -> withGrowth.stream().allMatch(String.valueOf(ui.find("growth-chart").getAttribute("aria-label"))::contains),
                "the growth chart's points");
        String label = ui.find("growth-chart").getAttribute("aria-label");
        assertThat(park.enterprises().values().stream().map(e -> e.name()).filter(label::contains).toList())
                .as("the growth chart's points").containsExactlyInAnyOrderElementsOf(withGrowth);
        System.out.printf("browser test: %d of %d enterprises in the growth quadrants%n", withGrowth.size(), park.enterprises().size());
    }

    /** A quantity of zero as the UI writes it (format.js), with or without its unit. */
    static final String ZERO = "0(\\.0+)?(\\s.*)?";

    static JsonObject apiJson(String parkPath) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/parks/" + PARK + parkPath)), operatorToken);
        assertThat(r.statusCode()).as("%s: %s", parkPath, r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    @Test
    @Order(7)
    void screenshots_of_the_main_pages() {
        ui.logOut();
        ui.open("/login");
        ui.await("login-username").sendKeys(OPERATOR);
        settle(300);
        screenshots.take(browser, "login");

        ui.logIn(OPERATOR, passwords.get(OPERATOR));
        ui.await("live-page");
        ui.until(d -> "live".equals(ui.find("live-status").getAttribute("data-status")), "the live stream");
        ui.until(d -> !ui.find("total-power").getText().equals("—"), "the park load");
        settle(2_000);
        screenshots.take(browser, "live");

        ui.find("big-screen-toggle").click();
        ui.until(d -> "big".equals(ui.find("live-page").getAttribute("data-screen")), "big-screen mode");
        ui.until(d -> !ui.find("total-power").getText().equals("—"), "the park load on the big screen");
        settle(2_000);
        screenshots.take(browser, "live-big-screen");

        ui.open("/ranking");
        ui.await("ranking-page");
        ui.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("[data-testid^=\"ranking-row-\"]")).isEmpty(), "ranked enterprises");
        settle(2_000);
        screenshots.take(browser, "ranking");

        ui.open("/enterprise/" + OWN);
        ui.await("enterprise-page");
        ui.await("benchmark-table");
        ui.until(d -> !ui.find("kpi-energy_per_output_value").getText().equals("—"), "the enterprise's figures");
        settle(2_000);
        screenshots.take(browser, "enterprise");

        ui.open("/what-if");
        ui.until(d -> !ui.await("what-if-draft").getAttribute("value").isBlank(), "the policy in force as a draft");
        // a stricter draft: class A for the best 10 % instead of 20 %
        ui.script("const t = arguments[0];"
                + "t.value = t.value.replace(/(class: A[^\\n]*\\n?[^\\n]*?limit: )20\\b/, '$110');"
                + "t.dispatchEvent(new Event('input', {bubbles: true}));", ui.find("what-if-draft"));
        ui.find("what-if-submit").click();
        ui.until(d -> Stream.of("what-if-result", "what-if-problems", "error-banner").anyMatch(ui::present), "the what-if answer");
        assertThat(ui.present("what-if-result")).as("what-if answered: %s", Stream.of("what-if-problems", "error-banner")
                .filter(ui::present).map(id -> ui.find(id).getText()).toList()).isTrue();
        settle(2_000);
        screenshots.take(browser, "what-if");

        assertThat(list(Path.of("target", "screenshots"))).contains("login.png", "live.png", "live-big-screen.png", "ranking.png",
                "enterprise.png", "enterprise-home.png", "what-if.png");
        if (screenshots.updatesDocs()) {
            System.out.println("browser test: screenshots copied to docs/screenshots/");
        }
    }

    @Test
    @Order(8)
    void no_page_broke_the_content_security_policy() {
        // every page the tests above walked, under the policy the API sends (SecurityHeaders)
        List<String> console = HeadlessChromium.consoleSinceLastCall(browser);
        console.forEach(m -> System.out.println("browser console: " + m));
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
    }
}
