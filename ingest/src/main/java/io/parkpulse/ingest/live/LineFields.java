package io.parkpulse.ingest.live;

/**
 * Reads one field back out of a line-protocol line that ingest built itself.
 *
 * <p>The pipeline keeps of each reading only the line it stores. Reading the live fields back from it costs less than
 * decoding the message a second time, and gives exactly the stored, primary-side values. Follows the escaping
 * {@link io.parkpulse.storage.Point} writes: a backslash escapes only a following {@code , = space} (and {@code " \}
 * inside string values); every other backslash is literal.
 */
final class LineFields {

    private LineFields() {
    }

    /** The value of numeric field {@code key}, or {@code null} when the line has no such field or it is not a number. */
    static Double number(String line, String key) {
        String value = rawValue(line, key);
        return value == null ? null : parse(value);
    }

    /** The value of string field {@code key}, unescaped, or {@code null} when the line has no such field or it is not a string. */
    static String string(String line, String key) {
        String value = rawValue(line, key);
        if (value == null || value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length() - 2);
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i); // Point escapes only " and \ inside strings
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The value of field {@code key} as the line writes it (a string still quoted and escaped), or {@code null}. */
    private static String rawValue(String line, String key) {
        String written = escaped(key);
        int i = endOfSeriesKey(line);
        int end = line.length();
        while (i < end) {
            int keyStart = i;
            while (i < end && line.charAt(i) != '=') {
                i += isEscape(line, i) ? 2 : 1;
            }
            if (i >= end) {
                return null;
            }
            boolean wanted = i - keyStart == written.length() && line.regionMatches(keyStart, written, 0, written.length());
            int valueStart = ++i;
            if (i < end && line.charAt(i) == '"') {
                i++;
                while (i < end && line.charAt(i) != '"') {
                    i += line.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                while (i < end && line.charAt(i) != ',' && line.charAt(i) != ' ') {
                    i++;
                }
            }
            if (wanted) {
                return line.substring(valueStart, Math.min(i, end));
            }
            if (i >= end || line.charAt(i) == ' ') {
                return null; // the fields end here; the timestamp follows
            }
            i++; // the comma before the next field
        }
        return null;
    }

    /** The key as a line carries it: commas, spaces and equals signs escaped. */
    private static String escaped(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ',' || c == ' ' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Index just past the space that ends the measurement and tags. */
    private static int endOfSeriesKey(String line) {
        int i = 0;
        while (i < line.length()) {
            if (isEscape(line, i)) {
                i += 2;
            } else if (line.charAt(i) == ' ') {
                return i + 1;
            } else {
                i++;
            }
        }
        return line.length();
    }

    private static boolean isEscape(String line, int i) {
        if (line.charAt(i) != '\\' || i + 1 >= line.length()) {
            return false;
        }
        char next = line.charAt(i + 1);
        return next == ',' || next == '=' || next == ' ';
    }

    private static Double parse(String text) {
        if (text.isEmpty() || text.startsWith("\"") || text.equals("true") || text.equals("false")) {
            return null;
        }
        String digits = text.endsWith("i") || text.endsWith("u") ? text.substring(0, text.length() - 1) : text;
        try {
            double value = Double.parseDouble(digits);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
