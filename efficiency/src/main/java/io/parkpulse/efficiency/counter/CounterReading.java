package io.parkpulse.efficiency.counter;

/**
 * One stored reading of a cumulative register, as InfluxDB returns it.
 *
 * @param timeMs         device time
 * @param value          primary-side value as stored (register × the factor ingest applied)
 * @param registerFactor the factor ingest applied (storage field {@code register_factor}, 1 when absent), so
 *                       the meter's own register reads {@code value / registerFactor}
 */
public record CounterReading(long timeMs, double value, double registerFactor) {

    public CounterReading {
        if (!(registerFactor > 0) || !Double.isFinite(registerFactor)) {
            throw new IllegalArgumentException("register factor must be finite and > 0, got " + registerFactor);
        }
    }

    public static CounterReading of(long timeMs, double value) {
        return new CounterReading(timeMs, value, 1.0);
    }

    /** What the meter's display showed. */
    public double register() {
        return value / registerFactor;
    }
}
