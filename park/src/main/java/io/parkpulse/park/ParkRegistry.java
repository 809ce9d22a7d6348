package io.parkpulse.park;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every park the platform knows, by id. Immutable: a reload produces a new registry. */
public final class ParkRegistry {

    private final Map<String, Park> parks;

    public ParkRegistry(Collection<Park> parks) {
        Map<String, Park> byId = new TreeMap<>();
        for (Park park : parks) {
            if (byId.putIfAbsent(park.id(), park) != null) {
                throw new IllegalArgumentException("park " + park.id() + " is declared twice");
            }
        }
        this.parks = Collections.unmodifiableMap(byId);
    }

    public Optional<Park> park(String id) {
        return Optional.ofNullable(parks.get(id));
    }

    public Collection<Park> parks() {
        return parks.values();
    }

    public int meterCount() {
        return parks.values().stream().mapToInt(p -> p.meters().size()).sum();
    }
}
