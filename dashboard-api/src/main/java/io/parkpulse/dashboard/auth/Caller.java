package io.parkpulse.dashboard.auth;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking: an administrator (every park), a park operator (one or more parks, or every park), or an enterprise,
 * which sees only its own raw data and figures in its one park and the anonymous statistics of its peers.
 */
public final class Caller {

    public enum Role {
        ADMIN, OPERATOR, ENTERPRISE;

        /** The role's name in files, tokens and JSON: admin, operator, enterprise. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role named {@code id} (admin, operator, enterprise), or {@code null}. */
        public static Role byId(String id) {
            for (Role r : values()) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** Stands for every park, in {@link #parks()} and in files. */
    public static final String ANY_PARK = "*";

    private final String name;
    private final Role role;
    private final Set<String> parks;
    private final String enterprise;

    /**
     * A caller of one park, or of every park with {@code park = *}; {@code enterprise} only for the enterprise role.
     * An administrator's park is {@code *}.
     */
    public Caller(String name, Role role, String park, String enterprise) {
        this(name, role, Set.of(Objects.requireNonNull(park, "park")), enterprise);
    }

    private Caller(String name, Role role, Collection<String> parks, String enterprise) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        Set<String> sorted = new TreeSet<>(Objects.requireNonNull(parks, "parks"));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a caller reads at least one park");
        }
        if (sorted.contains(ANY_PARK) && sorted.size() > 1) {
            sorted = new TreeSet<>(Set.of(ANY_PARK)); // every park includes the ones named
        }
        if ((role == Role.ENTERPRISE) != (enterprise != null)) {
            throw new IllegalArgumentException("an enterprise caller names its enterprise; an operator or admin does not");
        }
        if (role == Role.ENTERPRISE && (sorted.size() != 1 || sorted.contains(ANY_PARK))) {
            throw new IllegalArgumentException("an enterprise belongs to exactly one park");
        }
        if (role == Role.ADMIN && !sorted.contains(ANY_PARK)) {
            throw new IllegalArgumentException("an administrator reads every park (*)");
        }
        this.parks = Set.copyOf(sorted);
        this.enterprise = enterprise;
    }

    public static Caller admin(String name) {
        return new Caller(name, Role.ADMIN, Set.of(ANY_PARK), null);
    }

    /** An operator of the named parks; {@code *} among them means every park. */
    public static Caller operator(String name, Collection<String> parks) {
        return new Caller(name, Role.OPERATOR, parks, null);
    }

    public static Caller enterprise(String name, String park, String enterprise) {
        return new Caller(name, Role.ENTERPRISE, Set.of(Objects.requireNonNull(park, "park")), Objects.requireNonNull(enterprise, "enterprise"));
    }

    /** The account or token name, for logs and audit fields. */
    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The parks this caller may read, sorted; {@code [*]} for every park. */
    public Set<String> parks() {
        return new TreeSet<>(parks);
    }

    /** The parks in one word: the park id, {@code *} for every park, or the ids joined by commas. */
    public String park() {
        return String.join(",", new TreeSet<>(parks));
    }

    /** The enterprise id for the enterprise role, else {@code null}. */
    public String enterprise() {
        return enterprise;
    }

    public boolean mayRead(String parkId) {
        return parks.contains(ANY_PARK) || parks.contains(parkId);
    }

    /** True for operators and administrators: they see whole parks. */
    public boolean isOperator() {
        return role != Role.ENTERPRISE;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see {@code enterpriseId}'s own data in a park it may read. */
    public boolean maySee(String enterpriseId) {
        return isOperator() || enterprise.equals(enterpriseId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller c && name.equals(c.name) && role == c.role && parks.equals(c.parks)
                && Objects.equals(enterprise, c.enterprise);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, parks, enterprise);
    }

    @Override
    public String toString() {
        return "Caller[" + name + ", " + role.id() + ", parks " + park() + (enterprise == null ? "" : ", enterprise " + enterprise) + "]";
    }
}
