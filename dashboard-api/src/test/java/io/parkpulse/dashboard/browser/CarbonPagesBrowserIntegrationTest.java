package io.parkpulse.dashboard.browser;

import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.ENTERPRISE_USER;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OPERATOR;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OTHER;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OWN;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.PARK;
import static io.parkpulse.dashboard.browser.DashboardUi.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.Platform;
import io.parkpulse.dashboard.browser.LanguageRule.Language;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The targets page and the enterprises' carbon pages in a real browser, in Chinese and in English, against the whole
 * platform of {@link DashboardBrowserIntegrationTest} holding the year of last month and the year before it (the
 * history the demo sends: a reading a day until last month, 15-minute readings from then on, and every month's output
 * reports) of the generated demo park, whose policy budgets 新源水泥 5 % under its 2025 use while it grows
 * (docs/demo-park.md). What a person sees is held against the API's answer: the bars' shares, the forecast band's
 * numbers, the verdicts, the basis line with its earlier-year notice, the contributors' order and the peer position;
 * an enterprise reaches no other enterprise's carbon page; no word of the other language on any of them.
 */
@RealServicesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarbonPagesBrowserIntegrationTest {

    /** The enterprise the demo park's policy budgets under its 2025 use (DemoCarbonPolicy in the simulators). */
    static final String OVER_BUDGET = OWN;
    static final List<String> QUANTITIES = List.of("energy", "co2");

    @TempDir
    static Path dir;
    static LanguageRule rule;
    static int year;
    static JsonObject targets;

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        DashboardBrowserIntegrationTest.dir = dir;
        DashboardBrowserIntegrationTest.start(broker, influx, new Platform(true, ""));
        rule = new LanguageRule(LanguagePurityBrowserIntegrationTest.namesAndIds(DashboardBrowserIntegrationTest.park));
        year = DashboardBrowserIntegrationTest.lastMonth.getYear();
        long asked = System.nanoTime();
        // the first question computes every day of the two years from the readings and stores them
        targets = json(get("/parks/" + PARK + "/targets?year=" + year, DashboardBrowserIntegrationTest.operatorToken));
        System.out.printf("carbon browser test: the targets of %d answered %d ms after the first question%n", year,
                DashboardBrowserIntegrationTest.msSince(asked));
    }

    @AfterAll
    static void stop() throws Exception {
        DashboardBrowserIntegrationTest.stop();
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return DashboardBrowserIntegrationTest.http.send(HttpRequest.newBuilder(URI.create(DashboardBrowserIntegrationTest.api + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(4)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    @Test
    @Order(1)
    void the_answer_has_the_demo_parks_budgets_and_an_enterprise_forecast_over_its_budget() {
        assertThat(targets.getString("through")).isEqualTo(DashboardBrowserIntegrationTest.lastMonth.toString());
        JsonObject progress = targets.getJsonObject("park_progress");
        for (String q : QUANTITIES) {
            JsonObject block = progress.getJsonObject(q);
            assertThat(block.getDouble("budget")).as("the park's %s budget", q).isPositive();
            assertThat(block.getJsonObject("forecast").getDouble("value")).as("the park's %s forecast: %s", q, block).isPositive();
            assertThat(block.getString("verdict")).as("%s: %s", q, block).isNotEqualTo("unknown");
        }
        JsonObject over = enterprise(targets, OVER_BUDGET);
        for (String q : QUANTITIES) {
            JsonObject block = over.getJsonObject(q);
            System.out.printf("carbon browser test: %s %s year to date %.0f, forecast %.0f (%.0f – %.0f, %s), budget %.0f: %s%n",
                    OVER_BUDGET, q, block.getDouble("ytd"), block.getJsonObject("forecast").getDouble("value"),
                    block.getJsonObject("forecast").getDouble("low"), block.getJsonObject("forecast").getDouble("high"),
                    block.getJsonObject("forecast").getString("method"), block.getDouble("budget"), block.getString("verdict"));
            assertThat(block.getJsonObject("forecast").getDouble("value")).as("%s forecast against its budget", q)
                    .isGreaterThan(block.getDouble("budget"));
            assertThat(block.getString("verdict")).isIn("at_risk", "off_track");
        }
    }

    @Test
    @Order(2)
    void the_targets_page_shows_the_apis_progress_forecast_verdicts_basis_and_contributors_in_zh_and_en() {
        DashboardUi ui = DashboardBrowserIntegrationTest.ui;
        Map<String, List<String>> strays = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            useLanguage(ui, language);
            ui.logIn(OPERATOR, DashboardBrowserIntegrationTest.passwords.get(OPERATOR));
            ui.open("/targets");
            chooseYear(ui, "targets-page");
            ui.await("progress-co2");
            ui.until(d -> ui.present("contributors-panel") && ui.present("targets-enterprises"), "the targets page's tables");
            settle(1_500);

            JsonObject progress = targets.getJsonObject("park_progress");
            for (String q : QUANTITIES) {
                JsonObject block = progress.getJsonObject(q);
                assertThat(ui.find("verdict-" + q).getAttribute("data-verdict")).as("%s verdict", q).isEqualTo(block.getString("verdict"));
                bar(ui, "progress-bar-" + q + "-budget", block.getDouble("ytd"), block.getDouble("budget"));
                bar(ui, "progress-bar-" + q + "-profile", block.getDouble("ytd"), block.getDouble("budget_ytd"));
                band(ui, q, block);
                assertThat(ui.find("ytd-" + q).getText()).contains(grouped(block.getDouble("ytd")));
            }
            // the enterprise over its budget, as the enterprises table says it
            for (String q : QUANTITIES) {
                String verdict = ui.find("verdict-" + q + "-" + OVER_BUDGET).getAttribute("data-verdict");
                assertThat(verdict).isEqualTo(enterprise(targets, OVER_BUDGET).getJsonObject(q).getString("verdict")).isIn("at_risk", "off_track");
            }
            assertThat(ui.find("targets-row-" + OVER_BUDGET).getAttribute("data-two-high")).as("cement is two-high").isEqualTo("true");

            basis(ui, targets.getJsonObject("basis"), language);
            contributors(ui, targets.getJsonObject("contributors"));
            if (language == Language.ZH) {
                DashboardBrowserIntegrationTest.screenshots.take(DashboardBrowserIntegrationTest.browser, "targets");
            }
            check(ui, strays, language, "targets");
        }
        assertThat(strays).as("words of the other language, by language and page").isEmpty();
    }

    @Test
    @Order(3)
    void an_enterprise_sees_its_own_carbon_page_with_its_budget_forecast_and_peer_position_and_no_other() throws Exception {
        DashboardUi ui = DashboardBrowserIntegrationTest.ui;
        String token = DashboardBrowserIntegrationTest.login(ENTERPRISE_USER);
        JsonObject own = json(get("/parks/" + PARK + "/enterprises/" + OWN + "/carbon?year=" + year, token));
        assertThat(get("/parks/" + PARK + "/enterprises/" + OTHER + "/carbon?year=" + year, token).statusCode())
                .as("another enterprise's carbon year").isEqualTo(403);
        assertThat(get("/parks/" + PARK + "/targets?year=" + year, token).statusCode()).as("the park's targets").isEqualTo(403);
        Map<String, List<String>> strays = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            useLanguage(ui, language);
            ui.logIn(ENTERPRISE_USER, DashboardBrowserIntegrationTest.passwords.get(ENTERPRISE_USER));
            ui.find("nav-carbon").click();
            WebElement page = chooseYear(ui, "carbon-page");
            assertThat(page.getAttribute("data-enterprise")).isEqualTo(OWN);
            carbonPage(ui, own);
            if (language == Language.ZH) {
                DashboardBrowserIntegrationTest.screenshots.take(DashboardBrowserIntegrationTest.browser, "carbon");
            }
            check(ui, strays, language, "carbon (enterprise)");
            assertThat(DashboardBrowserIntegrationTest.browser.getPageSource()).as("its carbon page names no other enterprise")
                    .doesNotContain(DashboardBrowserIntegrationTest.othersOf(OWN).toArray(String[]::new));

            ui.open("/carbon/" + OTHER);
            ui.await("forbidden");
            settle(300);
            assertThat(ui.present("carbon-page")).isFalse();
            assertThat(DashboardBrowserIntegrationTest.browser.getPageSource()).as("/carbon/%s names no other enterprise", OTHER)
                    .doesNotContain(DashboardBrowserIntegrationTest.othersOf(OWN).toArray(String[]::new));
            ui.open("/targets");
            ui.await("forbidden");
        }
        // the API refuses on its own, whatever the page's script asks
        String fetch = "const token = JSON.parse(sessionStorage.getItem('parkpulse.session')).token;"
                + "const r = await fetch(args[0], {headers: {Authorization: 'Bearer ' + token}});"
                + "return r.status + ' ' + await r.text();";
        // (the refusal repeats the id asked for, and no more of that enterprise)
        assertThat((String) ui.async(fetch, "/api/v1/parks/" + PARK + "/enterprises/" + OTHER + "/carbon?year=" + year))
                .startsWith("403 ").doesNotContain(otherNames().toArray(String[]::new));
        assertThat(strays).as("words of the other language, by language and page").isEmpty();
    }

    @Test
    @Order(4)
    void an_operator_opens_any_enterprises_carbon_page_by_its_route() throws Exception {
        DashboardUi ui = DashboardBrowserIntegrationTest.ui;
        JsonObject other = json(get("/parks/" + PARK + "/enterprises/" + OTHER + "/carbon?year=" + year,
                DashboardBrowserIntegrationTest.operatorToken));
        Map<String, List<String>> strays = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            useLanguage(ui, language);
            ui.logIn(OPERATOR, DashboardBrowserIntegrationTest.passwords.get(OPERATOR));
            ui.open("/carbon/" + OTHER);
            WebElement page = chooseYear(ui, "carbon-page");
            assertThat(page.getAttribute("data-enterprise")).isEqualTo(OTHER);
            carbonPage(ui, other);
            check(ui, strays, language, "carbon/" + OTHER);
        }
        assertThat(strays).as("words of the other language, by language and page").isEmpty();
    }

    // ---- what the pages show, against the API ----------------------------------------------------------------------

    /** The carbon page's verdict, bars, forecast band and peer position against the enterprise's carbon answer. */
    private static void carbonPage(DashboardUi ui, JsonObject answer) {
        ui.await("carbon-budget-forecast");
        ui.until(d -> !ui.find("carbon-peers").getAttribute("data-count").isEmpty(), "the peer position");
        settle(1_000);
        JsonObject co2 = answer.getJsonObject("co2");
        assertThat(ui.find("carbon-verdict").getAttribute("data-verdict")).isEqualTo(co2.getString("verdict"));
        for (String q : QUANTITIES) {
            JsonObject block = answer.getJsonObject(q);
            assertThat(ui.find("verdict-" + q).getAttribute("data-verdict")).isEqualTo(block.getString("verdict"));
            if (block.getValue("budget") instanceof Number) {
                bar(ui, "progress-bar-" + q + "-budget", block.getDouble("ytd"), block.getDouble("budget"));
            } else {
                assertThat(ui.present("no-budget-" + q)).as("%s without a budget says so", q).isTrue();
            }
            band(ui, q, block);
        }
        JsonObject intensity = answer.getJsonObject("intensity").getJsonObject("co2_per_value_added");
        WebElement peers = ui.find("carbon-peers");
        assertThat(peers.getAttribute("data-rank")).isEqualTo(String.valueOf(intensity.getJsonObject("standing").getInteger("rank")));
        assertThat(peers.getAttribute("data-count")).isEqualTo(String.valueOf(intensity.getJsonObject("peers").getInteger("count")));
        assertThat(Integer.parseInt(peers.getAttribute("data-count"))).as("peers of the same industry").isGreaterThanOrEqualTo(3);
        assertThat(ui.find("carbon-peer-rank").getText()).contains(peers.getAttribute("data-rank"), peers.getAttribute("data-count"));
        basis(ui, answer.getJsonObject("basis"), null);
    }

    /** A progress bar's share and width: year to date ÷ the whole it is held against. */
    private static void bar(DashboardUi ui, String id, double value, double whole) {
        WebElement bar = ui.find(id);
        double ratio = value / whole;
        assertThat(Double.parseDouble(bar.getAttribute("data-ratio"))).as("%s's ratio", id).isCloseTo(ratio, within(1e-9));
        assertThat(Double.parseDouble(bar.getAttribute("data-percent"))).as("%s's width", id)
                .isCloseTo(Math.min(100, ratio * 100), within(1e-9));
        assertThat(bar.getAttribute("data-over")).isEqualTo(String.valueOf(value > whole));
    }

    /** The forecast band: its value, low and high as data and in words. */
    private static void band(DashboardUi ui, String q, JsonObject block) {
        JsonObject forecast = block.getJsonObject("forecast");
        WebElement band = ui.find("forecast-band-" + q);
        String text = ui.find("forecast-band-" + q + "-text").getText();
        for (String end : List.of("value", "low", "high")) {
            assertThat(Double.parseDouble(band.getAttribute("data-" + end))).as("%s forecast %s", q, end)
                    .isCloseTo(forecast.getDouble(end), within(1e-6));
            assertThat(text).as("%s forecast in words", q).contains(grouped(forecast.getDouble(end)));
        }
        assertThat(forecast.getDouble("low")).isLessThanOrEqualTo(forecast.getDouble("value"));
        assertThat(forecast.getDouble("high")).isGreaterThanOrEqualTo(forecast.getDouble("value"));
        assertThat(ui.find("forecast-band-" + q + "-method").getText()).isNotBlank();
    }

    /** The basis line: the factor's value and year used, and the notice that it is from an earlier year. */
    private static void basis(DashboardUi ui, JsonObject basis, Language language) {
        JsonObject grid = basis.getJsonObject("grid_factor");
        WebElement line = ui.find("basis-line");
        assertThat(line.getAttribute("data-year-used")).isEqualTo(String.valueOf(grid.getInteger("year_used")));
        assertThat(line.getText()).contains(String.format(Locale.ROOT, "%.4f", grid.getDouble("kg_co2_per_kwh")));
        assertThat(grid.getInteger("year_used")).as("no factor is published for %d yet", year).isLessThan(year);
        assertThat(line.getAttribute("data-earlier-year")).isEqualTo("true");
        WebElement notice = ui.find("basis-earlier-year");
        assertThat(notice.getAttribute("data-year")).isEqualTo(String.valueOf(year));
        assertThat(notice.getText()).contains(String.valueOf(year), String.valueOf(grid.getInteger("year_used")));
        if (language != null) {
            assertThat(notice.getText()).contains(language == Language.ZH ? "尚未发布" : "no factor published");
        }
    }

    /** The contributors table: the API's contributors of the quantity shown, largest share first. */
    private static void contributors(DashboardUi ui, JsonObject contributors) {
        WebElement table = ui.find("contributors-table");
        String quantity = table.getAttribute("data-quantity");
        List<JsonObject> expected = new ArrayList<>(contributors.getJsonArray(quantity).stream().map(JsonObject.class::cast).toList());
        expected.sort(Comparator.comparingDouble((JsonObject c) -> c.getDouble("share")).reversed());
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).as("contributors to the %s gap", quantity).hasSize(expected.size()).isNotEmpty();
        List<Double> shares = rows.stream().map(r -> Double.parseDouble(r.getAttribute("data-share"))).toList();
        assertThat(shares).as("largest share first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rows.stream().map(r -> r.getAttribute("data-testid")).toList())
                .containsExactlyElementsOf(expected.stream().map(c -> "contributor-" + c.getString("enterprise")).toList());
        double sum = expected.stream().mapToDouble(c -> c.getDouble("share")).sum();
        assertThat(sum).as("the shares of the park's gap add up").isCloseTo(1.0, within(1e-6));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** The registered names of every enterprise but {@link DashboardBrowserIntegrationTest#OWN}. */
    static List<String> otherNames() {
        return DashboardBrowserIntegrationTest.park.enterprises().values().stream().filter(e -> !e.id().value().equals(OWN))
                .map(e -> e.name()).toList();
    }

    static JsonObject enterprise(JsonObject answer, String id) {
        JsonArray enterprises = answer.getJsonArray("enterprises");
        return enterprises.stream().map(JsonObject.class::cast).filter(e -> id.equals(e.getString("enterprise"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among the targets' enterprises"));
    }

    /** How the UI groups a big figure (format.js: no decimals from 1 000 on; zh-CN and en group the same way). */
    static String grouped(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** The page's language, chosen as a person does before logging in (kept in localStorage). */
    private static void useLanguage(DashboardUi ui, Language language) {
        ui.logOut();
        ui.open("/login");
        ui.await("login-form");
        ui.script("localStorage.setItem('parkpulse.lang', arguments[0])", language.name().toLowerCase(Locale.ROOT));
        DashboardBrowserIntegrationTest.browser.navigate().refresh();
        ui.await("login-form");
    }

    /** The page of last month's year (the current year but in January), once its data arrived. */
    private static WebElement chooseYear(DashboardUi ui, String page) {
        WebElement shown = ui.await(page);
        if (!String.valueOf(year).equals(shown.getAttribute("data-year"))) {
            new org.openqa.selenium.support.ui.Select(ui.await("year-select")).selectByValue(String.valueOf(year));
        }
        ui.until(d -> String.valueOf(year).equals(ui.find(page).getAttribute("data-year")) && ui.present("basis-line"),
                page + " of " + year + " with its data");
        return ui.find(page);
    }

    private static void check(DashboardUi ui, Map<String, List<String>> strays, Language language, String page) {
        List<String> found = rule.strays(LanguagePurityBrowserIntegrationTest.visibleText(ui), language);
        if (!found.isEmpty()) {
            strays.put(language + " " + page, found);
        }
    }
}
