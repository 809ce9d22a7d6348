package io.parkpulse.dashboard.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation tables the report shares with the web UI (resources/i18n/*.json: one per message family, each with a
 * {@code zh} and an {@code en} object of keys), so a message reads the same on the screen and in the file.
 */
final class Translations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    static final JsonObject DATA_STATE = load("data-state.json");
    static final JsonObject REASONS = load("reasons.json");
    static final JsonObject UNITS = load("units.json");

    private Translations() {
    }

    /** The text of {@code key} in {@code table}, or {@code null} when it has none. */
    static String text(JsonObject table, ReportLanguage language, String key) {
        return table.getJsonObject(language.id()).getString(key);
    }

    /** {@code template} with each {placeholder} replaced by its arg, said by {@code arg} (name, value → text). */
    static String fill(String template, Map<String, String> args, UnaryOperator<String> unknown) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? unknown.apply(m.group()) : value));
        }
        return m.appendTail(out).toString();
    }

    static JsonObject load(String name) {
        try (InputStream in = Translations.class.getResourceAsStream("/i18n/" + name)) {
            if (in == null) {
                throw new IllegalStateException("i18n/" + name + " is missing from the jar");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
