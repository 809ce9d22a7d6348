package io.parkpulse.ingest.pipeline;

import java.util.ArrayDeque;

/**
 * Releases acknowledgements in the order messages arrived, as MQTT requires of QoS 1 PUBACKs: a
 * message that finished early waits for every message received before it.
 *
 * <p>When the connection that delivered messages is lost, their packet ids mean nothing on the next
 * connection; the broker will deliver them again, so they are dropped here without acknowledgement.
 *
 * <p>Event-loop confined, except {@link #size}.
 */
final class AckSequencer {

    private final ArrayDeque<PreparedMessage> inOrder = new ArrayDeque<>();
    private final Acknowledger acknowledger;
    /** The deque's size, published for readers off the event loop (metrics, /health). */
    private volatile int size;

    /** @param acknowledger receives each message to acknowledge, in arrival order, and each one dropped with its lost connection */
    AckSequencer(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** Registers a message in arrival order. */
    void admit(PreparedMessage message) {
        inOrder.addLast(message);
        size = inOrder.size();
    }

    /** Marks a message finished and acknowledges every finished message at the head. */
    void complete(PreparedMessage message) {
        message.markComplete();
        releaseHead();
    }

    /** Forgets, without acknowledging, the messages of a lost connection. */
    void forgetConnection(long connection) {
        inOrder.removeIf(m -> {
            if (m.source().connection() == connection) {
                acknowledger.forget(m);
                return true;
            }
            return false;
        });
        releaseHead();
    }

    /** Acknowledges the finished messages at the head, stopping at the first unfinished one. */
    private void releaseHead() {
        while (!inOrder.isEmpty() && inOrder.peekFirst().isComplete()) {
            acknowledger.acknowledge(inOrder.pollFirst());
        }
        size = inOrder.size();
    }

    /** Messages received and not yet acknowledged; safe to read from any thread. */
    int size() {
        return size;
    }
}
