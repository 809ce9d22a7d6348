package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import java.util.OptionalDouble;

/**
 * What an emulated meter shows on its display right now: the latest value of each quantity, as the
 * simulated meter behaviour produced it (secondary side, in the wire unit). Emulators answer protocol
 * requests from it. Thread-safe.
 */
public interface MeterValues {

    /** The latest value of {@code quantity} on {@code meter}; empty when the meter has none (yet). */
    OptionalDouble latest(String meter, Quantity quantity);
}
