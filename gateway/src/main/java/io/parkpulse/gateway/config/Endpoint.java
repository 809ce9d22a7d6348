package io.parkpulse.gateway.config;

/**
 * A TCP endpoint of a meter bus: a Modbus TCP device or a serial-to-TCP converter in front of an
 * RS-485 line. Devices with the same endpoint share the bus and are read one after the other.
 */
public record Endpoint(String host, int port) {

    @Override
    public String toString() {
        return host + ':' + port;
    }
}
