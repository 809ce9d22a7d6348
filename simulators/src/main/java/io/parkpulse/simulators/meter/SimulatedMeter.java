package io.parkpulse.simulators.meter;

import io.parkpulse.contract.Reading;
import java.time.ZonedDateTime;

/**
 * A meter that can be read: advances its registers over the time since the last reading and reports
 * what a real meter of its kind would send, on the secondary side of its transformers.
 *
 * <p>Not thread-safe; one thread reads a meter.
 */
public interface SimulatedMeter {

    String id();

    /** Advances to {@code time} and returns the reading at that instant. */
    Reading read(ZonedDateTime time);
}
