package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A data state in the report's language, from the same table the web UI uses (resources/i18n/data-state.json), so a
 * reason reads the same on the screen and in the file. A reason without a translation falls back to the engine's
 * English text.
 */
final class DataStateText {

    private DataStateText() {
    }

    /** "数据不足" / "insufficient data". */
    static String label(DataState state, ReportLanguage language) {
        return text(language, "state." + state.kind().id());
    }

    /** Every reason, joined the language's way; empty for a complete state. */
    static String reasons(DataState state, ReportLanguage language) {
        StringBuilder joined = new StringBuilder();
        for (DataState.Reason reason : state.reasons()) {
            if (!joined.isEmpty()) {
                joined.append(text(language, "state.separator"));
            }
            joined.append(reason(reason, language));
        }
        return joined.toString();
    }

    static String reason(DataState.Reason reason, ReportLanguage language) {
        String template = text(language, "state.reason." + reason.code());
        if (template == null) {
            return reason.text();
        }
        Map<String, String> args = new HashMap<>(reason.args());
        args.computeIfPresent("carrier", (k, v) -> orSelf(text(language, "state.carrier." + v), v));
        args.computeIfPresent("basis", (k, v) -> orSelf(text(language, "state.basis." + v), v));
        return Translations.fill(template, args, UnaryOperator.identity());
    }

    /** The text of {@code key}, or {@code null} when the table has none. */
    static String text(ReportLanguage language, String key) {
        return Translations.text(Translations.DATA_STATE, language, key);
    }

    private static String orSelf(String text, String self) {
        return text == null ? self : text;
    }
}
