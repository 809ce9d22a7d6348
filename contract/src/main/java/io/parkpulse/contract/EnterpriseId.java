package io.parkpulse.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enterprise's id: how the park file declares it and a storage tag of its meters' readings. A type of its own, so
 * that an enterprise id cannot stand where a meter's or a gateway's is expected. Prints as
 * its value, and is its value in JSON.
 *
 * @param value the id; valid by {@link Ids}
 */
public record EnterpriseId(@JsonValue String value) implements Comparable<EnterpriseId> {

    /** @throws IllegalArgumentException naming the value when it is not a valid id */
    public EnterpriseId {
        Ids.require("enterprise id", value);
    }

    public static EnterpriseId of(String value) {
        return new EnterpriseId(value);
    }

    /** The id {@code value} names, or empty when it is not a valid id: for text from outside (a URL, a stored record). */
    public static java.util.Optional<EnterpriseId> parse(String value) {
        return Ids.isValid(value) ? java.util.Optional.of(new EnterpriseId(value)) : java.util.Optional.empty();
    }

    @Override
    public int compareTo(EnterpriseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
