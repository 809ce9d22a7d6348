package io.parkpulse.ingest.pipeline;

/**
 * One point ready to write, remembering which reading it came from so a refusal by InfluxDB can be
 * reported back to the gateway.
 *
 * @param line   the line-protocol line
 * @param meter  the reading's meter id (or gateway id for status points)
 * @param timeMs the point's time
 * @param path   where the reading was in its message, e.g. {@code $.readings[4]}
 */
public record PreparedPoint(String line, String meter, long timeMs, String path) {
}
