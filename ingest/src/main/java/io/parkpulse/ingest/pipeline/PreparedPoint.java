package io.parkpulse.ingest.pipeline;

import io.parkpulse.storage.Point;

/**
 * One point ready to write, remembering which reading it came from so a refusal by InfluxDB can be reported back to the
 * gateway. The point stays structured until {@link BatchWriter} renders the request body: the live rollups read its
 * values as they are, without parsing text.
 *
 * <p>Built on the MQTT callback thread, then handed to the pipeline's event loop; not changed after that.
 *
 * @param kind     what the point is: a gateway's reading, a late-reading mark or a gateway status
 * @param point    the point as it will be stored
 * @param meter    the reading's meter id (the gateway id for status points)
 * @param position the reading's index in its message's {@code readings}, or -1 for points of the message as a whole
 */
public record PreparedPoint(Kind kind, Point point, String meter, int position) {

    /**
     * @throws IllegalArgumentException when the point could not be rendered (no field, no time): refused here, on the
     *         preparing thread, where it costs one message a rejection, rather than in the writer
     */
    public PreparedPoint {
        if (!point.hasFields() || point.timeMs() == Long.MIN_VALUE) {
            throw new IllegalArgumentException("a point to write needs a field and a time: " + kind + " of " + meter);
        }
    }

    /** What a point stands for; only readings are data a gateway sent. */
    public enum Kind {
        /** A reading of a meter, with the values the gateway sent (scaled to the primary side). */
        READING,
        /** Bookkeeping for the dashboard: a cumulative reading arrived late for its meter and day (docs/storage.md). */
        LATE_MARK,
        /** A gateway's online/offline status message. */
        GATEWAY_STATUS
    }

    /** The point's time, epoch ms. */
    public long timeMs() {
        return point.timeMs();
    }

    /** Where the reading was in its message, e.g. {@code $.readings[4]}; built only when a point is refused. */
    public String path() {
        return position < 0 ? "$" : "$.readings[" + position + "]";
    }
}
