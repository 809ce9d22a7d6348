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
 * kept, to pick the reads of a fault's window and to tell the read in flight at a kill from a loss.
 */
final class CountingRegisters implements MeterValues {

    static final double START_KWH = 1000;
    static final double STEP_KWH = 0.01;

    /** Per meter, when read n (1, 2, …) was answered, epoch ms, at index n - 1. */
    private final Map<String, List<Long>> answeredAt = new ConcurrentHashMap<>();

    /** Reads {@code first} to {@code last} of one meter (read numbers, 1-based); none when last &lt; first. */
    record Reads(long first, long last) {
        long count() {
            return Math.max(0, last - first + 1);
        }

        boolean contains(long n) {
            return n >= first && n <= last;
        }
    }

    @Override
    public OptionalDouble latest(String meter, Quantity quantity) {
        if (quantity != Quantity.ENERGY_KWH) {
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

    /** The reads of {@code meter} answered from {@code fromMs} to {@code toMs}, epoch ms, both included. */
    Reads answeredBetween(String meter, long fromMs, long toMs) {
        List<Long> reads = answeredAt.getOrDefault(meter, List.of());
        long first = 0;
        long last = -1;
        synchronized (reads) {
            for (int i = 0; i < reads.size(); i++) {
                long at = reads.get(i);
                if (at >= fromMs && at <= toMs) {
                    first = first == 0 ? i + 1 : first;
                    last = i + 1;
                }
            }
        }
        return first == 0 ? new Reads(1, 0) : new Reads(first, last);
    }
}
