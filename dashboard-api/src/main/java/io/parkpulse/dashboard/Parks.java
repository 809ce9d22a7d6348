package io.parkpulse.dashboard;

import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkFileError;
import io.parkpulse.park.ParkRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parks in force and their efficiency models, swapped when park files change; a file that stops being valid
 * leaves its last good version in force. {@link #model} may be called from any thread, {@link #reload} from one at a
 * time.
 */
public final class Parks {

    private static final Logger LOG = LoggerFactory.getLogger(Parks.class);

    private final ParkDirectory directory;
    private volatile ParkRegistry registry;
    private volatile List<ParkFileError> lastErrors = List.of();
    /** Models by park, rebuilt only when a park's file changed (a new Park object). */
    private final Map<String, ParkModel> models = new ConcurrentHashMap<>();

    public Parks(ParkDirectory directory) {
        this.directory = directory;
    }

    /** Loads every park file; throws listing every problem when any file is invalid. */
    public void load() {
        registry = directory.load();
        LOG.info("loaded {} park(s) from {}", registry.parks().size(), directory.directory());
    }

    public void reload() {
        ParkDirectory.Reload reload = directory.reload();
        reload.changes().forEach(change -> LOG.info("park files: {}", change));
        if (!reload.errors().isEmpty() && !reload.errors().equals(lastErrors)) {
            reload.errors().forEach(e -> LOG.error("park file not reloaded, last good version stays in force: {}", e));
        }
        lastErrors = reload.errors();
        registry = reload.registry();
    }

    public List<ParkFileError> lastErrors() {
        return lastErrors;
    }

    /** The park's model, or empty when no such park is loaded. */
    public Optional<ParkModel> model(String parkId) {
        Optional<Park> park = registry.park(parkId);
        if (park.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(models.compute(parkId, (id, m) -> m != null && m.park() == park.get() ? m : new ParkModel(park.get())));
    }
}
