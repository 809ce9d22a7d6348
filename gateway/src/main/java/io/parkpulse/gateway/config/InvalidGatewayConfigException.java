package io.parkpulse.gateway.config;

import io.parkpulse.config.ConfigFileError;
import java.util.List;
import java.util.stream.Collectors;

/** A gateway configuration that cannot be used; lists every problem found, each with file, line and field. */
public final class InvalidGatewayConfigException extends RuntimeException {

    private final transient List<ConfigFileError> errors;

    public InvalidGatewayConfigException(List<ConfigFileError> errors) {
        super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the gateway configuration:\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigFileError> errors() {
        return errors;
    }
}
