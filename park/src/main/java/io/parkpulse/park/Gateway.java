package io.parkpulse.park;

import io.parkpulse.contract.GatewayId;
import java.time.Duration;
import java.util.Objects;

/**
 * A park gateway: publishes the readings of its meters under {@code dp/v1/{park}/{id}/...}.
 *
 * @param id             stable id, a topic level
 * @param name           where it is or what it serves, for people
 * @param uplinkInterval how often it sends what its meters read when it batches them (an NB-IoT platform pushing the
 *                       day's hourly values once a day: P1D), or {@code null} when it sends each reading as it is
 *                       taken: a meter of it may be this much quieter by device time without being silent
 */
public record Gateway(GatewayId id, String name, Duration uplinkInterval) {
    public Gateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** A gateway that sends each reading as it is taken. */
    public Gateway(GatewayId id, String name) {
        this(id, name, null);
    }
}
