package io.parkpulse.gateway.config;

import java.util.Optional;

/** The southbound protocols, with their names in the configuration file. */
public enum Protocol {
    MODBUS("modbus"),
    DLT645("dlt645"),
    CJT188("cjt188"),
    NBIOT("nbiot");

    private final String configName;

    Protocol(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<Protocol> byConfigName(String name) {
        for (Protocol p : values()) {
            if (p.configName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
