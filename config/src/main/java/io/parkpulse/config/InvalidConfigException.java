package io.parkpulse.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file (or a set of them) that cannot be used. Lists every problem found, not just the first, each with
 * its file, line and field, so one run tells the user everything to fix.
 */
public class InvalidConfigException extends RuntimeException {

    private final transient List<ConfigFileError> errors;

    /** @param what names what was read, e.g. "park files" or "the gateway configuration" */
    public InvalidConfigException(String what, List<ConfigFileError> errors) {
        super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in " + what + ":\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigFileError> errors() {
        return errors;
    }
}
