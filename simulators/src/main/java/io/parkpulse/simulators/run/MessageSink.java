package io.parkpulse.simulators.run;

/**
 * Where a run's messages go: a broker, a file, a counter.
 *
 * <p>{@link #send} is called by the one simulation thread, in the order messages are made; an
 * implementation may publish them on other threads but must keep each gateway's order.
 */
public interface MessageSink extends AutoCloseable {

    /** Hands over a message; may block to apply back-pressure. */
    void send(OutgoingMessage message) throws InterruptedException;

    /**
     * Waits until every message handed over is delivered, then releases resources.
     *
     * @throws java.io.UncheckedIOException or another unchecked exception when delivery failed
     */
    @Override
    default void close() {
    }
}
