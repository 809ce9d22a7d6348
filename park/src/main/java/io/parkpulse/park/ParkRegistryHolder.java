package io.parkpulse.park;

import io.parkpulse.config.ConfigFileError;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park registry currently in force, swapped atomically when park files change.
 *
 * <p>{@link #get} may be called from any thread; {@link #reload} from one thread at a time (it
 * reads files).
 */
public final class ParkRegistryHolder implements Supplier<ParkRegistry> {

    private static final Logger LOG = LoggerFactory.getLogger(ParkRegistryHolder.class);

    private final ParkDirectory directory;
    private final Runnable onFailedReload;
    private volatile ParkRegistry current;
    private volatile List<ConfigFileError> lastErrors = List.of();

    /** @param onFailedReload called once for each new set of reload errors (a metric, say) */
    public ParkRegistryHolder(ParkDirectory directory, Runnable onFailedReload) {
        this.directory = directory;
        this.onFailedReload = onFailedReload;
    }

    /** Loads every park file; throws listing every problem when any file is invalid. */
    public ParkRegistry load() {
        current = directory.load();
        LOG.info("loaded {} park(s) with {} meters from {}", current.parks().size(), current.meterCount(), directory.directory());
        return current;
    }

    public void reload() {
        ParkDirectory.Reload reload = directory.reload();
        reload.changes().forEach(change -> LOG.info("park files: {}", change));
        if (!reload.errors().isEmpty()) {
            if (!reload.errors().equals(lastErrors)) {
                onFailedReload.run();
                reload.errors().forEach(e -> LOG.error("park file not reloaded, last good version stays in force: {}", e));
            }
        }
        lastErrors = reload.errors();
        current = reload.registry();
    }

    @Override
    public ParkRegistry get() {
        return current;
    }

    public List<ConfigFileError> lastErrors() {
        return lastErrors;
    }
}
