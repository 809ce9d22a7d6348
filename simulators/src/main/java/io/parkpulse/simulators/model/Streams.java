package io.parkpulse.simulators.model;

/** Stream numbers of {@link SeededNoise}: one per independent random quantity, so that none share numbers. */
final class Streams {
    static final long DEMAND = 1;
    static final long TIER_ORDER = 2;
    static final long TIER_OFFSET = 3;
    static final long EFFICIENCY_JITTER = 4;
    static final long EFFICIENCY_WALK = 5;
    static final long LOADING = 6;
    static final long SUB_SHARE = 7;
    static final long POWER_NOISE = 8;
    static final long POWER_FACTOR = 9;
    static final long VOLTAGE = 10;
    static final long FREQUENCY = 11;
    static final long FLOW_NOISE = 12;
    static final long FLOW_SHARE = 13;
    static final long MACHINE_SHARE = 14;
    static final long MACHINE_FAULT = 15;
    static final long MACHINE_FAULT_LENGTH = 16;
    static final long TEMPERATURE = 17;
    static final long REGISTER_START = 18;
    static final long NB_JITTER = 19;
    static final long BATTERY = 20;
    static final long SIGNAL = 21;
    static final long PRICE = 22;
    static final long STAFF = 23;
    static final long MONEY_JITTER = 24;
    static final long PRESSURE = 25;
    static final long CAPACITY = 26;
    static final long GROWTH = 27;
    static final long INTENSITY_TREND = 28;

    static final long REPLACEMENT = 101;
    static final long NEW_REGISTER = 102;
    static final long ROLLOVER = 103;
    static final long ROLLOVER_AHEAD = 104;
    static final long GAP = 105;
    static final long GAP_LENGTH = 106;
    static final long LEAK = 107;
    static final long LEAK_FLOW = 108;
    static final long SKEW = 109;
    static final long SKEW_LENGTH = 110;
    static final long SKEW_OFFSET = 111;
    static final long DUPLICATE = 112;
    static final long MALFORMED = 113;
    static final long CORRUPTION = 114;

    private Streams() {
    }
}
