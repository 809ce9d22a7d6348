package io.parkpulse.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the telemetry contract, enforced by ingest and stated in {@code docs/protocol.md}.
 *
 * @param maxMessageBytes       largest accepted MQTT payload
 * @param maxReadingsPerMessage most readings in one message
 * @param maxValuesPerReading   most named values in one reading
 * @param maxFutureSkew         how far a device timestamp may lie ahead of the platform clock
 * @param maxAge                how old a device timestamp may be; covers NB-IoT meters that deliver a
 *                              day late and a gateway replaying a week of buffered readings.
 *                              A deployment may raise it for history imports.
 */
public record Limits(int maxMessageBytes, int maxReadingsPerMessage, int maxValuesPerReading,
                     Duration maxFutureSkew, Duration maxAge) {

    public static final Limits DEFAULT = new Limits(256 * 1024, 1000, 32, Duration.ofMinutes(5), Duration.ofDays(30));

    public Limits {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxMessageBytes <= 0 || maxReadingsPerMessage <= 0 || maxValuesPerReading <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxFutureSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxFutureSkew must be >= 0 and maxAge > 0");
        }
    }

    public Limits withMaxAge(Duration age) {
        return new Limits(maxMessageBytes, maxReadingsPerMessage, maxValuesPerReading, maxFutureSkew, age);
    }

    public Limits withMaxFutureSkew(Duration skew) {
        return new Limits(maxMessageBytes, maxReadingsPerMessage, maxValuesPerReading, skew, maxAge);
    }
}
