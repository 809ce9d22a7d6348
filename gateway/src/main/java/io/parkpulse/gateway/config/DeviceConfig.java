package io.parkpulse.gateway.config;

import java.time.Duration;

/**
 * One southbound device.
 *
 * @param meter    the meter id in the park file; readings go out under it
 * @param protocol how it is read
 * @param endpoint its bus for TCP protocols; {@code null} for NB-IoT meters, which push
 * @param interval how often it is polled (NB-IoT: how often it is expected to report)
 * @param settings the protocol-specific part, with the points
 */
public record DeviceConfig(String meter, Protocol protocol, Endpoint endpoint, Duration interval, DeviceSettings settings) {

    /** This device with only its points of importance {@code minimum} or more. */
    public DeviceConfig keepingAtLeast(Importance minimum) {
        return new DeviceConfig(meter, protocol, endpoint, interval, settings.keepingAtLeast(minimum));
    }
}
