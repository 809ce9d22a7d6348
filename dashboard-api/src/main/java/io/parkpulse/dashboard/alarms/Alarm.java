package io.parkpulse.dashboard.alarms;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.Objects;

/**
 * One alarm: a rule of the park's policy found true of one subject, from its raising until it clears. Immutable; a
 * transition makes a new one.
 *
 * @param id        unique within the park: rule, subject and the raising time
 * @param rule      the policy's alarm id
 * @param kind      the rule's kind as the park file spells it ({@code power_above} …)
 * @param severity  {@code warning} or {@code critical}
 * @param value     the measured value: kW, minutes, m³/h or percent (see {@link AlarmKinds#unit})
 * @param threshold what the value was held against, same unit
 * @param message   what was measured (period, baseline) as a code with args and English text ({@link AlarmDetails}), or
 *                  {@code null}
 * @param sinceMs   when the condition began (device or status time where known)
 * @param raisedMs  when the alarm was raised
 * @param ackBy     who acknowledged it, or {@code null}
 * @param ackMs     when, or 0
 * @param ackNote   the operator's note, or {@code null}
 * @param clearedMs when it cleared, or 0
 * @param lastMs    time of its latest stored transition (transitions of one alarm never share a millisecond)
 */
public record Alarm(String id, String park, String rule, String kind, String severity, Subject subject,
                    AlarmState state, double value, double threshold, Reason message, long sinceMs, long raisedMs,
                    String ackBy, long ackMs, String ackNote, long clearedMs, long lastMs) {

    public Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(park, "park");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
    }

    /** {@link #message()} in English, or empty. */
    public String detail() {
        return message == null ? "" : message.text();
    }

    /** The id of the alarm {@code rule} raises about {@code subject} at {@code raisedMs}. */
    public static String idOf(String rule, Subject subject, long raisedMs) {
        return rule + ":" + subject.kind().id() + ":" + subject.id() + ":" + Long.toString(raisedMs, 36);
    }

    public boolean isActive() {
        return state != AlarmState.CLEARED;
    }

    Alarm withValue(double newValue, Reason newDetail) {
        return new Alarm(id, park, rule, kind, severity, subject, state, newValue, threshold, newDetail, sinceMs, raisedMs,
                ackBy, ackMs, ackNote, clearedMs, lastMs);
    }

    Alarm acknowledged(String by, long atMs, String note) {
        return new Alarm(id, park, rule, kind, severity, subject, AlarmState.ACKNOWLEDGED, value, threshold, message,
                sinceMs, raisedMs, by, atMs, note, clearedMs, atMs);
    }

    Alarm cleared(long atMs, double lastValue, Reason why) {
        return new Alarm(id, park, rule, kind, severity, subject, AlarmState.CLEARED, lastValue, threshold, why, sinceMs,
                raisedMs, ackBy, ackMs, ackNote, atMs, atMs);
    }

    /** A time for its next transition at {@code nowMs}: never the same millisecond as the previous one. */
    long nextTransitionMs(long nowMs) {
        return Math.max(nowMs, lastMs + 1);
    }
}
