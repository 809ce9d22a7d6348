package io.parkpulse.ingest.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * At most {@code maxMessages} messages, and at most {@code maxBytes} of their payloads, received and not yet
 * acknowledged (or forgotten): the bound on what ingest holds, enforced by ingest itself.
 *
 * <p>Why a message count and not only the MQTT 5 receive maximum: Mosquitto 2.0.11 stops honouring it once
 * acknowledgements flow — with receive maximum 10 and a consumer acking after 100 ms, the broker had 200 messages
 * outstanding (mosquitto issue #2301: PUBACKs mis-accounted in the outgoing quota). Why bytes as well: the count has
 * to be large so that one-reading messages still make large InfluxDB writes, and a count that large would let large
 * messages fill the heap; the bytes bound keeps memory proportional to what is held whatever the message size.
 *
 * <p>The receiving thread takes permits per message and waits when none is left; while it waits, Paho stops reading
 * the socket and TCP carries the backpressure to the broker. A message larger than the whole byte budget takes all
 * of it, so it still passes, alone.
 *
 * <p>Thread-safe: {@link #admit} runs on Paho's callback thread, {@link #release} on the event loop.
 */
final class InFlightLimit {

    private static final long POLL_MS = 100;

    private final Semaphore messages;
    private final Semaphore bytes;
    private final int maxBytes;

    InFlightLimit(int maxMessages, int maxBytes) {
        this.messages = new Semaphore(maxMessages);
        this.bytes = new Semaphore(maxBytes);
        this.maxBytes = maxBytes;
    }

    /**
     * Takes a message's permits, waiting while they are not free.
     *
     * @param payloadBytes the message's payload size
     * @param connected    checked while waiting: Paho's shutdown waits for this thread, so waiting must end when the
     *                     connection goes away
     * @return false when the connection went away first; the message must then be dropped (unacknowledged, the broker
     *         delivers it again)
     */
    boolean admit(int payloadBytes, BooleanSupplier connected) throws InterruptedException {
        if (!acquire(messages, 1, connected)) {
            return false;
        }
        if (!acquire(bytes, charged(payloadBytes), connected)) {
            messages.release();
            return false;
        }
        return true;
    }

    /** A message left ingest's hands: acknowledged, or forgotten with its lost connection. */
    void release(int payloadBytes) {
        bytes.release(charged(payloadBytes));
        messages.release();
    }

    private int charged(int payloadBytes) {
        return Math.max(0, Math.min(payloadBytes, maxBytes));
    }

    private static boolean acquire(Semaphore semaphore, int permits, BooleanSupplier connected) throws InterruptedException {
        while (!semaphore.tryAcquire(permits, POLL_MS, TimeUnit.MILLISECONDS)) {
            if (!connected.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }
}
