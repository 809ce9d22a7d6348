package io.parkpulse.gateway.southbound.serial;

import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.southbound.DeviceReader;
import java.time.Duration;

/**
 * One RS-485 line behind a serial-to-TCP converter: every DL/T 645 and CJ/T 188 meter on it is read over
 * one TCP connection, as the line carries one question at a time anyway; many converters accept only one
 * or a few connections. The poller's bus lock makes sure one meter is asked at a time.
 */
public final class SerialBus implements AutoCloseable {

    private final FrameExchange exchange;
    private final int retries;

    public SerialBus(Endpoint endpoint, Duration timeout, int retries) {
        this.exchange = new FrameExchange(endpoint, timeout);
        this.retries = retries;
    }

    /** A reader for a DL/T 645 meter on this line; closing it leaves the line's connection to the bus. */
    public DeviceReader dlt645(DeviceSettings.Dlt645 settings) {
        return new Dlt645Reader(exchange, false, settings, retries);
    }

    /** A reader for a CJ/T 188 meter on this line; closing it leaves the line's connection to the bus. */
    public DeviceReader cjt188(DeviceSettings.Cjt188 settings) {
        return new Cjt188Reader(exchange, false, settings, retries);
    }

    @Override
    public void close() {
        exchange.close();
    }
}
