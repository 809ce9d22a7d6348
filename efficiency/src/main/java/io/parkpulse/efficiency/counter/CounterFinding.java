package io.parkpulse.efficiency.counter;

/**
 * Something the consumption calculation noticed in a meter's readings and how it dealt with it.
 *
 * @param timeMs the reading (or event) it concerns
 * @param type   what it was
 * @param detail the values involved, for people
 */
public record CounterFinding(long timeMs, Type type, String detail) {

    public enum Type {
        /** a declared meter exchange was applied */
        EXCHANGE,
        /** a declared ratio change was applied */
        RATIO_CHANGE,
        /** the register wrapped at its modulus, and the rise it implies is possible at the meter's declared maximum rate */
        ROLLOVER,
        /**
         * the register wrapped at its modulus, no maximum rate is declared, and the rise it implies is within a few
         * times the meter's own recent rate
         */
        ROLLOVER_BY_RECENT_RATE,
        /** a transient fall or impossible rise that later readings contradict: the reading is ignored */
        GLITCH_REJECTED,
        /** a fall that is neither declared nor a plausible rollover and persists: the interval's consumption is unknown */
        UNEXPLAINED_DROP,
        /** a rise faster than the meter's maximum rate that persists: the interval's consumption is unknown */
        IMPLAUSIBLE_RISE,
        /** an odd value near the end of the data that later readings may still confirm or contradict: ignored for now */
        UNCONFIRMED,
        /** duplicate readings at one instant with different values: the larger is kept */
        CONFLICTING_DUPLICATE
    }
}
