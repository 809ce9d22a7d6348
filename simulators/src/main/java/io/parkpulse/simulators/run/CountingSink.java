package io.parkpulse.simulators.run;

/**
 * Counts messages and bytes and drops them: a run without a broker, for measuring the model.
 *
 * <p>Not thread-safe; the simulation thread sends.
 */
public final class CountingSink implements MessageSink {

    private final RunStats stats;
    private long bytes;

    public CountingSink(RunStats stats) {
        this.stats = stats;
    }

    @Override
    public void send(OutgoingMessage message) {
        bytes += message.payload().length;
        stats.delivered(message);
    }

    public long bytes() {
        return bytes;
    }
}
