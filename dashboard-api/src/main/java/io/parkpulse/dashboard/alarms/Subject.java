package io.parkpulse.dashboard.alarms;

import java.util.Locale;
import java.util.Objects;

/** What an alarm is about: a meter, an enterprise or a gateway of the park, or the park itself, by id. */
public record Subject(Kind kind, String id) {

    public enum Kind {
        METER, ENTERPRISE, GATEWAY, PARK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind byId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Subject meter(String id) {
        return new Subject(Kind.METER, id);
    }

    public static Subject enterprise(String id) {
        return new Subject(Kind.ENTERPRISE, id);
    }

    /** The park as a whole (its budgets and intensity targets). */
    public static Subject park(String id) {
        return new Subject(Kind.PARK, id);
    }

    public static Subject gateway(String id) {
        return new Subject(Kind.GATEWAY, id);
    }

    @Override
    public String toString() {
        return kind.id() + " " + id;
    }
}
