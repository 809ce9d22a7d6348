package io.parkpulse.simulators.faults;

import java.util.Locale;

/** The data faults the simulator injects and records as ground truth. */
public enum FaultType {
    /** A meter was exchanged: its cumulative registers restart near zero. */
    METER_REPLACEMENT,
    /** A cumulative register passed its modulus and started again from zero. */
    ROLLOVER,
    /** A meter sent nothing for a period (its registers kept counting). */
    GAP,
    /** The same message bytes were published twice. */
    DUPLICATE_MESSAGE,
    /** A gateway's clock was off: its readings carry shifted timestamps for a period. */
    CLOCK_SKEW,
    /** A message's bytes were corrupted so that it is not valid JSON. */
    MALFORMED_PAYLOAD,
    /** A leak behind a water meter: extra flow day and night from its start. */
    LEAK;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name in the fault log. */
    public String wireName() {
        return wireName;
    }
}
