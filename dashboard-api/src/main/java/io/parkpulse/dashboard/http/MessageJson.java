package io.parkpulse.dashboard.http;

import io.parkpulse.efficiency.evaluation.DataState;
import io.vertx.core.json.JsonObject;
import java.util.TreeMap;

/**
 * A message a person reads, as the API sends it beside its English text field: {@code {"code": "land_below_threshold",
 * "args": {"land_mu": "0.0", "threshold_mu": "3.0"}, "text": "land 0.0 mu is below the 3.0 mu threshold"}} — the shape
 * of a data state's reason (openapi {@code Message}), said in the reader's language by the UI and the reports from
 * resources/i18n/messages.json.
 */
public final class MessageJson {

    private MessageJson() {
    }

    /** The message, or {@code null} for none. */
    public static JsonObject of(DataState.Reason r) {
        return r == null ? null : new JsonObject().put("code", r.code()).put("args", new JsonObject(new TreeMap<>(r.args())))
                .put("text", r.text());
    }
}
