package io.parkpulse.dashboard.alarms;

import io.parkpulse.dashboard.http.MessageJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Alarms and their transitions as the API and the live stream show them (docs/openapi-fragments/alarms.yaml). */
public final class AlarmJson {

    private AlarmJson() {
    }

    public static JsonObject alarm(Alarm a) {
        JsonObject j = new JsonObject().put("id", a.id()).put("park", a.park()).put("rule", a.rule()).put("kind", a.kind())
                .put("severity", a.severity()).put("subject", new JsonObject().put("kind", a.subject().kind().id())
                        .put("id", a.subject().id()))
                .put("state", a.state().id()).put("value", number(a.value())).put("threshold", number(a.threshold()))
                .put("unit", AlarmKinds.unit(a)).put("detail", a.detail())
                .put("detail_message", MessageJson.of(a.message()))
                .put("since", time(a.sinceMs())).put("raised_at", time(a.raisedMs()));
        if (a.ackBy() != null) {
            j.put("acknowledged", new JsonObject().put("by", a.ackBy()).put("at", time(a.ackMs())).put("note", a.ackNote()));
        }
        if (a.clearedMs() > 0) {
            j.put("cleared_at", time(a.clearedMs()));
        }
        return j;
    }

    /** One transition for the live stream: {@code {"event": "raised", "at": …, "alarm": {…}}}. */
    public static JsonObject event(AlarmEvent e) {
        return new JsonObject().put("event", e.state().id()).put("at", time(e.atMs())).put("alarm", alarm(e.alarm()));
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String time(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
