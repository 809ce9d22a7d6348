package io.parkpulse.efficiency.counter;

import java.util.Comparator;
import java.util.List;

/**
 * What is known about one meter's register, from the park file.
 *
 * @param initialFactor      CT × PT (or multiplier) before the first event
 * @param registerModulus    where the register wraps to zero (1 000 000 for DL/T 645's XXXXXX.XX kWh), in register
 *                           units; {@code NaN} when unknown — then no fall is ever read as a rollover
 * @param maxRatePerHour     the most the meter can advance in an hour, in primary units (kWh per hour = the
 *                           connection's maximum kW); {@code NaN} when unknown — then a rollover is judged against
 *                           the meter's own recent rate and rises are not checked
 * @param expectedIntervalMs how often readings are expected (15 min for most meters); longer spans are gaps
 * @param events             declared exchanges and ratio changes, any order
 */
public record CounterProfile(double initialFactor, double registerModulus, double maxRatePerHour,
                             long expectedIntervalMs, List<CounterEvent> events) {

    public static final long QUARTER_HOUR_MS = 15 * 60_000L;

    public CounterProfile {
        if (!(initialFactor > 0) || !Double.isFinite(initialFactor)) {
            throw new IllegalArgumentException("initial factor must be finite and > 0, got " + initialFactor);
        }
        if (expectedIntervalMs <= 0) {
            throw new IllegalArgumentException("expected interval must be > 0");
        }
        events = events.stream().sorted(Comparator.comparingLong(CounterEvent::timeMs)).toList();
    }

    /** A meter connected directly, without a known modulus or maximum rate, read every 15 minutes. */
    public static CounterProfile plain() {
        return new CounterProfile(1.0, Double.NaN, Double.NaN, QUARTER_HOUR_MS, List.of());
    }

    /** This profile with the register's modulus alone: rollovers judged against the meter's recent rate. */
    public CounterProfile withModulus(double modulus) {
        return new CounterProfile(initialFactor, modulus, Double.NaN, expectedIntervalMs, events);
    }

    public CounterProfile withModulus(double modulus, double maxRatePerHour) {
        return new CounterProfile(initialFactor, modulus, maxRatePerHour, expectedIntervalMs, events);
    }

    public CounterProfile withEvents(List<CounterEvent> newEvents) {
        return new CounterProfile(initialFactor, registerModulus, maxRatePerHour, expectedIntervalMs, newEvents);
    }

    public CounterProfile withExpectedInterval(long intervalMs) {
        return new CounterProfile(initialFactor, registerModulus, maxRatePerHour, intervalMs, events);
    }

    /** Factor in force in epoch {@code epoch} (0 before the first event, k after the k-th). */
    double factor(int epoch) {
        return epoch == 0 ? initialFactor : events.get(epoch - 1).factorAfter();
    }

    /** Number of events at or before {@code timeMs}: the register epoch a reading at that time belongs to. */
    int epochAt(long timeMs) {
        int epoch = 0;
        while (epoch < events.size() && events.get(epoch).timeMs() <= timeMs) {
            epoch++;
        }
        return epoch;
    }

    boolean canCheckRate() {
        return !Double.isNaN(maxRatePerHour);
    }

}
