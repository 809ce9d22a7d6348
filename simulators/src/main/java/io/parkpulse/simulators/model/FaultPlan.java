package io.parkpulse.simulators.model;

import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultLog;
import io.parkpulse.simulators.faults.FaultRates;
import io.parkpulse.simulators.faults.FaultType;
import io.parkpulse.simulators.faults.PayloadCorruption;
import java.util.Map;

/**
 * Decides when data faults happen and records them. Every decision is a {@link SeededNoise}
 * function of (seed, entity, time or message number), so faults are reproducible; the only state is
 * the gateways' current clock skew. Inactive (no faults, nothing recorded) while the model warms up.
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
public final class FaultPlan {

    private static final double HOURS_PER_YEAR = 8766;

    private final FaultRates rates;
    private final String park;
    private final FaultLog log;
    private final String[] gateways;
    private final long[] gatewayKeys;
    private final long[] skewUntil;
    private final long[] skewOffset;
    private boolean active;

    FaultPlan(FaultRates rates, long seed, String park, String[] gateways, FaultLog log) {
        this.rates = rates;
        this.park = park;
        this.log = log;
        this.gateways = gateways.clone();
        this.gatewayKeys = new long[gateways.length];
        for (int i = 0; i < gateways.length; i++) {
            gatewayKeys[i] = SeededNoise.key(seed, "gateway:" + gateways[i]);
        }
        this.skewUntil = new long[gateways.length];
        this.skewOffset = new long[gateways.length];
    }

    void setActive(boolean active) {
        this.active = active;
    }

    private boolean happens(double perYear, long key, long stream, StepTime t, double dtHours) {
        return active && perYear > 0 && dtHours > 0
                && SeededNoise.uniform(key, stream, t.epochMs()) < perYear * dtHours / HOURS_PER_YEAR;
    }

    boolean replacementNow(long meterKey, StepTime t, double dtHours) {
        return happens(rates.replacementsPerMeterYear(), meterKey, Streams.REPLACEMENT, t, dtHours);
    }

    /** Start value of a replacement meter's register: 0 to 5 units. */
    double newRegisterStart(long meterKey, int register, long epochMs) {
        return Math.floor(SeededNoise.between(meterKey, Streams.NEW_REGISTER + 1000L * register, epochMs, 0, 5) * 100) / 100;
    }

    /** The end of a silent period starting now, or 0 when none starts. */
    long gapStarting(long meterKey, StepTime t, double dtHours) {
        if (!happens(rates.gapsPerMeterYear(), meterKey, Streams.GAP, t, dtHours)) {
            return 0;
        }
        double mean = rates.meanGap().toMillis();
        long length = Math.max(60_000, Math.min((long) (7 * 24 * 3_600_000.0),
                (long) SeededNoise.exponential(meterKey, Streams.GAP_LENGTH, t.epochMs(), mean)));
        return t.epochMs() + length;
    }

    boolean leakStarts(long meterKey, StepTime t, double dtHours) {
        return happens(rates.leaksPerWaterMeterYear(), meterKey, Streams.LEAK, t, dtHours);
    }

    /** Size of a random leak relative to the meter's night minimum: 0.5 to 3 times it. */
    double leakScale(long meterKey, long epochMs) {
        return SeededNoise.between(meterKey, Streams.LEAK_FLOW, epochMs, 0.5, 3);
    }

    /** Starts new clock-skew periods; call once per step before any reading is emitted. */
    void stepGateways(StepTime t, double dtHours) {
        for (int g = 0; g < gateways.length; g++) {
            if (t.epochMs() < skewUntil[g] || !happens(rates.skewsPerGatewayYear(), gatewayKeys[g], Streams.SKEW, t, dtHours)) {
                continue;
            }
            long key = gatewayKeys[g];
            long length = Math.max(60_000, (long) SeededNoise.exponential(key, Streams.SKEW_LENGTH, t.epochMs(),
                    rates.meanSkew().toMillis()));
            double u = SeededNoise.uniform(key, Streams.SKEW_OFFSET, t.epochMs());
            long max = rates.maxSkewOffset().toMillis();
            long magnitude = 60_000 + (long) (Math.abs(2 * u - 1) * (max - 60_000));
            long offset = (u < 0.5 ? -1 : 1) * (magnitude / 60_000 * 60_000);
            skewUntil[g] = t.epochMs() + length;
            skewOffset[g] = offset;
            record(FaultType.CLOCK_SKEW, g, null, t.epochMs(), skewUntil[g], Map.of("offset_ms", offset));
        }
    }

    /** How far gateway {@code g}'s clock is off at {@code epochMs}. */
    long skewMs(int g, long epochMs) {
        return epochMs < skewUntil[g] ? skewOffset[g] : 0;
    }

    /** Whether message {@code seq} of gateway {@code g} is published twice. */
    public boolean duplicate(int g, long seq) {
        return rates.duplicateShare() > 0 && SeededNoise.uniform(gatewayKeys[g], Streams.DUPLICATE, seq) < rates.duplicateShare();
    }

    /** Whether message {@code seq} of gateway {@code g} is corrupted. */
    public boolean malformed(int g, long seq) {
        return rates.malformedShare() > 0 && SeededNoise.uniform(gatewayKeys[g], Streams.MALFORMED, seq) < rates.malformedShare();
    }

    public PayloadCorruption.Corrupted corrupt(int g, long seq, byte[] payload) {
        return PayloadCorruption.corrupt(payload, SeededNoise.bits(gatewayKeys[g], Streams.CORRUPTION, seq));
    }

    /** Records a fault of gateway {@code g}. */
    public void record(FaultType type, int g, String meter, long startMs, Long endMs, Map<String, Object> details) {
        log.record(new FaultEvent(type, park, gateways[g], meter, startMs, endMs, details));
    }
}
