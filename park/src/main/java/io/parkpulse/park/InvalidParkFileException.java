package io.parkpulse.park;

import io.parkpulse.config.ConfigFileError;
import java.util.List;
import java.util.stream.Collectors;

/** A park file (or a set of them) that cannot be used; lists every problem found, not just the first. */
public final class InvalidParkFileException extends RuntimeException {

    private final transient List<ConfigFileError> errors;

    public InvalidParkFileException(List<ConfigFileError> errors) {
        super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in park files:\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigFileError> errors() {
        return errors;
    }
}
