package io.parkpulse.gateway.config;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.InvalidConfigException;
import java.util.List;

/** A gateway configuration that cannot be used; lists every problem found, each with file, line and field. */
public final class InvalidGatewayConfigException extends InvalidConfigException {

    public InvalidGatewayConfigException(List<ConfigFileError> errors) {
        super("the gateway configuration", errors);
    }
}
