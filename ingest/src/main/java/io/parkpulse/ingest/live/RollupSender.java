package io.parkpulse.ingest.live;

/** Hands rollup messages to the broker without ever waiting. */
public interface RollupSender extends AutoCloseable {

    /** What became of one message. */
    enum Result { SENT, BUSY, DISCONNECTED }

    /** Queues {@code payload} for {@code topic} at QoS 0, or refuses at once when it cannot. Never blocks. */
    Result offer(String topic, byte[] payload);

    @Override
    void close();
}
