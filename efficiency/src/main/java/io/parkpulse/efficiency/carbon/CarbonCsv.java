package io.parkpulse.efficiency.carbon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled factor tables' CSV: a header row, then one row per factor; lines starting with {@code #} are notes;
 * fields may be double-quoted (a quote inside doubled). Strict: a row with the wrong number of fields or a field that
 * does not parse is an error naming the file, the line and the column.
 */
final class CarbonCsv {

    /** A data row with its line number in the file. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return fields.get(i);
        }
    }

    private CarbonCsv() {
    }

    static String resource(String path) {
        try (InputStream in = CarbonCsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled data " + path + " is missing from the efficiency jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data " + path, e);
        }
    }

    /**
     * The data rows of {@code text}, checked to have the header {@code columns}.
     *
     * @throws IllegalArgumentException naming {@code name} and the line
     */
    static List<Row> parse(String name, String text, List<String> columns) {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(name, i + 1, line);
            if (!header) {
                if (!fields.equals(columns)) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": the header must be "
                            + String.join(",", columns) + ", got " + line);
                }
                header = true;
                continue;
            }
            if (fields.size() != columns.size()) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + columns.size() + " fields expected ("
                        + String.join(",", columns) + "), got " + fields.size());
            }
            rows.add(new Row(i + 1, fields));
        }
        if (!header) {
            throw new IllegalArgumentException(name + ": no header row " + String.join(",", columns));
        }
        return rows;
    }

    static double number(String name, Row row, int column, String what) {
        String text = row.get(column);
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ":" + row.line() + ": " + what + " must be a number, got \"" + text + "\"");
    }

    private static List<String> split(String name, int line, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(name + ":" + line + ": a quoted field is not closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
