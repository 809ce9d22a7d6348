package io.parkpulse.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The series an InfluxQL query returned, across all its statements. Values are what InfluxDB's JSON
 * holds: {@code Long} for integral numbers (times with {@code epoch=ms}, integer fields, and float fields
 * whose value is whole, since JSON drops the {@code .0}), {@code Double}, {@code String}, {@code Boolean}
 * or {@code null}; compare numbers through {@link Number}.
 *
 * <p>Immutable and thread-safe.
 */
public record QueryResult(List<Series> series) {

    public QueryResult {
        series = List.copyOf(series);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * The only series.
     *
     * @throws IllegalStateException if there is not exactly one
     */
    public Series single() {
        if (series.size() != 1) {
            throw new IllegalStateException("expected one series, got " + series.size() + ": " + series);
        }
        return series.get(0);
    }

    /** One series: a measurement's rows for one combination of GROUP BY tags. */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

        public Series {
            tags = Map.copyOf(tags);
            columns = List.copyOf(columns);
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : values) {
                rows.add(Collections.unmodifiableList(new ArrayList<>(row))); // rows may hold nulls
            }
            values = Collections.unmodifiableList(rows);
        }

        /**
         * The values of one column, top to bottom.
         *
         * @throws IllegalArgumentException for an unknown column
         */
        public List<Object> column(String column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + columns);
            }
            List<Object> cells = new ArrayList<>();
            values.forEach(row -> cells.add(row.get(index)));
            return Collections.unmodifiableList(cells);
        }
    }
}
