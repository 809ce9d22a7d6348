package io.parkpulse.efficiency.counter;

import io.parkpulse.efficiency.counter.CounterFinding.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Consumption from the readings of one cumulative register (energy, volume, gas, steam, output count),
 * spread over a bucket grid. The rules, from docs/domain.md §8:
 *
 * <ul>
 *   <li>readings are taken in time order whatever order they arrived in; a repeated instant counts once;</li>
 *   <li>a declared exchange or ratio change closes the old register at its final reading and opens the new one
 *       at its start reading, each side with its own factor;</li>
 *   <li>a fall, or a rise faster than the meter's maximum rate, is a glitch when a later reading (or the declared
 *       final register of an event) continues plausibly from the last valid one before {@link #CONFIRMING_READINGS}
 *       readings advance from the odd value: the odd readings are ignored (evcc's lesson: never re-base on a
 *       transient zero). A register that stays still — stuck at zero, frozen — never confirms a reset. A first
 *       reading that is too low for the next two (they rise from it faster than the meter can), while they advance
 *       plausibly, is a glitch too; a first reading the next ones fall from and stay below is an unexplained drop, as
 *       anywhere else;</li>
 *   <li>a fall that does not recover is a rollover only when the register modulus is known and the rise it implies
 *       is possible: within what the maximum rate allows in the elapsed time when the park file declares one
 *       ({@link Type#ROLLOVER}), otherwise within {@link #RECENT_RATE_HEADROOM} times the meter's own recent rate —
 *       the fastest of its last intervals before the fall, or after it for a fall between the first two readings
 *       ({@link Type#ROLLOVER_BY_RECENT_RATE}). A wrap at the register's end implies a rise of a few units; a reset
 *       read as a wrap would imply nearly a whole register: the two are orders of magnitude apart;</li>
 *   <li>otherwise it is never guessed: once confirmed (or closed by a declared event) the interval's consumption is
 *       unknown and flagged and counting resumes from the new value; without confirmation yet (end of the data) the
 *       odd readings and those after them are ignored for now;</li>
 *   <li>the delta across a gap (a span longer than 1.5 expected intervals) is exact but its distribution in time is
 *       not: it is spread linearly and those buckets are marked estimated.</li>
 * </ul>
 *
 * Pure and stateless: late data changes the answer the next time it is asked for.
 */
public final class ConsumptionCalculator {

    /** Readings advancing from an odd value, one after another, that make it a real reset rather than a glitch. */
    public static final int CONFIRMING_READINGS = 4;
    /** Meter accuracy and timestamp jitter allowed on top of the maximum rate. */
    private static final double RATE_TOLERANCE = 1.05;
    /** How much faster than its recent intervals a meter may have advanced across a wrap without a declared maximum rate. */
    public static final double RECENT_RATE_HEADROOM = 10;
    /** How many of a meter's intervals make its recent rate. */
    static final int RECENT_INTERVALS = 8;
    private static final double EPSILON = 1e-9;

    private ConsumptionCalculator() {
    }

    public static MeterConsumption compute(Collection<CounterReading> input, CounterProfile profile, BucketGrid grid) {
        return new Run(input, profile, grid).compute();
    }

    /** @param recovery index of the reading that shows a glitch, or -1; @param persists the odd value stays */
    private record Outcome(int recovery, boolean persists) {
    }

    /** One calculation's working state. */
    private static final class Run {
        private final CounterProfile profile;
        private final BucketGrid grid;
        private final List<CounterFinding> findings = new ArrayList<>();
        private final CounterReading[] readings;
        private final double[] value;
        private final long[] knownMs;
        private final long[] estimatedMs;
        private final int[] present;

        private long lastT;
        private double lastRegister;
        private int epoch;
        /** Primary units per hour of the last accepted intervals, newest last; at most {@link #RECENT_INTERVALS}. */
        private final java.util.ArrayDeque<Double> recentRates = new java.util.ArrayDeque<>();

        Run(Collection<CounterReading> input, CounterProfile profile, BucketGrid grid) {
            this.profile = profile;
            this.grid = grid;
            this.readings = timeOrdered(input);
            int size = grid.size();
            this.value = new double[size];
            this.knownMs = new long[size];
            this.estimatedMs = new long[size];
            this.present = new int[size];
        }

        MeterConsumption compute() {
            int first = firstTrustworthy();
            if (first < readings.length) {
                accept(readings[first], profile.epochAt(readings[first].timeMs()));
            }
            int i = first + 1;
            while (i < readings.length) {
                CounterReading r = readings[i];
                crossEventsBefore(profile.epochAt(r.timeMs()));
                double factor = profile.factor(epoch);
                double rise = r.register() - lastRegister;
                if (rise >= 0 && plausible(rise * factor, lastT, r.timeMs())) {
                    noteRate(rise * factor, lastT, r.timeMs());
                    spread(lastT, r.timeMs(), rise * factor);
                    accept(r, epoch);
                    i++;
                    continue;
                }
                Outcome outcome = resolve(i);
                if (outcome.recovery() >= 0) {
                    for (int k = i; k < outcome.recovery(); k++) {
                        findings.add(new CounterFinding(readings[k].timeMs(), Type.GLITCH_REJECTED,
                                "register " + readings[k].register() + " after " + lastRegister + " ignored: a later reading"
                                        + " (or the declared final register) continues from " + lastRegister));
                    }
                    i = outcome.recovery();
                    continue;
                }
                Type wrap = rise < 0 ? rollover(lastRegister, lastT, i) : null;
                if (wrap != null) {
                    double wrapped = (rise + profile.registerModulus()) * factor;
                    findings.add(new CounterFinding(r.timeMs(), wrap, "register wrapped at " + profile.registerModulus() + ": "
                            + lastRegister + " -> " + r.register() + (wrap == Type.ROLLOVER ? ", possible at the declared maximum rate"
                            : ", within " + (int) RECENT_RATE_HEADROOM + " times the meter's recent rate")));
                    spread(lastT, r.timeMs(), wrapped);
                    accept(r, epoch);
                    i++;
                    continue;
                }
                if (!outcome.persists()) {
                    for (int k = i; k < readings.length; k++) {
                        findings.add(new CounterFinding(readings[k].timeMs(), Type.UNCONFIRMED, "register "
                                + readings[k].register() + " does not continue from " + lastRegister
                                + " and too few later readings tell a glitch from a reset: ignored for now"));
                    }
                    break;
                }
                findings.add(new CounterFinding(r.timeMs(), rise < 0 ? Type.UNEXPLAINED_DROP : Type.IMPLAUSIBLE_RISE,
                        "register " + lastRegister + " -> " + r.register() + " is neither declared nor plausible: "
                                + "consumption from " + lastT + " to " + r.timeMs() + " unknown"));
                accept(r, epoch);
                i++;
            }
            findings.sort(Comparator.comparingLong(CounterFinding::timeMs));
            return new MeterConsumption(grid, value, knownMs, estimatedMs, present, profile.expectedIntervalMs(), findings);
        }

        /** Applies the declared events between the last valid reading and a reading in epoch {@code target}. */
        private void crossEventsBefore(int target) {
            while (epoch < target) {
                CounterEvent event = profile.events().get(epoch);
                double rise = event.oldFinalRegister() - lastRegister;
                if (rise < -EPSILON) {
                    findings.add(new CounterFinding(event.timeMs(), Type.UNEXPLAINED_DROP, "declared final register "
                            + event.oldFinalRegister() + " is below the last reading " + lastRegister
                            + ": consumption up to the event unknown"));
                } else {
                    spread(lastT, event.timeMs(), Math.max(0, rise) * profile.factor(epoch));
                }
                findings.add(new CounterFinding(event.timeMs(),
                        event.type() == CounterEvent.Type.EXCHANGE ? Type.EXCHANGE : Type.RATIO_CHANGE,
                        "old register closed at " + event.oldFinalRegister() + ", new one from "
                                + event.newStartRegister() + ", factor " + event.factorAfter()));
                lastT = event.timeMs();
                lastRegister = event.newStartRegister();
                epoch++;
            }
        }

        /**
         * What follows an odd reading says about it. A later reading of the same register that continues plausibly
         * from the last valid one — or the declared final register of an event that closes it — makes the odd readings
         * a glitch ({@code recovery} is where counting resumes). {@link #CONFIRMING_READINGS} readings that each
         * advance plausibly from the one before, starting at the odd value, make it persist; a register that stays
         * still (stuck at zero or frozen) never confirms. A declared event reached without either also makes it
         * persist; the end of the data without either leaves it unconfirmed.
         */
        private Outcome resolve(int odd) {
            double factor = profile.factor(epoch);
            int confirmations = 0;
            int chain = odd;
            for (int j = odd + 1; j < readings.length; j++) {
                if (profile.epochAt(readings[j].timeMs()) != epoch) {
                    CounterEvent closing = profile.events().get(epoch);
                    double rise = closing.oldFinalRegister() - lastRegister;
                    boolean continues = rise >= 0 && plausible(rise * factor, lastT, closing.timeMs());
                    return continues ? new Outcome(j, false) : new Outcome(-1, true);
                }
                double rise = readings[j].register() - lastRegister;
                if (rise >= 0 && plausible(rise * factor, lastT, readings[j].timeMs())) {
                    return new Outcome(j, false);
                }
                double chainRise = readings[j].register() - readings[chain].register();
                if (chainRise > 0 && plausible(chainRise * factor, readings[chain].timeMs(), readings[j].timeMs())) {
                    chain = j;
                    if (++confirmations >= CONFIRMING_READINGS) {
                        return new Outcome(-1, true);
                    }
                }
            }
            return new Outcome(-1, false);
        }

        /**
         * Index of the first reading to count from: a first reading that neither of the next two continues, while
         * the second advances plausibly from the first of them, is a glitch — unless the next one wraps from it (a
         * rollover), or falls from it and the readings after stay below and advance ({@link #CONFIRMING_READINGS} of
         * them): that is a drop like any other, left to the main rules to call unexplained.
         */
        private int firstTrustworthy() {
            int first = 0;
            while (first + 2 < readings.length && !continues(readings[first], readings[first + 1])
                    && advances(readings[first + 1], readings[first + 2]) && !continues(readings[first], readings[first + 2])) {
                boolean falls = readings[first + 1].register() < readings[first].register()
                        && profile.epochAt(readings[first].timeMs()) == profile.epochAt(readings[first + 1].timeMs());
                if (falls && (rollover(readings[first].register(), readings[first].timeMs(), first + 1) != null
                        || advancingChain(first + 1) >= CONFIRMING_READINGS)) {
                    break;
                }
                findings.add(new CounterFinding(readings[first].timeMs(), Type.GLITCH_REJECTED, "first register "
                        + readings[first].register() + " is not continued by the readings after it: ignored"));
                first++;
            }
            return first;
        }

        /** {@code to} is above {@code from} by a plausible amount: a still register (stuck, frozen) does not advance. */
        private boolean advances(CounterReading from, CounterReading to) {
            return to.register() > from.register() && continues(from, to);
        }

        private boolean continues(CounterReading from, CounterReading to) {
            int fromEpoch = profile.epochAt(from.timeMs());
            if (profile.epochAt(to.timeMs()) != fromEpoch) {
                return true; // a declared event lies between them: their registers are not comparable
            }
            double rise = to.register() - from.register();
            return rise >= 0 && plausible(rise * profile.factor(fromEpoch), from.timeMs(), to.timeMs());
        }

        /**
         * Whether the fall from {@code fromRegister} (read at {@code fromMs}) to reading {@code to} is a rollover, and
         * by which rule; {@code null} when it is not one (or cannot be told).
         */
        private Type rollover(double fromRegister, long fromMs, int to) {
            if (Double.isNaN(profile.registerModulus())) {
                return null;
            }
            CounterReading r = readings[to];
            double wrapped = (r.register() - fromRegister + profile.registerModulus()) * profile.factor(profile.epochAt(fromMs));
            if (wrapped < 0 || r.timeMs() <= fromMs) {
                return null;
            }
            if (profile.canCheckRate()) {
                return plausible(wrapped, fromMs, r.timeMs()) ? Type.ROLLOVER : null;
            }
            double recent = recentRates.isEmpty() ? rateAfter(to) : recentRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double hours = (r.timeMs() - fromMs) / 3_600_000.0;
            return recent > 0 && wrapped <= recent * RECENT_RATE_HEADROOM * hours + EPSILON ? Type.ROLLOVER_BY_RECENT_RATE : null;
        }

        /** The fastest rate, primary units per hour, of up to {@link #RECENT_INTERVALS} advancing intervals from reading {@code k}; 0 when none. */
        private double rateAfter(int k) {
            double fastest = 0;
            for (int j = k + 1; j < readings.length && j <= k + RECENT_INTERVALS; j++) {
                double rise = readings[j].register() - readings[j - 1].register();
                long ms = readings[j].timeMs() - readings[j - 1].timeMs();
                int epochThere = profile.epochAt(readings[j - 1].timeMs());
                if (rise < 0 || ms <= 0 || profile.epochAt(readings[j].timeMs()) != epochThere) {
                    break;
                }
                fastest = Math.max(fastest, rise * profile.factor(epochThere) / (ms / 3_600_000.0));
            }
            return fastest;
        }

        /** How many readings from {@code k} on each advance plausibly from the one before, without a break. */
        private int advancingChain(int k) {
            int n = 0;
            for (int j = k + 1; j < readings.length && advances(readings[j - 1], readings[j]); j++) {
                n++;
            }
            return n;
        }

        private void noteRate(double primaryRise, long fromMs, long toMs) {
            if (toMs <= fromMs) {
                return;
            }
            recentRates.addLast(primaryRise / ((toMs - fromMs) / 3_600_000.0));
            if (recentRates.size() > RECENT_INTERVALS) {
                recentRates.removeFirst();
            }
        }

        private boolean plausible(double primaryRise, long fromMs, long toMs) {
            if (!profile.canCheckRate()) {
                return true;
            }
            double hours = (toMs - fromMs) / 3_600_000.0;
            return primaryRise <= profile.maxRatePerHour() * hours * RATE_TOLERANCE + EPSILON;
        }

        private void accept(CounterReading r, int readingEpoch) {
            lastT = r.timeMs();
            lastRegister = r.register();
            epoch = readingEpoch;
            int bucket = grid.bucketOf(r.timeMs());
            if (bucket >= 0) {
                present[bucket]++;
            }
        }

        /** Spreads {@code amount} linearly over [fromMs, toMs], clipped to the grid. */
        private void spread(long fromMs, long toMs, double amount) {
            boolean estimated = toMs - fromMs > profile.expectedIntervalMs() * 3 / 2;
            if (toMs <= fromMs) {
                int bucket = grid.bucketOf(fromMs);
                if (bucket >= 0) {
                    value[bucket] += amount;
                }
                return;
            }
            long start = Math.max(fromMs, grid.fromMs());
            long end = Math.min(toMs, grid.toMs());
            if (end <= start) {
                return;
            }
            double perMs = amount / (toMs - fromMs);
            for (int b = grid.bucketOf(start); b < grid.size() && grid.start(b) < end; b++) {
                long overlap = Math.min(end, grid.start(b) + grid.bucketMs()) - Math.max(start, grid.start(b));
                value[b] += perMs * overlap;
                knownMs[b] += overlap;
                if (estimated) {
                    estimatedMs[b] += overlap;
                }
            }
        }

        /** Sorted by time; of readings at one instant the largest is kept (and a conflict noted). */
        private CounterReading[] timeOrdered(Collection<CounterReading> input) {
            CounterReading[] sorted = input.toArray(new CounterReading[0]);
            Arrays.sort(sorted, Comparator.comparingLong(CounterReading::timeMs).thenComparingDouble(CounterReading::register));
            int kept = 0;
            for (CounterReading r : sorted) {
                if (kept > 0 && sorted[kept - 1].timeMs() == r.timeMs()) {
                    if (sorted[kept - 1].register() != r.register()) {
                        findings.add(new CounterFinding(r.timeMs(), Type.CONFLICTING_DUPLICATE, "registers "
                                + sorted[kept - 1].register() + " and " + r.register() + " at one instant; kept "
                                + r.register()));
                    }
                    sorted[kept - 1] = r;
                } else {
                    sorted[kept++] = r;
                }
            }
            return Arrays.copyOf(sorted, kept);
        }
    }
}
