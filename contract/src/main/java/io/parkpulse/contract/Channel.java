package io.parkpulse.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The last level of a ParkPulse topic: what flows on it. */
public enum Channel {
    /** Gateway to platform: {@link TelemetryMessage}s, QoS 1. */
    TELEMETRY,
    /** Gateway to platform, retained: {@link GatewayStatus}; {@code offline} is the gateway's last will. */
    STATUS,
    /** Platform to gateway: {@link RejectionReport}s naming what was rejected and why. */
    REJECTED,
    /** Platform to gateway: {@link Acknowledgement}s naming the {@code seq}s whose readings are settled (end-to-end acks). */
    ACK;

    private final String level = name().toLowerCase(Locale.ROOT);

    public String level() {
        return level;
    }

    public static Optional<Channel> byLevel(String level) {
        return Arrays.stream(values()).filter(c -> c.level.equals(level)).findFirst();
    }
}
