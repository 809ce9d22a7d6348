package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.Series;
import io.parkpulse.storage.StorageSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a reading that passed the contract into a storage point for its meter: the measurement of
 * the meter's kind, the park/meter/enterprise/industry tags, and each value scaled to the primary
 * side by the meter's ratios. Values the meter cannot report are rejected one by one.
 *
 * <p>A meter's measurement and tags are escaped once and reused until the park registry changes.
 * Not thread-safe: one instance per calling thread (ingest calls it from the MQTT callback thread).
 */
final class ReadingEnricher {

    private static final double[] POWERS_OF_TEN = new double[23];
    /** Significant digits kept of a scaled value: more than any meter register carries. */
    private static final int SIGNIFICANT_DIGITS = 12;

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Math.pow(10, i);
        }
    }

    /** Keyed by the registry's own meter objects (identity), so the hot path builds no key string. */
    private final Map<Meter, Series> seriesByMeter = new java.util.IdentityHashMap<>();
    private ParkRegistry seriesFrom;

    /** Forgets cached series when the registry in force is another one (a park file changed). */
    void use(ParkRegistry registry) {
        if (registry != seriesFrom) {
            seriesByMeter.clear();
            seriesFrom = registry;
        }
    }

    /**
     * @param position   the reading's index in its message, for reports
     * @param rejections receives a rejection for each value the meter cannot report
     * @return the point, or {@code null} when no value of the reading is left to store
     */
    PreparedPoint toPoint(Park park, Meter meter, Reading reading, int position, List<Rejection> rejections) {
        Point point = seriesByMeter.computeIfAbsent(meter, k -> seriesOf(park, meter)).point();
        boolean any = false;
        for (Value value : reading.values()) {
            String problem = meter.cannotReport(value.quantity());
            if (problem != null) {
                rejections.add(new Rejection(RejectReason.QUANTITY_NOT_FOR_METER,
                        "$.readings[" + position + "].values." + value.quantity().wireName(), problem, meter.id().value(), reading.timeMs()));
            } else if (value.quantity().isNumeric()) {
                point.field(value.quantity().wireName(), primarySide(value.number(), meter.factorFor(value.quantity())));
                any = true;
            } else {
                point.field(value.quantity().wireName(), value.state().wireName());
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        double factor = registerFactor(meter);
        if (factor != 1.0) {
            // every field costs InfluxDB about as much as a point: write the factor only where it says something
            point.field(StorageSchema.FIELD_REGISTER_FACTOR, factor);
        }
        point.time(reading.timeMs());
        return new PreparedPoint(PreparedPoint.Kind.READING, point, meter.id().value(), position);
    }

    private static Series seriesOf(Park park, Meter meter) {
        Map<String, String> tags = new HashMap<>();
        tags.put(StorageSchema.TAG_PARK, park.id());
        tags.put(StorageSchema.TAG_METER, meter.id().value());
        if (!meter.isParkLevel()) {
            Enterprise enterprise = park.enterprises().get(meter.enterprise());
            tags.put(StorageSchema.TAG_ENTERPRISE, enterprise.id().value());
            tags.put(StorageSchema.TAG_INDUSTRY, enterprise.industry().code());
        }
        return Series.of(StorageSchema.measurementOf(meter.kind()), tags);
    }

    /**
     * {@code register × factor}, rounded to {@value #SIGNIFICANT_DIGITS} significant digits: meters send
     * decimal registers (1.1 kWh) and ratios are decimal (3), so the product is stored as the decimal it
     * is (3.3), not with binary noise (3.3000000000000003); no register carries that many digits.
     */
    static double primarySide(double register, double factor) {
        if (factor == 1.0) {
            return register;
        }
        double product = register * factor;
        if (product == 0 || !Double.isFinite(product)) {
            return product;
        }
        int decimals = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(product)));
        if (decimals <= 0 || decimals >= POWERS_OF_TEN.length) {
            return product;
        }
        double scale = POWERS_OF_TEN[decimals];
        return Math.round(product * scale) / scale;
    }

    /** The factor applied to the meter's cumulative registers. */
    static double registerFactor(Meter meter) {
        return meter.kind() == MeterKind.ELECTRICITY ? meter.ctRatio() * meter.ptRatio() : meter.multiplier();
    }
}
