package io.parkpulse.contract;

import java.util.Objects;

/**
 * One thing that was not stored, with why and where.
 *
 * @param reason why
 * @param path   where in the message, as a JSON path: {@code $} for the whole message,
 *               {@code $.readings[3]} for a reading, {@code $.readings[3].values.power_kw} for a value
 * @param detail a human-readable explanation naming the offending value
 * @param meter  the reading's meter id when known, else {@code null}
 * @param timeMs the reading's timestamp when known, else {@code null}
 */
public record Rejection(RejectReason reason, String path, String detail, String meter, Long timeMs) {

    public static final String WHOLE_MESSAGE = "$";

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    public static Rejection ofMessage(RejectReason reason, String detail) {
        return new Rejection(reason, WHOLE_MESSAGE, detail, null, null);
    }

    public boolean isWholeMessage() {
        return WHOLE_MESSAGE.equals(path);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(reason.code()).append(" at ").append(path);
        if (meter != null) {
            sb.append(" (meter ").append(meter).append(')');
        }
        return sb.append(": ").append(detail).toString();
    }
}
