package io.parkpulse.park;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.InvalidConfigException;
import java.util.List;

/** A park file (or a set of them) that cannot be used; lists every problem found, not just the first. */
public final class InvalidParkFileException extends InvalidConfigException {

    public InvalidParkFileException(List<ConfigFileError> errors) {
        super("park files", errors);
    }
}
