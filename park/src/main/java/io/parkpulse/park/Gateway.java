package io.parkpulse.park;

import io.parkpulse.contract.GatewayId;
import java.util.Objects;

/**
 * A park gateway: publishes the readings of its meters under {@code dp/v1/{park}/{id}/...}.
 *
 * @param id   stable id, a topic level
 * @param name where it is or what it serves, for people
 */
public record Gateway(GatewayId id, String name) {
    public Gateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
