package io.parkpulse.dashboard.browser;

import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.ENTERPRISE_USER;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OPERATOR;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OTHER;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.OWN;
import static io.parkpulse.dashboard.browser.DashboardBrowserIntegrationTest.PARK;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.browser.LanguageRule.Language;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.park.Park;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page and every monthly report in Chinese holds no English word, and in English no Chinese character, outside
 * ids, names and units ({@link LanguageRule}). The platform is the one {@link DashboardBrowserIntegrationTest} sets up
 * (real Mosquitto, InfluxDB, ingest, API and headless Chromium over the generated demo park with last month's and the
 * year-earlier month's readings and output reports), so the pages show real reasons, alarms, classes and units.
 */
@RealServicesTest
class LanguagePurityBrowserIntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[\\d.eE]+");

    @TempDir
    static Path dir;
    static LanguageRule rule;

    /**
     * A live rule the park file's copy adds, so that the live page's alarm list has an alarm to check (the cement works
     * draws 10–20 MW, the limit is 1 MW, the hold a few seconds): an alarm's words come from the API and the UI both.
     */
    static final String RAISED_ALARM = "    - {id: cement-load-test, kind: power_above, enterprise: " + OWN
            + ", limit_kw: 1000, for: PT2S, severity: warning}\n";

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        DashboardBrowserIntegrationTest.dir = dir;
        DashboardBrowserIntegrationTest.start(broker, influx, new DashboardBrowserIntegrationTest.Platform(false, RAISED_ALARM));
        rule = new LanguageRule(namesAndIds(DashboardBrowserIntegrationTest.park));
    }

    @AfterAll
    static void stop() throws Exception {
        DashboardBrowserIntegrationTest.stop();
    }

    /** What either language may show as it is: ids and codes of the park file, the names in it, the users' names. */
    static Set<String> namesAndIds(Park park) {
        Set<String> allowed = new HashSet<>(List.of(park.id(), park.name(), park.timeZone().getId(), park.policy().version(),
                park.policy().coefficients().version(), OPERATOR, ENTERPRISE_USER, "园区控制室", "新源水泥 能源科"));
        park.enterprises().values().forEach(e -> allowed.addAll(List.of(e.id().value(), e.name(), e.industry().code())));
        park.gateways().values().forEach(g -> allowed.addAll(List.of(g.id().value(), String.valueOf(g.name()))));
        park.meters().values().forEach(m -> allowed.addAll(List.of(m.id().value(), String.valueOf(m.name()))));
        park.policy().alarms().forEach(a -> allowed.add(a.id()));
        // the carbon basis names its publications as they are published, and the plan as the park file writes it
        GridFactorTable.published().factors().forEach(f -> allowed.addAll(List.of(f.source(), f.published())));
        if (park.policy().carbon().targets() != null) {
            allowed.add(park.policy().carbon().targets().plan());
        }
        for (Map.Entry<String, LimitStandard> limit : park.policy().productLimits().entrySet()) {
            allowed.addAll(List.of(limit.getKey(), limit.getValue().id(), limit.getValue().standard()));
        }
        // what the enterprises report in words: product names and their units
        String[] lines = DashboardBrowserIntegrationTest.outputReports(DashboardBrowserIntegrationTest.lastMonth).split("\n");
        for (String line : List.of(lines).subList(1, lines.length)) { // the header's field names are no names
            for (String field : line.split(",")) {
                if (!field.isBlank() && !NUMBER.matcher(field.trim()).matches()) {
                    allowed.add(field.trim());
                }
            }
        }
        return allowed;
    }

    @Test
    void every_page_is_in_the_chosen_language_only() throws Exception {
        DashboardUi ui = DashboardBrowserIntegrationTest.ui;
        Map<String, List<String>> strays = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            String lang = language.name().toLowerCase(Locale.ROOT);
            ui.logOut();
            ui.open("/login");
            ui.await("login-form");
            ui.script("localStorage.setItem('parkpulse.lang', arguments[0])", lang);
            ui.browser.navigate().refresh();
            ui.await("login-form");
            check(strays, language, "login");

            ui.logIn(OPERATOR, DashboardBrowserIntegrationTest.passwords.get(OPERATOR));
            ui.open("/live");
            ui.await("live-page");
            ui.until(d -> ui.present("alarm-list") && !d.findElements(org.openqa.selenium.By.cssSelector(
                    "[data-testid=\"alarm-list\"] [data-testid^=\"alarm-\"][data-state]")).isEmpty(), "a raised alarm on the live page");
            visit(ui, strays, language, "/live", "live-page");
            visit(ui, strays, language, "/live?screen=big", "live-page");
            visit(ui, strays, language, "/ranking", "ranking-page");
            visit(ui, strays, language, "/enterprise/" + OWN, "enterprise-page");
            visit(ui, strays, language, "/enterprise/" + OTHER, "enterprise-page");
            // the carbon pages on a park with two months of data: their verdicts say in words what is missing
            visit(ui, strays, language, "/targets", "targets-page");
            visit(ui, strays, language, "/carbon/" + OTHER, "carbon-page");
            visit(ui, strays, language, "/what-if", "what-if-page");
            ui.until(d -> ui.find("what-if-submit").isEnabled(), "the draft policy to load");
            // a draft that puts most enterprises out of scope: the changes say why, in the page's language
            ui.script("""
                    const draft = document.querySelector('[data-testid="what-if-draft"]');
                    const value = draft.value.replace(/min_land_mu: *[0-9.]+/, 'min_land_mu: 150');
                    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(draft, value);
                    draft.dispatchEvent(new Event('input', {bubbles: true}));""");
            ui.find("what-if-submit").click();
            ui.await("what-if-changes");
            DashboardUi.settle(1500);
            check(strays, language, "/what-if evaluated");
            assertThat(String.valueOf(ui.script("return document.querySelector('[data-testid=\"what-if-changes\"]').innerText")))
                    .as("a reason for the draft's out-of-scope enterprises")
                    .contains(language == Language.ZH ? "低于 150.0 亩的参评门槛" : "below the 150.0 mu threshold");
            visit(ui, strays, language, "/reports", "report-month");

            ui.logIn(ENTERPRISE_USER, DashboardBrowserIntegrationTest.passwords.get(ENTERPRISE_USER));
            visit(ui, strays, language, "/home", "enterprise-home");
            visit(ui, strays, language, "/carbon", "carbon-page");
            visit(ui, strays, language, "/live", "live-page");
            visit(ui, strays, language, "/reports", "report-month");
        }
        assertThat(strays).as("words of the other language, by language and page").isEmpty();
    }

    @Test
    void every_monthly_report_is_in_its_language_only() throws Exception {
        Map<String, List<String>> strays = new LinkedHashMap<>();
        String month = DashboardBrowserIntegrationTest.lastMonth.toString();
        for (String user : List.of(OPERATOR, ENTERPRISE_USER)) {
            String token = DashboardBrowserIntegrationTest.login(user);
            for (Language language : Language.values()) {
                String lang = language.name().toLowerCase(Locale.ROOT);
                for (String format : List.of("csv", "xlsx")) {
                    HttpResponse<byte[]> r = DashboardBrowserIntegrationTest.http.send(HttpRequest.newBuilder(URI.create(
                                    DashboardBrowserIntegrationTest.api + "/parks/" + PARK + "/reports/monthly?month=" + month
                                            + "&format=" + format + "&lang=" + lang))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(r.statusCode()).as("%s report %s %s", user, lang, format).isEqualTo(200);
                    String text = format.equals("csv") ? new String(r.body(), StandardCharsets.UTF_8) : cells(r.body());
                    List<String> found = rule.strays(text, language);
                    if (!found.isEmpty()) {
                        strays.put(user + " " + lang + " " + format, found);
                    }
                }
            }
        }
        assertThat(strays).as("words of the other language, by report").isEmpty();
    }

    /** Every cell and sheet name of a workbook, one per line. */
    static String cells(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private void visit(DashboardUi ui, Map<String, List<String>> strays, Language language, String route, String ready) {
        long started = System.nanoTime();
        ui.open(route);
        ui.await(ready);
        // the page's data and charts arrive after the frame
        try {
            ui.until(d -> !String.valueOf(ui.script("return document.body.innerText")).contains(loading(language)),
                    "the page " + route + " to finish loading");
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // a panel without data keeps saying so: its words are checked as they are
        }
        DashboardUi.settle(1500);
        check(strays, language, route);
        System.out.printf("language test: %s %s checked in %d ms%n", language, route, DashboardBrowserIntegrationTest.msSince(started));
    }

    private static String loading(Language language) {
        return language == Language.ZH ? "加载中" : "Loading…";
    }

    /** What a person reads on the page: its text, titles, labels (charts'), placeholders, the window's title. */
    private void check(Map<String, List<String>> strays, Language language, String page) {
        List<String> found = new ArrayList<>(rule.strays(visibleText(DashboardBrowserIntegrationTest.ui), language));
        if (!found.isEmpty()) {
            strays.put(language + " " + page, found);
        }
    }

    /** The text of the page as a person reads it (each text node on its own line), with titles, labels, placeholders. */
    static String visibleText(DashboardUi ui) {
        return String.valueOf(ui.script("""
                const parts = [document.title];
                // each rendered text node on its own line, so neighbouring elements' words do not run together
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const parent = node.parentElement;
                  if (!parent || parent.closest('textarea, script, style') || !parent.checkVisibility()) continue;
                  if (node.textContent.trim()) parts.push(node.textContent.trim());
                }
                document.querySelectorAll('[title], [aria-label], [placeholder]').forEach((e) => {
                  if (e.closest('textarea')) return;
                  ['title', 'aria-label', 'placeholder'].forEach((a) => { if (e.getAttribute(a)) parts.push(e.getAttribute(a)); });
                });
                return parts.join('\\n');"""));
    }
}
