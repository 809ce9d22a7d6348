package io.parkpulse.dashboard;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistryHolder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parks in force (the park module's {@link ParkRegistryHolder}: swapped when park files change, a file that
 * stops being valid leaving its last good version in force) and their efficiency models, built once per version of
 * a park file.
 */
public final class Parks {

    private final ParkRegistryHolder registry;
    private final Map<String, ParkModel> models = new ConcurrentHashMap<>();

    public Parks(ParkDirectory directory) {
        this.registry = new ParkRegistryHolder(directory, () -> { });
    }

    /** Loads every park file; throws listing every problem when any file is invalid. */
    public void load() {
        registry.load();
    }

    public void reload() {
        registry.reload();
    }

    public List<ConfigFileError> lastErrors() {
        return registry.lastErrors();
    }

    /** The ids of the parks loaded now (they change when park files are added or removed). */
    public java.util.Collection<String> ids() {
        return registry.get().parks().stream().map(io.parkpulse.park.Park::id).toList();
    }

    /** The park's model, or empty when no such park is loaded. */
    public Optional<ParkModel> model(String parkId) {
        Optional<Park> park = registry.get().park(parkId);
        if (park.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(models.compute(parkId, (id, m) -> m != null && m.park() == park.get() ? m : new ParkModel(park.get())));
    }
}
