package io.parkpulse.dashboard.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text a person reads is all in one language, outside names, ids and units. Chinese: no English word —
 * no run of two or more ASCII letters outside the allowed ids and names, units and a few proper names (ParkPulse,
 * Excel, CSV …). English: no Chinese character outside names (enterprises, park, users, products).
 */
final class LanguageRule {

    enum Language { ZH, EN }

    /** Words a Chinese page may show: units, standards' and formats' names, keys. */
    static final Set<String> ZH_ALLOWED_WORDS = Set.of(
            "kW", "kWh", "MW", "MWh", "tce", "kgce", "GJ", "KB", "GB", "ParkPulse", "Excel", "CSV", "YAML", "Esc",
            "policy",
            "CO", "tCO", "kgCO"); // CO₂, tCO₂, kgCO₂/kWh: the subscript two is no ASCII letter

    private static final Pattern WORD_CHAR = Pattern.compile("[A-Za-z0-9_]");
    private static final Pattern ASCII_TOKEN = Pattern.compile("[A-Za-z0-9_.\\-^&]+");
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff01-\\uff5e]+");

    /** The language switch names the other language in that language's own words. */
    static final Set<String> LANGUAGE_NAMES = Set.of("中文", "English");

    private final List<Pattern> names;

    /**
     * @param names ids and names either language may show as they are: removed before the check, longest first, each
     *              only where it stands as a whole (the product unit {@code t} is no part of {@code tce})
     */
    LanguageRule(Set<String> names) {
        Set<String> all = new LinkedHashSet<>(names);
        all.addAll(LANGUAGE_NAMES);
        this.names = all.stream().filter(n -> n != null && n.strip().length() > 1).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(LanguageRule::whole).toList();
    }

    /** {@code name} where it stands whole: an ASCII edge of it not joined to more ASCII word characters. */
    private static Pattern whole(String name) {
        String before = WORD_CHAR.matcher(name.substring(0, 1)).matches() ? "(?<![A-Za-z0-9_\\-])" : "";
        String after = WORD_CHAR.matcher(name.substring(name.length() - 1)).matches() ? "(?![A-Za-z0-9_\\-])" : "";
        return Pattern.compile(before + Pattern.quote(name) + after);
    }

    /**
     * The words of {@code text} in the other language than {@code language}, each once with the text around it
     * ({@code out_of_scope «… 不参评 out_of_scope 3 …»}); empty when pure.
     */
    List<String> strays(String text, Language language) {
        String rest = text;
        for (Pattern name : names) {
            rest = name.matcher(rest).replaceAll(" ");
        }
        Set<String> found = new LinkedHashSet<>();
        if (language == Language.ZH) {
            Matcher m = ASCII_TOKEN.matcher(rest);
            while (m.find()) {
                String token = m.group();
                if (DIGIT.matcher(token).find()) {
                    continue; // a code, a date, a number with its unit: C3011, 2026-11, 18000kW
                }
                for (String part : token.split("[_.\\-^&]")) {
                    if (TWO_LETTERS.matcher(part).find() && !ZH_ALLOWED_WORDS.contains(part)) {
                        found.add(token + " «" + around(rest, m.start(), m.end()) + "»");
                    }
                }
            }
        } else {
            Matcher m = CHINESE.matcher(rest);
            while (m.find()) {
                found.add(m.group() + " «" + around(rest, m.start(), m.end()) + "»");
            }
        }
        return new ArrayList<>(found);
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).replaceAll("\\s+", " ");
    }
}
