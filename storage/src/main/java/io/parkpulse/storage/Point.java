package io.parkpulse.storage;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One InfluxDB point, rendered as a line of line protocol. Escapes what line protocol can carry and
 * refuses, with {@link IllegalArgumentException} naming the offending text, what it cannot carry
 * faithfully (line breaks or a trailing backslash in names and tags, empty tag values, non-finite
 * numbers) rather than write something that reads back different.
 *
 * <p>InfluxDB 1.x reads a backslash as an escape only before a separator ({@code , = space}); every
 * other backslash is literal. So {@code a\\ b} (a backslash, then an escaped space) stores
 * {@code a\ b}, while a name ending in a backslash cannot be written at all (verified against 1.6).
 *
 * <p>Tags are written sorted by key, which InfluxDB recommends. Points of a known series start from
 * a {@link Series}, whose tags were escaped once. Not thread-safe; build and discard.
 */
public final class Point {

    private final String measurement;
    private final Map<String, String> tags;
    private final Series series;
    private final StringBuilder fields = new StringBuilder(64);
    private long timeMs = Long.MIN_VALUE;

    private Point(String measurement, Series series) {
        this.measurement = measurement;
        this.series = series;
        this.tags = series == null ? new TreeMap<>() : null;
    }

    public static Point measurement(String name) {
        appendName(new StringBuilder(), "measurement", name, false);
        return new Point(name, null);
    }

    static Point of(Series series) {
        return new Point(null, series);
    }

    public Point tag(String key, String value) {
        if (series != null) {
            throw new IllegalStateException("the tags of a point of series " + series + " are the series'");
        }
        checkName("tag key", key);
        checkName("tag value of " + key, value);
        tags.put(key, value);
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
        String key = series != null ? series.key() : Series.of(measurement, tags).key();
        return new StringBuilder(key.length() + fields.length() + 22).append(key).append(' ').append(fields).append(' ')
                .append(timeMs).toString();
    }

    @Override
    public String toString() {
        return toLine();
    }

    private StringBuilder startField(String key) {
        if ("time".equals(key)) {
            throw new IllegalArgumentException("\"time\" cannot be a field key");
        }
        if (fields.length() > 0) {
            fields.append(',');
        }
        appendName(fields, "field key", key, true);
        return fields.append('=');
    }

    /**
     * Appends {@code text} escaped: commas and spaces, and in keys and tag values also equals signs;
     * backslashes stay literal. Refuses what cannot be carried.
     */
    static void appendName(StringBuilder sb, String what, String text, boolean escapeEquals) {
        checkName(what, text);
        if (what.equals("measurement") && text.startsWith("#")) {
            throw new IllegalArgumentException("measurement " + quote(text) + " would read as a comment line");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static void checkName(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " " + quote(text) + " contains a line break");
            }
        }
        if (text.charAt(text.length() - 1) == '\\') {
            throw new IllegalArgumentException(what + " " + quote(text) + " ends with a backslash, which line protocol cannot carry");
        }
    }

    private static String quote(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
