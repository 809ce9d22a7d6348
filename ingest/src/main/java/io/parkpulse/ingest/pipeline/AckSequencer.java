package io.parkpulse.ingest.pipeline;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Releases acknowledgements in the order messages arrived, as MQTT requires of QoS 1 PUBACKs: a
 * message that finished early waits for every message received before it.
 *
 * <p>When the connection that delivered messages is lost, their packet ids mean nothing on the next
 * connection; the broker will deliver them again, so they are dropped here without acknowledgement.
 *
 * <p>Event-loop confined.
 */
final class AckSequencer {

    private final ArrayDeque<PreparedMessage> inOrder = new ArrayDeque<>();
    private final Consumer<PreparedMessage> acknowledge;

    AckSequencer(Consumer<PreparedMessage> acknowledge) {
        this.acknowledge = acknowledge;
    }

    /** Registers a message in arrival order. */
    void admit(PreparedMessage message) {
        inOrder.addLast(message);
    }

    /** Marks a message finished and acknowledges every finished message at the head. */
    void complete(PreparedMessage message) {
        message.markComplete();
        while (!inOrder.isEmpty() && inOrder.peekFirst().isComplete()) {
            acknowledge.accept(inOrder.pollFirst());
        }
    }

    /** Forgets, without acknowledging, the messages of a lost connection. */
    void forgetConnection(long connection) {
        inOrder.removeIf(m -> m.source().connection() == connection);
        while (!inOrder.isEmpty() && inOrder.peekFirst().isComplete()) {
            acknowledge.accept(inOrder.pollFirst());
        }
    }

    /** Messages received and not yet acknowledged. */
    int size() {
        return inOrder.size();
    }
}
