package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * A message — why a figure is missing, out of scope or not graded, a note — in the report's language, from the tables
 * the web UI uses (resources/i18n/reasons.json, and data-state.json for a data state's reasons). A message without a
 * translation falls back to its English text.
 */
final class MessageText {

    private MessageText() {
    }

    static String of(DataState.Reason message, ReportLanguage language) {
        String template = text(language, "reason." + message.code());
        if (template == null) {
            return DataStateText.reason(message, language);
        }
        Map<String, String> args = new HashMap<>(message.args());
        if (args.containsKey("why")) {
            // a message about another one: the other's code, and its args beside
            Map<String, String> inner = new HashMap<>(message.args());
            inner.remove("why");
            args.put("why", of(new DataState.Reason(message.args().get("why"), inner, message.text()), language));
        }
        args.computeIfPresent("quantity", (k, v) -> orSelf(text(language, "quantity." + v), v));
        args.computeIfPresent("unit", (k, v) -> UnitText.label(v, language));
        return Translations.fill(template, args, UnaryOperator.identity());
    }

    /** Every message, joined the language's way. */
    static String join(List<DataState.Reason> messages, ReportLanguage language) {
        StringJoiner joined = new StringJoiner(text(language, "reason.separator"));
        messages.forEach(m -> joined.add(of(m, language)));
        return joined.toString();
    }

    static String text(ReportLanguage language, String key) {
        return Translations.text(Translations.REASONS, language, key);
    }

    private static String orSelf(String text, String self) {
        return text == null ? self : text;
    }
}
