package io.parkpulse.tools.broker;

import java.util.List;
import java.util.Objects;

/**
 * One MQTT account on the broker and everything it may do.
 *
 * @param name        user name in the password and ACL files
 * @param service     who uses it: {@code ingest}, {@code dashboard}, {@code simulator}, {@code monitor} or {@code gateway}
 * @param passwordEnv the environment variable the service reads its password from
 * @param rules       the only topics it may touch; Mosquitto denies everything else
 */
public record BrokerUser(String name, String service, String passwordEnv, List<AclRule> rules) {

    public BrokerUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
        rules = List.copyOf(rules);
    }
}
