package io.parkpulse.bench.load;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.storage.Series;
import io.parkpulse.storage.StorageSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Readings shaped like a real park's, for measuring what InfluxDB stores per reading: the load benchmark's traffic
 * repeats its values round after round, which compresses far better than meters do. Here each electricity meter has
 * its own rating and a load that follows the working day (day shift high, evenings and nights lower, Sundays low,
 * Asia/Shanghai) with noise that carries over from one read to the next; its energy register integrates that load at
 * the register's resolution (0.01 kWh), power is read to 0.0001 kW, and both are stored scaled to the primary side by
 * a CT ratio of 40 with {@code register_factor}, as ingest stores a load-park meter. Device times fall a little after
 * each scheduled read, as a gateway polls a bus meter by meter: each meter at its own offset plus a few milliseconds.
 *
 * <p>Seeded: the same arguments give the same points. Not thread-safe.
 */
final class StorageSample {

    private static final BigDecimal CT_RATIO = BigDecimal.valueOf(40);
    private static final long LOCAL_OFFSET_MS = Duration.ofHours(8).toMillis(); // Asia/Shanghai, no daylight saving
    private static final String ENERGY = Quantity.ENERGY_KWH.wireName();
    private static final String POWER = Quantity.POWER_KW.wireName();

    private final int meters;
    private final long intervalMs;
    private final long fromMs;
    private final int steps;
    private final Series[] series;
    private final long[] readOffsetMs;
    private final double[] ratedKw;
    private final double[] noise;
    private final double[] energyKwh;
    private final SplittableRandom random;

    /**
     * @param meters   electricity meters
     * @param interval time between two reads of a meter
     * @param fromMs   first scheduled read
     * @param span     how long the meters are read (the last read is before {@code fromMs + span})
     */
    StorageSample(String parkId, int meters, Duration interval, long fromMs, Duration span, long seed) {
        if (meters < 1 || interval.toMillis() < 1_000 || span.compareTo(interval) < 0) {
            throw new IllegalArgumentException("a storage sample needs at least one meter, an interval of 1 s or more and a span of one interval"
                    + " or more (got " + meters + " meters, interval " + interval + ", span " + span + ")");
        }
        this.meters = meters;
        this.intervalMs = interval.toMillis();
        this.fromMs = fromMs;
        this.steps = (int) (span.toMillis() / intervalMs);
        this.random = new SplittableRandom(seed);
        this.series = new Series[meters];
        this.readOffsetMs = new long[meters];
        this.ratedKw = new double[meters];
        this.noise = new double[meters];
        this.energyKwh = new double[meters];
        long busSlotMs = Math.min(intervalMs / 64, 250); // a bus of 32 meters is read in under half the interval
        for (int m = 0; m < meters; m++) {
            Map<String, String> tags = new HashMap<>();
            tags.put(StorageSchema.TAG_PARK, parkId);
            tags.put(StorageSchema.TAG_METER, meterId(m));
            tags.put(StorageSchema.TAG_ENTERPRISE, String.format("ent-%04d", m / 20));
            tags.put(StorageSchema.TAG_INDUSTRY, "C3484");
            series[m] = Series.of(StorageSchema.measurementOf(MeterKind.ELECTRICITY), tags);
            readOffsetMs[m] = (m % 32) * busSlotMs;
            ratedKw[m] = 1 + random.nextDouble() * 19; // secondary side: 40 to 800 kW primary
            energyKwh[m] = Math.floor(random.nextDouble() * 500_000) / 100;
        }
    }

    static String meterId(int meter) {
        return String.format("S%05d", meter);
    }

    int steps() {
        return steps;
    }

    long points() {
        return (long) steps * meters;
    }

    /** Appends the line protocol of every meter's read at step {@code step}; steps must come in order. */
    void appendStep(int step, StringBuilder out) {
        long scheduled = fromMs + step * intervalMs;
        double share = load(scheduled);
        double hours = intervalMs / 3_600_000.0;
        for (int m = 0; m < meters; m++) {
            noise[m] = 0.8 * noise[m] + 0.05 * gaussian();
            double powerKw = Math.round(Math.max(0, ratedKw[m] * share * (1 + noise[m])) * 10_000) / 10_000.0;
            energyKwh[m] += powerKw * hours;
            double register = Math.floor(energyKwh[m] * 100) / 100; // what the register shows
            long time = scheduled + readOffsetMs[m] + random.nextInt(50);
            out.append(series[m].point()
                    .field(ENERGY, primary(register))
                    .field(POWER, primary(powerKw))
                    .field(StorageSchema.FIELD_REGISTER_FACTOR, 40.0)
                    .time(time)
                    .toLine()).append('\n');
        }
    }

    /** Share of its rating a meter draws at this time: the working day of a one-shift factory. */
    static double load(long epochMs) {
        long local = epochMs + LOCAL_OFFSET_MS;
        int hour = (int) (local / 3_600_000 % 24);
        int dayOfWeek = (int) ((local / 86_400_000 + 3) % 7); // 1970-01-01 was a Thursday; 0 = Monday
        if (dayOfWeek == 6) {
            return 0.3;
        }
        if (hour >= 8 && hour < 20) {
            return 0.75;
        }
        return hour >= 6 && hour < 23 ? 0.45 : 0.25;
    }

    /** The register times the CT ratio as the decimal it is, as ingest stores it. */
    private static double primary(double register) {
        return BigDecimal.valueOf(register).multiply(CT_RATIO).doubleValue();
    }

    private double gaussian() {
        // sum of uniforms: close enough to normal for noise, and cheap
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += random.nextDouble();
        }
        return (sum - 3) / Math.sqrt(0.5);
    }
}
