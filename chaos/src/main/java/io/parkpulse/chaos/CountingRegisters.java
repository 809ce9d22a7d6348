package io.parkpulse.chaos;

import io.parkpulse.contract.Quantity;
import io.parkpulse.emulators.MeterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Energy registers that show a new value at every read (+0.01 kWh), so a stored reading names the read it came
 * from: a missing value is a lost reading, a value stored at two times a duplicate. When each read was answered is
 * kept, to tell the read in flight at a kill from a loss. Switched off, the meters answer "no such data" and the
 * gateway has nothing more to send, so the counts can be settled.
 */
final class CountingRegisters implements MeterValues {

    static final double START_KWH = 1000;
    static final double STEP_KWH = 0.01;

    /** Per meter, when read n (1, 2, …) was answered, epoch ms, at index n - 1. */
    private final Map<String, List<Long>> answeredAt = new ConcurrentHashMap<>();
    private volatile boolean on = true;

    @Override
    public OptionalDouble latest(String meter, Quantity quantity) {
        if (!on || quantity != Quantity.ENERGY_KWH) {
            return OptionalDouble.empty();
        }
        List<Long> reads = answeredAt.computeIfAbsent(meter, m -> new ArrayList<>());
        long n;
        synchronized (reads) {
            reads.add(System.currentTimeMillis());
            n = reads.size();
        }
        return OptionalDouble.of(START_KWH + n * STEP_KWH);
    }

    /** The read number a stored value came from. */
    static long readNumber(double storedKwh) {
        return Math.round((storedKwh - START_KWH) / STEP_KWH);
    }

    long served(String meter) {
        List<Long> reads = answeredAt.get(meter);
        if (reads == null) {
            return 0;
        }
        synchronized (reads) {
            return reads.size();
        }
    }

    /** When read {@code n} of {@code meter} was answered, epoch ms. */
    long answeredAt(String meter, long n) {
        List<Long> reads = answeredAt.get(meter);
        synchronized (reads) {
            return reads.get((int) n - 1);
        }
    }

    void switchOff() {
        on = false;
    }
}
