package io.parkpulse.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One InfluxDB point, rendered as a line of line protocol. Escapes what line protocol can carry and
 * refuses, with {@link IllegalArgumentException} naming the offending text, what it cannot carry
 * faithfully (line breaks or a trailing backslash in names and tags, empty tag values, non-finite
 * numbers) rather than write something that reads back different.
 *
 * <p>InfluxDB 1.x reads a backslash as an escape only before a separator ({@code , = space}); every
 * other backslash is literal. So {@code a\ b} (a backslash, then an escaped space) stores
 * {@code a\ b}, while a name ending in a backslash cannot be written at all (verified against 1.6).
 *
 * <p>Tags are written sorted by key, which InfluxDB recommends. Not thread-safe; build and discard.
 */
public final class Point {

    private final String measurement;
    private final List<String[]> tags = new ArrayList<>(4);
    private final StringBuilder fields = new StringBuilder(64);
    private long timeMs = Long.MIN_VALUE;

    private Point(String measurement) {
        this.measurement = checkName("measurement", measurement);
        if (measurement.startsWith("#")) {
            throw new IllegalArgumentException("measurement " + quote(measurement) + " would read as a comment line");
        }
    }

    public static Point measurement(String name) {
        return new Point(name);
    }

    public Point tag(String key, String value) {
        checkName("tag key", key);
        checkName("tag value of " + key, value);
        tags.add(new String[] {key, value});
        return this;
    }

    public Point field(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("field " + key + " = " + value + ": only finite numbers can be stored");
        }
        startField(key).append(value);
        return this;
    }

    public Point field(String key, boolean value) {
        startField(key).append(value);
        return this;
    }

    public Point field(String key, String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder sb = startField(key).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
        return this;
    }

    /** The point's time in epoch milliseconds; write with {@code precision=ms}. */
    public Point time(long epochMs) {
        this.timeMs = epochMs;
        return this;
    }

    public boolean hasFields() {
        return fields.length() > 0;
    }

    /** The line protocol line, without a trailing newline. */
    public String toLine() {
        if (!hasFields()) {
            throw new IllegalStateException("a point needs at least one field");
        }
        if (timeMs == Long.MIN_VALUE) {
            throw new IllegalStateException("a point needs a time");
        }
        StringBuilder sb = new StringBuilder(measurement.length() + fields.length() + 24 * tags.size() + 20);
        escape(sb, measurement, false);
        tags.sort(Comparator.comparing(t -> t[0]));
        for (String[] tag : tags) {
            sb.append(',');
            escape(sb, tag[0], true);
            sb.append('=');
            escape(sb, tag[1], true);
        }
        return sb.append(' ').append(fields).append(' ').append(timeMs).toString();
    }

    @Override
    public String toString() {
        return toLine();
    }

    private StringBuilder startField(String key) {
        checkName("field key", key);
        if ("time".equals(key)) {
            throw new IllegalArgumentException("\"time\" cannot be a field key");
        }
        if (fields.length() > 0) {
            fields.append(',');
        }
        escape(fields, key, true);
        return fields.append('=');
    }

    /** Escapes commas and spaces, and in keys and tag values also equals signs. Backslashes stay literal. */
    private static void escape(StringBuilder sb, String text, boolean escapeEquals) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static String checkName(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " " + quote(text) + " contains a line break");
            }
            if (c == '\\' && i == text.length() - 1) {
                throw new IllegalArgumentException(what + " " + quote(text) + " ends with a backslash, which line protocol cannot carry");
            }
        }
        return text;
    }

    private static String quote(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
