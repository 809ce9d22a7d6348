package io.parkpulse.dashboard.browser;

import static io.parkpulse.dashboard.browser.DashboardUi.settle;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EquipmentState;
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
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.storage.StorageSchema;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The live page in a real browser (headless Chromium) against the real platform (Mosquitto, InfluxDB, ingest, the
 * dashboard API), on two small parks whose clocks are far from the browser's: {@code tz-east} on Kiritimati time
 * (UTC+14) and {@code tz-west} on UTC−12, so that at any moment one of them is on another calendar day than a browser
 * on UTC or on New York time. Checked: the chart's "today" is the park's day from the park's midnight and its labels
 * are park time, the month picker's default is the park's last complete month; every live figure carries its age and
 * an old one shows as stale since when; an enterprise sees its own live page and nothing of the other.
 *
 * <p>Each park: enterprise A (甲) read by {@code gw-1}, fresh; enterprise B (乙) read by {@code gw-2}, whose meters sent
 * their last reading two hours ago (fresh for 45 minutes); equipment of A never heard from.
 */
@RealServicesTest
class LivePageBrowserIntegrationTest {

    static final ZoneId EAST = ZoneId.of("Pacific/Kiritimati");
    static final ZoneId WEST = ZoneId.of("Etc/GMT+12");
    static final Map<String, ZoneId> PARKS = Map.of("tz-east", EAST, "tz-west", WEST);
    static final String DB = StorageSchema.DEFAULT_DATABASE;
    static final String OPERATOR = "control-room";
    static final String USER_A = "jia";
    static final String USER_B = "yi";
    static final String NAME_A = "甲方精密制造有限公司";
    static final String NAME_B = "乙方化工材料有限公司";
    static final double KW_A = 512.5;
    static final long TWO_HOURS = Duration.ofHours(2).toMillis();
    static final long QUARTER_HOUR = Duration.ofMinutes(15).toMillis();

    @TempDir
    static Path dir;
    static RunningIngest ingest;
    static Vertx dashboard;
    static final List<GatewaysOnBroker> gateways = new ArrayList<>();
    static ChromeDriver browser;
    static DashboardUi ui;
    static String site;
    static String api;
    static Map<String, String> passwords;
    static String operatorToken;
    static long staleAt;
    static Screenshots screenshots = new Screenshots(Path.of(""));
    static final HttpClient http = HttpClient.newHttpClient();

    static String parkFile(String id, ZoneId zone) {
        return """
                schema_version: 1
                park: {id: %s, name: 时区测试园区, time_zone: %s, revision: "1"}
                policy:
                  version: tz-test.1
                  alarms:
                    - {id: a-over-100, kind: power_above, enterprise: ent-a, limit_kw: 100, for: PT1S}
                enterprises:
                  - {id: ent-a, name: %s, industry: C3484, land_mu: 20}
                  - {id: ent-b, name: %s, industry: C3011, land_mu: 30}
                gateways:
                  - {id: gw-1, name: 一号配电房网关}
                  - {id: gw-2, name: 二号配电房网关}
                meters:
                  - {id: E-A-MAIN, name: 甲方 总表, kind: electricity, enterprise: ent-a, gateway: gw-1}
                  - {id: M-A-01, name: 甲方 加工中心, kind: equipment, enterprise: ent-a, gateway: gw-1}
                  - {id: E-B-MAIN, name: 乙方 总表, kind: electricity, enterprise: ent-b, gateway: gw-2}
                  - {id: M-B-01, name: 乙方 反应釜, kind: equipment, enterprise: ent-b, gateway: gw-2}
                """.formatted(id, zone.getId(), NAME_A, NAME_B);
    }

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        influx.createDatabase(DB);
        long now = System.currentTimeMillis();
        staleAt = now - TWO_HOURS;
        for (Map.Entry<String, ZoneId> p : PARKS.entrySet()) {
            Path file = parksDir.resolve(p.getKey() + ".yaml");
            Files.writeString(file, parkFile(p.getKey(), p.getValue()));
            Park park = new ParkFileReader().read(file);
            // A's load from the park's midnight yesterday to the last quarter hour: the chart's two curves
            long from = LocalDate.now(p.getValue()).minusDays(1).atStartOfDay(p.getValue()).toInstant().toEpochMilli();
            List<Reading> history = new ArrayList<>();
            for (long at = from; at <= now - QUARTER_HOUR; at += QUARTER_HOUR) {
                history.add(new Reading("E-A-MAIN", at, List.of(Value.of(Quantity.POWER_KW, 400 + 100 * Math.sin(at / 7.2e6)))));
            }
            SimulatedParkLoader.deliver(park, "gw-1", history, now, influx, DB);
        }
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parksDir, "ingest-live-page-test",
                Map.of("PARKPULSE_INFLUX_DATABASE", DB))).awaitLiveRollupsConnected();
        passwords = UsersFileWriter.writeWithGeneratedPasswords(dir.resolve("users.yaml"), List.of(
                new UsersFileWriter.Account(Caller.operator(OPERATOR, List.copyOf(PARKS.keySet())), "园区控制室"),
                // named by its enterprise id, as the demo's users file does: the page shows the registered name
                new UsersFileWriter.Account(Caller.enterprise(USER_A, "tz-east", "ent-a"), "ent-a"),
                new UsersFileWriter.Account(Caller.enterprise(USER_B, "tz-east", "ent-b"), "ent-b")), new PasswordHasher());
        DashboardConfig config = new DashboardConfig(parksDir, Duration.ofSeconds(2), null, InfluxConfig.of(influx.url(), DB),
                "127.0.0.1", 0, Duration.ofSeconds(30), 40_000_000L, 1_000, dir.resolve("users.yaml"),
                UsersFileWriter.generatePassword() + UsersFileWriter.generatePassword(), LoginTokens.DEFAULT_LIFETIME,
                new LiveSettings(broker.url(), "dashboard-live-page-test", null, null), Duration.ofSeconds(1));
        dashboard = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, Clock.systemUTC());
        dashboard.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        site = "http://127.0.0.1:" + verticle.port();
        api = site + "/api/v1";
        operatorToken = login(OPERATOR);

        for (String park : PARKS.keySet()) {
            GatewaysOnBroker g = new GatewaysOnBroker(broker.url(), park, List.of("gw-1", "gw-2"));
            gateways.add(g);
            g.publish("gw-2", new TelemetryMessage(1, List.of(
                    new Reading("E-B-MAIN", staleAt, List.of(Value.of(Quantity.POWER_KW, 300))),
                    new Reading("M-B-01", staleAt, List.of(Value.of(EquipmentState.RUNNING), Value.of(Quantity.POWER_KW, 20))))));
            g.publish("gw-1", new TelemetryMessage(1, List.of(
                    new Reading("E-A-MAIN", System.currentTimeMillis(), List.of(Value.of(Quantity.POWER_KW, KW_A))))));
        }
        for (String park : PARKS.keySet()) {
            Await.until(Duration.ofSeconds(40), () -> {
                JsonObject panel = snapshot(park);
                return Double.valueOf(KW_A).equals(panel.getDouble("total_power_kw"))
                        && panel.getJsonArray("stale_meters").contains("E-B-MAIN");
            }, () -> "the live panel of " + park + " never got the readings: " + snapshot(park).encode());
        }
        Await.until(Duration.ofSeconds(30), () -> get("/parks/tz-east/alarms?state=active", operatorToken).contains("a-over-100"),
                () -> "A's power alarm: " + get("/parks/tz-east/alarms", operatorToken));
        browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("downloads")), ZoneId.of("UTC"));
        ui = new DashboardUi(browser, site);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (GatewaysOnBroker g : gateways) {
            g.disconnect();
        }
        if (dashboard != null) {
            dashboard.close().await(20, TimeUnit.SECONDS);
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    // ---- time zones --------------------------------------------------------------------------------------------

    @Test
    void todayYesterdayAndTheLastCompleteMonthAreTheParksInABrowserOnUtcAndOnNewYorkTime() throws Exception {
        checkDaysIn(browser, ZoneId.of("UTC"));
        ChromeDriver newYork = HeadlessChromium.start(Files.createDirectories(dir.resolve("downloads-ny")), ZoneId.of("America/New_York"));
        try {
            checkDaysIn(newYork, ZoneId.of("America/New_York"));
        } finally {
            newYork.quit();
        }
    }

    /** On the park whose calendar day differs from the browser's now: the live chart and the month picker are the park's. */
    void checkDaysIn(ChromeDriver driver, ZoneId browserZone) throws Exception {
        DashboardUi page = new DashboardUi(driver, site);
        String browserDay = (String) page.script("return new Date().toDateString()");
        LocalDate browserToday = LocalDate.now(browserZone);
        assertThat(browserDay).as("the browser runs on %s", browserZone)
                .contains(String.valueOf(browserToday.getDayOfMonth()));
        // Kiritimati and UTC−12 are 26 hours apart: always on different days, so one is not on the browser's
        String park = LocalDate.now(EAST).equals(browserToday) ? "tz-west" : "tz-east";
        ZoneId zone = PARKS.get(park);
        LocalDate parkToday = LocalDate.now(zone);
        assertThat(parkToday).as("the park's day, not the browser's").isNotEqualTo(browserToday);
        long midnight = parkToday.atStartOfDay(zone).toInstant().toEpochMilli();

        page.logIn(OPERATOR, passwords.get(OPERATOR));
        choosePark(page, park);
        page.until(d -> !page.find("load-panel").getAttribute("data-today-first").isEmpty(), "today's curve on " + park);
        var panel = page.find("load-panel");
        assertThat(panel.getAttribute("data-day")).as("today on %s in a browser on %s", park, browserZone)
                .isEqualTo(parkToday.toString());
        assertThat(Long.parseLong(panel.getAttribute("data-today-first"))).as("today's curve starts at the park's midnight")
                .isEqualTo(midnight);
        assertThat(Long.parseLong(panel.getAttribute("data-axis-min"))).isEqualTo(midnight);
        assertThat(Long.parseLong(panel.getAttribute("data-axis-max")))
                .isEqualTo(parkToday.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        assertThat(panel.getAttribute("data-labels")).as("the axis in park time")
                .isEqualTo("00:00,03:00,06:00,09:00,12:00,15:00,18:00,21:00,00:00");
        assertThat(page.find("load-zone").getText()).contains(parkToday.toString()).contains(zone.getId());
        assertThat(page.find("park-zone").getAttribute("data-zone")).isEqualTo(zone.getId());
        // a time on the page: B's machine has been silent since two hours ago, park time
        String since = staleSince(zone);
        page.until(d -> page.find("equipment-M-B-01").getText().contains(since),
                "B's machine silent since " + since + " park time: " + page.find("equipment-M-B-01").getText());
        settle(1_200);
        screenshots.take(driver, "live-" + park + "-in-" + browserZone.getId().replace('/', '-'));

        page.open("/reports");
        page.until(d -> page.present("report-month"), "the report page");
        assertThat(page.find("report-month").getAttribute("value")).as("the park's last complete month")
                .isEqualTo(YearMonth.now(zone).minusMonths(1).toString());
        page.logOut();
    }

    // ---- staleness ---------------------------------------------------------------------------------------------

    /**
     * When the stale figures went quiet, as the page says it in the park's zone: the time alone on the park's today,
     * with the date before it when that was another local day (and the year when another year) (a UTC+14 park has passed midnight while the test runs).
     */
    String staleSince(ZoneId zone) {
        var at = Instant.ofEpochMilli(staleAt).atZone(zone);
        LocalDate today = LocalDate.now(zone);
        String pattern = at.toLocalDate().equals(today) ? "HH:mm" : at.getYear() == today.getYear() ? "MM-dd HH:mm" : "yyyy-MM-dd HH:mm";
        return DateTimeFormatter.ofPattern(pattern).format(at);
    }

    @Test
    void theOperatorSeesEachFigureWithItsAgeAndOldOnesAsStaleSinceWhen() throws Exception {
        ui.logIn(OPERATOR, passwords.get(OPERATOR));
        choosePark(ui, "tz-east");
        ui.until(d -> "512.5 kW".equals(ui.find("total-power").getText()), "the park total");
        String since = staleSince(EAST);

        assertThat(ui.find("total-power-age").getText()).matches("\\d+ (秒|分钟)前");
        var a = ui.find("power-ent-a");
        assertThat(a.getAttribute("data-stale")).isEqualTo("false");
        assertThat(a.getText()).startsWith("512.5 kW").matches("(?s).*\\d+ (秒|分钟)前");
        var b = ui.find("power-ent-b");
        assertThat(b.getAttribute("data-stale")).as("B's two-hour-old load is not its load now").isEqualTo("true");
        assertThat(b.getText()).doesNotContain("300").contains("无数据，自 " + since + " 起");
        assertThat(ui.find("stale-total").getText()).contains("1 块表数据过期");

        var machineB = ui.find("equipment-M-B-01");
        assertThat(machineB.getAttribute("data-stale")).isEqualTo("true");
        assertThat(machineB.getText()).doesNotContain("运行").contains("无数据，自 " + since + " 起");
        var machineA = ui.find("equipment-M-A-01");
        assertThat(machineA.getAttribute("data-stale")).isEqualTo("true");
        assertThat(machineA.getText()).contains("尚无数据");

        assertThat(ui.find("gateway-gw-1").getAttribute("data-stale")).isEqualTo("false");
        assertThat(ui.find("gateway-gw-1").getText()).contains("一号配电房网关").containsPattern("最后读数 \\d+ (秒|分钟)前");
        assertThat(ui.find("gateway-gw-2").getAttribute("data-stale")).as("online, but nothing for two hours").isEqualTo("true");
        assertThat(ui.find("gateway-gw-2").getText()).contains("无数据，自 " + since + " 起");

        // the alarm names the enterprise, not its id, and says when on the park's clock
        ui.until(d -> ui.find("alarm-list").getText().contains(NAME_A), "A's alarm by its name");
        settle(1_200);
        screenshots.take(browser, "live-stale-operator");
        ui.logOut();
    }

    // ---- the enterprise's own live page ------------------------------------------------------------------------

    @Test
    void anEnterpriseSeesItsOwnLiveLoadMetersAndAlarmsAndNothingOfTheOther() throws Exception {
        ui.logIn(USER_A, passwords.get(USER_A));
        ui.until(d -> d.getCurrentUrl().endsWith("#/home"), "the enterprise landing on its own page");
        assertThat(ui.find("user-name").getText()).as("its registered name, not its id").isEqualTo(NAME_A);
        ui.find("nav-live").click();
        ui.until(d -> "enterprise".equals(ui.find("live-page").getAttribute("data-scope")), "its own live page");
        ui.until(d -> String.valueOf(KW_A).equals(ui.find("own-power").getAttribute("data-kw")), "its own load");
        assertThat(ui.find("own-power").getText()).isEqualTo("512.5 kW");
        assertThat(ui.find("own-power-age").getText()).matches("\\d+ (秒|分钟)前");
        assertThat(ui.find("meter-E-A-MAIN").getAttribute("data-stale")).isEqualTo("false");
        assertThat(ui.find("meter-value-E-A-MAIN").getText()).isEqualTo("512.5 kW");
        ui.until(d -> !ui.find("load-panel").getAttribute("data-today-first").isEmpty(), "its own load curve");
        ui.until(d -> ui.find("alarm-list").getText().contains(NAME_A), "its own alarm");
        assertThat(ui.present("forbidden")).isFalse();
        assertThat(ui.present("alarm-ack-a-over-100") || browser.getPageSource().contains("alarm-ack-"))
                .as("acknowledging is the operator's").isFalse();
        settle(1_200);
        screenshots.take(browser, "live-enterprise");
        assertThat(browser.getPageSource()).as("nothing of the other enterprise, no park total")
                .doesNotContain("ent-b", NAME_B, "E-B-MAIN", "乙方", "gw-2", "二号配电房网关", "total-power");

        // B's only meter is two hours old: its load is stale, said since when, not shown as now
        ui.logIn(USER_B, passwords.get(USER_B));
        ui.open("/live");
        String since = staleSince(EAST);
        ui.until(d -> ui.present("meter-E-B-MAIN"), "B's meters");
        assertThat(ui.find("own-power").getText()).isEqualTo("—");
        assertThat(ui.find("own-power-age").getText()).isEqualTo("无数据，自 " + since + " 起");
        assertThat(ui.find("meter-E-B-MAIN").getAttribute("data-stale")).isEqualTo("true");
        assertThat(ui.find("meter-value-E-B-MAIN").getText()).isEqualTo("无数据，自 " + since + " 起");
        assertThat(browser.getPageSource()).doesNotContain("ent-a\"", NAME_A, "E-A-MAIN", "512.5");
        ui.logOut();
    }

    /** Picks the park in the top bar's chooser and opens its live page. */
    static void choosePark(DashboardUi page, String park) {
        page.until(d -> page.present("park-select"), "the park chooser");
        new Select(page.find("park-select")).selectByValue(park);
        page.open("/live");
        page.until(d -> page.present("load-panel") && park.equals(new Select(page.find("park-select")).getFirstSelectedOption()
                .getAttribute("value")), "the live page of " + park);
    }

    // ---- the API -------------------------------------------------------------------------------------------------

    static String login(String username) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", passwords.get(username)).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of %s: %s", username, r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    static String get(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    static JsonObject snapshot(String park) {
        return new JsonObject(get("/parks/" + park + "/live/snapshot", operatorToken));
    }
}
