package io.parkpulse.contract;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Payload of the retained {@code status} topic: the plain UTF-8 text {@code online} or {@code offline}.
 * A gateway publishes {@code online} after connecting and registers {@code offline} as its last will.
 */
public enum GatewayStatus {
    ONLINE("online"),
    OFFLINE("offline");

    private final String text;

    GatewayStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public byte[] payload() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Optional<GatewayStatus> parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        for (GatewayStatus s : values()) {
            if (s.text.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
