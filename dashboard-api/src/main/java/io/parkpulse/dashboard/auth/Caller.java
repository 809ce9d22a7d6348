package io.parkpulse.dashboard.auth;

import java.util.Objects;

/**
 * Who is asking: a park operator, who sees the whole park, or an enterprise, which sees only its own raw data and
 * figures and the anonymous statistics of its peers.
 *
 * @param name       the token's name, for logs and audit fields
 * @param role       operator or enterprise
 * @param park       the park it belongs to; {@code *} for an operator of every park
 * @param enterprise the enterprise id for the enterprise role, else {@code null}
 */
public record Caller(String name, Role role, String park, String enterprise) {

    public enum Role { OPERATOR, ENTERPRISE }

    public static final String ANY_PARK = "*";

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(park, "park");
        if ((role == Role.ENTERPRISE) != (enterprise != null)) {
            throw new IllegalArgumentException("an enterprise caller names its enterprise; an operator does not");
        }
    }

    public boolean mayRead(String parkId) {
        return park.equals(ANY_PARK) || park.equals(parkId);
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this caller may see {@code enterpriseId}'s own data in a park it may read. */
    public boolean maySee(String enterpriseId) {
        return isOperator() || enterprise.equals(enterpriseId);
    }
}
