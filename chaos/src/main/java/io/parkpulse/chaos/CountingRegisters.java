package io.parkpulse.chaos;

import io.parkpulse.contract.Quantity;
import io.parkpulse.simulators.emulators.MeterValues;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Energy registers that show a new value at every read (+0.01 kWh), so a stored reading names the read it came
 * from: a missing value is a lost reading, a value stored at two times a duplicate. Switched off, the meters answer
 * "no such data" and the gateway has nothing more to send, so the counts can be settled.
 */
final class CountingRegisters implements MeterValues {

    static final double START_KWH = 1000;
    static final double STEP_KWH = 0.01;

    private final Map<String, AtomicLong> reads = new ConcurrentHashMap<>();
    private volatile boolean on = true;

    @Override
    public OptionalDouble latest(String meter, Quantity quantity) {
        if (!on || quantity != Quantity.ENERGY_KWH) {
            return OptionalDouble.empty();
        }
        long n = reads.computeIfAbsent(meter, m -> new AtomicLong()).incrementAndGet();
        return OptionalDouble.of(START_KWH + n * STEP_KWH);
    }

    /** The read number a stored value came from. */
    static long readNumber(double storedKwh) {
        return Math.round((storedKwh - START_KWH) / STEP_KWH);
    }

    long served(String meter) {
        AtomicLong n = reads.get(meter);
        return n == null ? 0 : n.get();
    }

    void switchOff() {
        on = false;
    }
}
