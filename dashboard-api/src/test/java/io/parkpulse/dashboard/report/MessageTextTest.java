package io.parkpulse.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.benchmark.LimitStandards;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The translation tables (resources/i18n/*.json) say every message code the engine and the API make, in both
 * languages with the same placeholders, and the report says them from there.
 */
class MessageTextTest {

    static final List<String> FAMILIES = List.of("data-state.json", "reasons.json", "alarms.json", "limit-standards.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern MADE_CODE = Pattern.compile("new (?:DataState\\.)?Reason\\(\"(\\w+)\"");

    @Test
    void every_family_says_every_key_in_both_languages_with_the_same_placeholders() {
        for (String family : FAMILIES) {
            JsonObject table = Translations.load(family);
            JsonObject zh = table.getJsonObject("zh");
            JsonObject en = table.getJsonObject("en");
            assertThat(zh.fieldNames()).as(family).isEqualTo(en.fieldNames());
            for (String key : zh.fieldNames()) {
                assertThat(placeholders(zh.getString(key))).as(family + " " + key).isEqualTo(placeholders(en.getString(key)));
            }
        }
    }

    @Test
    void every_code_made_in_the_sources_has_words() throws IOException {
        Set<String> said = new TreeSet<>();
        for (String family : FAMILIES) {
            Translations.load(family).getJsonObject("zh").fieldNames().forEach(key ->
                    said.add(key.replaceFirst("^(state\\.reason|reason|alarm\\.detail)\\.", "")));
        }
        Set<String> made = new TreeSet<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../efficiency/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = MADE_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        made.add(m.group(1));
                    }
                }
            }
        }
        made.remove("text"); // an alarm detail stored before codes were: its English text only
        assertThat(made).as("message codes made in the sources").hasSizeGreaterThan(20);
        assertThat(said).containsAll(made);
    }

    @Test
    void every_limit_row_has_its_description_in_both_languages() {
        JsonObject table = Translations.load("limit-standards.json");
        for (LimitStandard row : LimitStandards.all()) {
            assertThat(table.getJsonObject("zh").getString("limit.row." + row.id())).as(row.id()).isNotBlank();
            assertThat(table.getJsonObject("en").getString("limit.row." + row.id())).isEqualTo(row.product());
        }
    }

    @Test
    void reasons_and_notes_are_said_in_the_reports_language() {
        GradingScope scope = new GradingScope(3, List.of("D44"), 2, "T");
        DataState.Reason outOfScope = scope.outOfScope(0.0);
        assertThat(MessageText.of(outOfScope, ReportLanguage.ZH)).isEqualTo("用地 0.0 亩，低于 3.0 亩的参评门槛");
        assertThat(MessageText.of(outOfScope, ReportLanguage.EN)).isEqualTo(outOfScope.text());
        assertThat(MessageText.of(scope.ungraded("C3011", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 1)), ReportLanguage.ZH))
                .isEqualTo("2026-01-01 起投产，不足 2 年");
        DataState.Reason noEmissions = new DataState.Reason("not_reported", Map.of("quantity", "emissions"), "no emissions reported");
        assertThat(MessageText.of(noEmissions, ReportLanguage.ZH)).isEqualTo("未报送排放量");
        DataState.Reason benchmark = new DataState.Reason("benchmark_missing", Map.of("why", "quantity_zero", "quantity", "output_value"),
                "energy_per_output_value: output value is zero");
        assertThat(MessageText.of(benchmark, ReportLanguage.ZH)).isEqualTo("单位产值综合能耗：产值为零");
        assertThat(MessageText.of(new DataState.Reason("brand_new", Map.of(), "brand new"), ReportLanguage.ZH)).isEqualTo("brand new");
    }

    @Test
    void units_are_printed_the_languages_way() {
        assertThat(UnitText.label("10^4 CNY/person", ReportLanguage.ZH)).isEqualTo("万元/人");
        assertThat(UnitText.label("10^4 CNY/10^4 kWh", ReportLanguage.ZH)).isEqualTo("万元/万kWh");
        assertThat(UnitText.label("tce/10^4 CNY", ReportLanguage.ZH)).isEqualTo("tce/万元");
        assertThat(UnitText.label("10^4 CNY/mu", ReportLanguage.EN)).isEqualTo("10k CNY/mu");
        assertThat(UnitText.label("1", ReportLanguage.ZH)).isEqualTo("%");
        assertThat(UnitText.isPercent("1")).isTrue();
        assertThat(UnitText.label("kgce/unit", ReportLanguage.ZH)).isEqualTo("kgce/单位产品");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
