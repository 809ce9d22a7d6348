package io.parkpulse.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * A measurement and its tag set, checked and escaped once, for the many points of one series (one
 * meter): building them per reading was most of ingest's line-protocol cost.
 *
 * <p>Immutable and thread-safe.
 */
public final class Series {

    private final String key;

    private Series(String key) {
        this.key = key;
    }

    /**
     * @throws IllegalArgumentException naming a measurement, tag key or value line protocol cannot carry
     */
    public static Series of(String measurement, Map<String, String> tags) {
        StringBuilder sb = new StringBuilder(64);
        Point.appendName(sb, "measurement", measurement, false);
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            sb.append(',');
            Point.appendName(sb, "tag key", tag.getKey(), true);
            sb.append('=');
            Point.appendName(sb, "tag value of " + tag.getKey(), tag.getValue(), true);
        }
        return new Series(sb.toString());
    }

    /** A new point of this series. */
    public Point point() {
        return Point.of(this);
    }

    /** The escaped {@code measurement,tag=value,...} that starts each line of this series. */
    String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}
