package io.parkpulse.simulators.model;

/**
 * Where registers stand when a simulation starts. A register starts at a seeded offset plus what
 * the meter could at most have counted since {@link #ORIGIN_MS} (its ceiling rate × elapsed time),
 * so a later run of the same park and seed starts every register at or above where an earlier run
 * left it: restarting the simulator looks like a gap in the data, never like a counter going
 * backwards. Meters picked for rollover start close below their modulus instead.
 */
final class RegisterStart {

    /** 2024-01-01T00:00+08:00. */
    static final long ORIGIN_MS = 1_704_038_400_000L;
    /** Expected rate as a share of the ceiling, to place rollover meters so that they wrap soon after the start. */
    private static final double EXPECTED_SHARE_OF_CEILING = 0.4;
    private static final double HOURS_PER_YEAR = 8766;

    private final long warmStartMs;
    private final long fromMs;
    private final double rolloverShare;

    RegisterStart(long warmStartMs, long fromMs, double rolloverShare) {
        this.warmStartMs = warmStartMs;
        this.fromMs = fromMs;
        this.rolloverShare = rolloverShare;
    }

    /**
     * @param key            the meter's key
     * @param index          which of the meter's registers
     * @param ceilingPerHour most register units the meter can count in an hour
     */
    Register create(long key, int index, double modulus, int decimals, double ceilingPerHour) {
        long stream = Streams.REGISTER_START + 1000L * index;
        double value;
        if (rolloverShare > 0 && SeededNoise.uniform(key, Streams.ROLLOVER, index) < rolloverShare) {
            double hoursUntilWrap = (fromMs - warmStartMs) / 3_600_000.0 + SeededNoise.between(key, Streams.ROLLOVER_AHEAD, index, 1, 36);
            value = Math.max(0, modulus - EXPECTED_SHARE_OF_CEILING * ceilingPerHour * hoursUntilWrap);
        } else {
            double hours = Math.max(0, (warmStartMs - ORIGIN_MS) / 3_600_000.0);
            // a seeded head start of up to a year at the ceiling rate (or 30 % of the register), then the time since the origin
            double headStart = Math.min(0.3 * modulus, HOURS_PER_YEAR * ceilingPerHour) * SeededNoise.uniform(key, stream, 0);
            value = (headStart + ceilingPerHour * hours) % modulus;
        }
        double scale = Math.pow(10, decimals);
        return new Register(modulus, decimals, Math.min(Math.floor(value * scale) / scale, modulus - 1 / scale));
    }
}
