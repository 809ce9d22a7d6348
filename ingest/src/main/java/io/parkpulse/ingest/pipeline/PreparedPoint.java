package io.parkpulse.ingest.pipeline;

/**
 * One point ready to write, remembering which reading it came from so a refusal by InfluxDB can be
 * reported back to the gateway.
 *
 * @param line     the line-protocol line
 * @param meter    the reading's meter id (or gateway id for status points)
 * @param timeMs   the point's time
 * @param position the reading's index in its message's {@code readings}, or -1 for the message itself
 */
public record PreparedPoint(String line, String meter, long timeMs, int position) {

    /** A late-reading mark: bookkeeping for the dashboard, not data a gateway sent. */
    public boolean isLateMark() {
        return line.startsWith(io.parkpulse.storage.StorageSchema.MEASUREMENT_LATE_READING + ",");
    }

    /** Where the reading was in its message, e.g. {@code $.readings[4]}; built only when a point is refused. */
    public String path() {
        return position < 0 ? "$" : "$.readings[" + position + "]";
    }
}
