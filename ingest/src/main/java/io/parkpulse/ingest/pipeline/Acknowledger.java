package io.parkpulse.ingest.pipeline;

/**
 * Settles each message with the broker once the pipeline is done with it.
 *
 * <p>Threading: both methods are called on the pipeline's event loop, once per message, in the order messages arrived;
 * they must not block.
 */
public interface Acknowledger {

    /**
     * Every point of {@code message} is stored in InfluxDB or refused by it, and its rejection report, if it has one, is
     * settled ({@link RejectionSink}): acknowledge it to the broker, which will not deliver it again.
     */
    void acknowledge(PreparedMessage message);

    /**
     * The connection that delivered {@code message} is gone, so its packet id means nothing on the next one: drop it
     * without acknowledging; the broker delivers it again.
     */
    void forget(PreparedMessage message);
}
