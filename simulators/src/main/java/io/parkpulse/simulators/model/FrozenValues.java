package io.parkpulse.simulators.model;

import java.util.Arrays;

/**
 * An NB-IoT meter's frozen data: it freezes its register every freeze interval of local time and,
 * once a block of the day is complete, holds it until the uplink time (block end plus a jitter
 * derived from the meter's key: for one uplink a day, 00:30 to 06:00 local). Two fixed buffers;
 * no history beyond the block being sent.
 *
 * <p>Not thread-safe.
 */
final class FrozenValues {

    private final int freezeSeconds;
    private final int blockSeconds;
    private final int blocksPerDay;
    private final long jitterMs;
    private double[] collecting;
    private double[] pending;
    private long collectingBlock = Long.MIN_VALUE;
    private long collectingStartMs;
    private long pendingStartMs;
    private long pendingSendAt = Long.MAX_VALUE;

    /** @param slotKey the meter's own key for its uplink slot */
    FrozenValues(NbIotSettings settings, long slotKey) {
        this.freezeSeconds = settings.freezeSeconds();
        this.blockSeconds = settings.blockSeconds();
        this.blocksPerDay = settings.uplinksPerDay();
        int perBlock = settings.valuesPerUplink();
        this.collecting = new double[perBlock];
        this.pending = new double[perBlock];
        Arrays.fill(collecting, Double.NaN);
        Arrays.fill(pending, Double.NaN);
        // vendors stagger uplinks to spare the cell: 1/48 to 1/4 of the block after its end (00:30-06:00 for daily)
        long blockMs = blockSeconds * 1000L;
        double u = SeededNoise.uniform(slotKey, Streams.NB_JITTER, 0);
        this.jitterMs = (blockMs / 48 + (long) (u * (blockMs / 4 - blockMs / 48))) / 1000 * 1000;
    }

    /** Records the register if {@code time} is a freeze instant; completes the previous block when a new one begins. */
    void freeze(StepTime time, double register) {
        if (!time.isLocalMultipleOf(freezeSeconds)) {
            return;
        }
        long block = time.epochDay() * blocksPerDay + time.secondOfDay() / blockSeconds;
        int index = (time.secondOfDay() % blockSeconds) / freezeSeconds;
        if (block != collectingBlock) {
            if (collectingBlock != Long.MIN_VALUE) {
                double[] done = collecting;
                collecting = pending;
                pending = done;
                pendingStartMs = collectingStartMs;
                pendingSendAt = collectingStartMs + blockSeconds * 1000L + jitterMs;
            }
            Arrays.fill(collecting, Double.NaN);
            collectingBlock = block;
            collectingStartMs = time.epochMs() - index * (long) freezeSeconds * 1000;
        }
        collecting[index] = register;
    }

    /** Whether a completed block waits to be sent at or before {@code epochMs}. */
    boolean due(long epochMs) {
        return epochMs >= pendingSendAt;
    }

    int size() {
        return pending.length;
    }

    /** Frozen value {@code i} of the block to send, NaN where none was frozen. */
    double value(int i) {
        return pending[i];
    }

    long timeOf(int i) {
        return pendingStartMs + i * (long) freezeSeconds * 1000;
    }

    void sent() {
        pendingSendAt = Long.MAX_VALUE;
        Arrays.fill(pending, Double.NaN);
    }
}
