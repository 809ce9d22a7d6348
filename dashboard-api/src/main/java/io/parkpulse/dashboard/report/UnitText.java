package io.parkpulse.dashboard.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The API's units as the report prints them, from the table the web UI uses (resources/i18n/units.json): 10^4 CNY/person
 * is 万元/人 in Chinese, a ratio ({@code 1}) is a percent.
 */
final class UnitText {

    private UnitText() {
    }

    /** {@code unit} in {@code language}: looked up whole, else part by part between '/'; {@code null} stays {@code null}. */
    static String label(String unit, ReportLanguage language) {
        if (unit == null) {
            return null;
        }
        String whole = Translations.text(Translations.UNITS, language, unit);
        if (whole != null) {
            return whole;
        }
        return Arrays.stream(unit.split("/", -1)).map(part -> {
            String said = Translations.text(Translations.UNITS, language, part);
            return said == null ? part : said;
        }).collect(Collectors.joining("/"));
    }

    /** Whether values of {@code unit} are ratios printed as percent (times 100). */
    static boolean isPercent(String unit) {
        return Translations.UNITS.getJsonArray("percent").contains(unit);
    }
}
