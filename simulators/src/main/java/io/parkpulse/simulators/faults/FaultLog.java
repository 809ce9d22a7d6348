package io.parkpulse.simulators.faults;

/**
 * Where injected faults are recorded. Later components (counter engine, data-quality checks) read
 * the log as ground truth.
 *
 * <p>Implementations need not be thread-safe: the simulation thread is the only writer.
 */
@FunctionalInterface
public interface FaultLog extends AutoCloseable {

    void record(FaultEvent event);

    @Override
    default void close() {
    }

    /** A log that forgets everything. */
    static FaultLog discard() {
        return event -> { };
    }
}
