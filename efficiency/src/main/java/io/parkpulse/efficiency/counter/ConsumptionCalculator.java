package io.parkpulse.efficiency.counter;

import io.parkpulse.efficiency.counter.CounterFinding.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Consumption from the readings of one cumulative register (energy, volume, gas, steam, output count),
 * spread over a bucket grid. The rules, from domain.md section 8:
 *
 * <ul>
 *   <li>readings are taken in time order whatever order they arrived in; a repeated instant counts once;</li>
 *   <li>a declared exchange or ratio change closes the old register at its final reading and opens the new one
 *       at its start reading, each side with its own factor;</li>
 *   <li>a fall, or a rise faster than the meter's maximum rate, is a glitch when a reading within
 *       {@link #RECOVERY_WINDOW_MS} returns to a plausible continuation of the last valid one before
 *       {@link #CONFIRMING_READINGS} readings advance from the odd value: the odd readings are ignored (evcc's lesson:
 *       never re-base on a transient zero);</li>
 *   <li>otherwise a fall is a rollover only when the register modulus and maximum rate are known and the rise it
 *       implies is achievable in the elapsed time;</li>
 *   <li>otherwise it is never guessed: the interval's consumption is unknown and flagged, and counting resumes from
 *       the new value; at the end of the data, where later readings may still explain it, it is ignored for now;</li>
 *   <li>the delta across a gap (a span longer than 1.5 expected intervals) is exact but its distribution in time is
 *       not: it is spread linearly and those buckets are marked estimated.</li>
 * </ul>
 *
 * Pure and stateless: late data changes the answer the next time it is asked for.
 */
public final class ConsumptionCalculator {

    /** How long after an odd reading a return to normal still makes it a glitch. */
    public static final long RECOVERY_WINDOW_MS = 24 * 3_600_000L;
    /** Readings advancing from an odd value that make it a real reset rather than a glitch. */
    public static final int CONFIRMING_READINGS = 4;
    /** Meter accuracy and timestamp jitter allowed on top of the maximum rate. */
    private static final double RATE_TOLERANCE = 1.05;
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
            if (readings.length > 0) {
                accept(readings[0], profile.epochAt(readings[0].timeMs()));
            }
            int i = 1;
            while (i < readings.length) {
                CounterReading r = readings[i];
                crossEventsBefore(profile.epochAt(r.timeMs()));
                double factor = profile.factor(epoch);
                double rise = r.register() - lastRegister;
                if (rise >= 0 && plausible(rise * factor, lastT, r.timeMs())) {
                    spread(lastT, r.timeMs(), rise * factor);
                    accept(r, epoch);
                    i++;
                    continue;
                }
                Outcome outcome = resolve(i);
                if (outcome.recovery() > 0) {
                    for (int k = i; k < outcome.recovery(); k++) {
                        findings.add(new CounterFinding(readings[k].timeMs(), Type.GLITCH_REJECTED,
                                "register " + readings[k].register() + " after " + lastRegister + " ignored: the reading at "
                                        + readings[outcome.recovery()].timeMs() + " continues from " + lastRegister));
                    }
                    i = outcome.recovery();
                    continue;
                }
                if (rise < 0 && isRollover(rise, r.timeMs())) {
                    double wrapped = (rise + profile.registerModulus()) * factor;
                    findings.add(new CounterFinding(r.timeMs(), Type.ROLLOVER, "register wrapped at "
                            + profile.registerModulus() + ": " + lastRegister + " -> " + r.register()));
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
         * What the readings after an odd one say about it: a later reading that continues plausibly from the last
         * valid one makes it a glitch; {@link #CONFIRMING_READINGS} readings that advance plausibly from the odd
         * value (or the end of the recovery window, or a declared event) make it persist; fewer make it unconfirmed.
         */
        private Outcome resolve(int odd) {
            long until = readings[odd].timeMs() + RECOVERY_WINDOW_MS;
            double factor = profile.factor(epoch);
            int confirmations = 0;
            int chain = odd;
            for (int j = odd + 1; j < readings.length; j++) {
                if (readings[j].timeMs() > until || profile.epochAt(readings[j].timeMs()) != epoch) {
                    return new Outcome(-1, true);
                }
                double rise = readings[j].register() - lastRegister;
                if (rise >= 0 && plausible(rise * factor, lastT, readings[j].timeMs())) {
                    return new Outcome(j, false);
                }
                double chainRise = readings[j].register() - readings[chain].register();
                // a register stuck at zero is a failing meter, not a new one: it never confirms a reset
                if (chainRise >= 0 && readings[j].register() > 0
                        && plausible(chainRise * factor, readings[chain].timeMs(), readings[j].timeMs())) {
                    chain = j;
                    if (++confirmations >= CONFIRMING_READINGS) {
                        return new Outcome(-1, true);
                    }
                }
            }
            return new Outcome(-1, false);
        }

        private boolean isRollover(double rise, long timeMs) {
            return profile.knowsRollover()
                    && plausible((rise + profile.registerModulus()) * profile.factor(epoch), lastT, timeMs);
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
