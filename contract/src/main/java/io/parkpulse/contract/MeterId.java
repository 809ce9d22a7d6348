package io.parkpulse.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A meter's id: how the park file declares it and gateways name it in readings. A type of its own, so that a meter id
 * cannot stand where a gateway's or an enterprise's is expected. Prints as
 * its value, and is its value in JSON.
 *
 * @param value the id; valid by {@link Ids}
 */
public record MeterId(@JsonValue String value) implements Comparable<MeterId> {

    /** @throws IllegalArgumentException naming the value when it is not a valid id */
    public MeterId {
        Ids.require("meter id", value);
    }

    public static MeterId of(String value) {
        return new MeterId(value);
    }

    /** The id {@code value} names, or empty when it is not a valid id: for text from outside (a URL, a stored record). */
    public static java.util.Optional<MeterId> parse(String value) {
        return Ids.isValid(value) ? java.util.Optional.of(new MeterId(value)) : java.util.Optional.empty();
    }

    @Override
    public int compareTo(MeterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
