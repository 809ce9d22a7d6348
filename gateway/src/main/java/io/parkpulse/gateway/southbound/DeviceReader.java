package io.parkpulse.gateway.southbound;

import java.io.IOException;

/**
 * Reads the configured points of one meter. One implementation per southbound protocol; the poller
 * calls {@link #read()} from its worker threads, never two calls at once for devices on the same
 * bus (one serial-to-TCP converter or Modbus endpoint), so implementations need no locking.
 */
public interface DeviceReader extends AutoCloseable {

    /**
     * Reads every point once. A point the meter refuses or answers badly is named in the readout's
     * problems and the other points are still returned.
     *
     * @throws IOException when the device or its bus cannot be reached at all (connection refused,
     *                     timeout before any reply); the poller counts it and retries next cycle
     */
    Readout read() throws IOException;

    /** Releases the connection; a later {@link #read()} may reconnect. */
    @Override
    void close();
}
