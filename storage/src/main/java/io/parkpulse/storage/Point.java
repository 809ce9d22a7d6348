package io.parkpulse.storage;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One InfluxDB point: its series (measurement and tags), its fields with their types, and its time. It stays structured
 * until it is rendered as a line of line protocol ({@link #appendTo}), so whoever holds it can read its values back
 * ({@link #number}, {@link #text}) without parsing text.
 *
 * <p>Escapes what line protocol can carry and refuses, with {@link IllegalArgumentException} naming the offending text,
 * what it cannot carry faithfully (line breaks or a trailing backslash in names and tags, empty tag values, non-finite
 * numbers) rather than write something that reads back different: every check runs when the name or value is added, so
 * a point that was built renders without failing.
 *
 * <p>InfluxDB 1.x reads a backslash as an escape only before a separator ({@code , = space}); every other backslash is
 * literal. So {@code a\\ b} (a backslash, then an escaped space) stores {@code a\ b}, while a name ending in a backslash
 * cannot be written at all (verified against 1.6).
 *
 * <p>Tags are written sorted by key, which InfluxDB recommends. Points of a known series start from a {@link Series},
 * whose tags were escaped once.
 *
 * <p>Not thread-safe while it is built. Built on one thread and then handed over (an event-loop task, a queue), it may be
 * read and rendered by the receiver; it must not be changed after the hand-over.
 */
public final class Point {

    private static final Object NUMBER = new Object();

    private final String measurement;
    private final Map<String, String> tags;
    private final Series series;
    private String[] keys = new String[4];
    /** Per field: {@link #NUMBER} (its value in {@link #numbers}), a {@link Boolean} or a {@link String}. */
    private Object[] values = new Object[4];
    private double[] numbers = new double[4];
    private int size;
    private long timeMs = Long.MIN_VALUE;

    private Point(String measurement, Series series) {
        this.measurement = measurement;
        this.series = series;
        this.tags = series == null ? new TreeMap<>() : null;
    }

    public static Point measurement(String name) {
        checkMeasurement(name);
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
        int count = add(key, NUMBER); // first: it may grow the arrays
        numbers[count - 1] = value;
        return this;
    }

    public Point field(String key, boolean value) {
        add(key, value);
        return this;
    }

    public Point field(String key, String value) {
        add(key, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The point's time in epoch milliseconds; write with {@code precision=ms}. */
    public Point time(long epochMs) {
        this.timeMs = epochMs;
        return this;
    }

    /** The point's time in epoch milliseconds, {@link Long#MIN_VALUE} before {@link #time} was called. */
    public long timeMs() {
        return timeMs;
    }

    public boolean hasFields() {
        return size > 0;
    }

    /** The numeric field {@code key}, or empty when the point has no such field or it is not a number. */
    public OptionalDouble number(String key) {
        int i = indexOf(key);
        return i >= 0 && values[i] == NUMBER ? OptionalDouble.of(numbers[i]) : OptionalDouble.empty();
    }

    /** The string field {@code key}, or empty when the point has no such field or it is not a string. */
    public Optional<String> text(String key) {
        int i = indexOf(key);
        return i >= 0 && values[i] instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * Appends the line protocol line, without a trailing newline: what a batch writer calls for each point of a
     * request body, so that no point needs a line of its own.
     */
    public StringBuilder appendTo(StringBuilder sb) {
        if (size == 0) {
            throw new IllegalStateException("a point needs at least one field");
        }
        if (timeMs == Long.MIN_VALUE) {
            throw new IllegalStateException("a point needs a time");
        }
        sb.append(series != null ? series.key() : Series.of(measurement, tags).key()).append(' ');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',');
            }
            escapeInto(sb, keys[i], true);
            sb.append('=');
            Object v = values[i];
            if (v == NUMBER) {
                sb.append(numbers[i]);
            } else if (v instanceof Boolean b) {
                sb.append(b.booleanValue());
            } else {
                appendQuoted(sb, (String) v);
            }
        }
        return sb.append(' ').append(timeMs);
    }

    /** The line protocol line, without a trailing newline. */
    public String toLine() {
        return appendTo(new StringBuilder(96)).toString();
    }

    @Override
    public String toString() {
        return toLine();
    }

    /** Adds a field after checking its key; returns the new field count. */
    private int add(String key, Object value) {
        if ("time".equals(key)) {
            throw new IllegalArgumentException("\"time\" cannot be a field key");
        }
        checkName("field key", key);
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        return ++size;
    }

    private int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static void appendQuoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Checks {@code text} as a name ({@code what} says which, for the message) and appends it escaped. */
    static void appendName(StringBuilder sb, String what, String text, boolean escapeEquals) {
        if (what.equals("measurement")) {
            checkMeasurement(text);
        } else {
            checkName(what, text);
        }
        escapeInto(sb, text, escapeEquals);
    }

    /** Appends {@code text} escaped: commas and spaces, and in keys and tag values also equals signs; backslashes stay literal. */
    private static void escapeInto(StringBuilder sb, String text, boolean escapeEquals) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static void checkMeasurement(String name) {
        checkName("measurement", name);
        if (name.startsWith("#")) {
            throw new IllegalArgumentException("measurement " + quote(name) + " would read as a comment line");
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
