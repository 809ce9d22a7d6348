package io.parkpulse.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A park gateway's id: how the park file declares it and a level of its topics ({@code dp/v1/{park}/{gateway}/...}). A
 * type of its own, so that a gateway id cannot stand where a meter's or an enterprise's is expected. Prints as
 * its value, and is its value in JSON.
 *
 * @param value the id; valid by {@link Ids}
 */
public record GatewayId(@JsonValue String value) implements Comparable<GatewayId> {

    /** @throws IllegalArgumentException naming the value when it is not a valid id */
    public GatewayId {
        Ids.require("gateway id", value);
    }

    public static GatewayId of(String value) {
        return new GatewayId(value);
    }

    /** The id {@code value} names, or empty when it is not a valid id: for text from outside (a URL, a stored record). */
    public static java.util.Optional<GatewayId> parse(String value) {
        return Ids.isValid(value) ? java.util.Optional.of(new GatewayId(value)) : java.util.Optional.empty();
    }

    @Override
    public int compareTo(GatewayId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
