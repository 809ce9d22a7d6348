package io.parkpulse.ingest.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * At most {@code limit} messages received and not yet acknowledged (or forgotten): the bound on what
 * ingest holds, enforced by ingest itself.
 *
 * <p>Why not only the MQTT 5 receive maximum: Mosquitto 2.0.11 (Debian 12) stops honouring it once
 * acknowledgements flow — with receive maximum 10 and a consumer acking after 100 ms, the broker had
 * 200 messages outstanding (mosquitto issue #2301: PUBACKs mis-accounted in the outgoing quota). So
 * the receiving thread takes a permit per message and waits when none is left; while it waits, Paho
 * stops reading the socket and TCP carries the backpressure to the broker.
 *
 * <p>Thread-safe: {@link #admit} runs on Paho's callback thread, {@link #release} on the event loop.
 */
final class InFlightLimit {

    private static final long POLL_MS = 100;

    private final Semaphore permits;

    InFlightLimit(int limit) {
        this.permits = new Semaphore(limit);
    }

    /**
     * Takes a permit, waiting while none is free.
     *
     * @param connected checked while waiting: Paho's shutdown waits for this thread, so waiting must
     *                  end when the connection goes away
     * @return false when the connection went away first; the message must then be dropped (unacknowledged,
     *         the broker delivers it again)
     */
    boolean admit(BooleanSupplier connected) throws InterruptedException {
        while (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
            if (!connected.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** A message left ingest's hands: acknowledged, or forgotten with its lost connection. */
    void release() {
        permits.release();
    }
}
