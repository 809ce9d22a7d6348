package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.StorageSchema;
import java.math.BigDecimal;
import java.util.List;

/**
 * Turns a reading that passed the contract into a storage point for its meter: the measurement of
 * the meter's kind, the park/meter/enterprise/industry tags, and each value scaled to the primary
 * side by the meter's ratios. Values the meter cannot report are rejected one by one.
 *
 * <p>Stateless and thread-safe.
 */
final class ReadingEnricher {

    /**
     * @param rejections receives a rejection for each value the meter cannot report
     * @return the point, or {@code null} when no value of the reading is left to store
     */
    PreparedPoint toPoint(Park park, Meter meter, Reading reading, String path, List<Rejection> rejections) {
        Point point = Point.measurement(StorageSchema.measurementOf(meter.kind()))
                .tag(StorageSchema.TAG_PARK, park.id())
                .tag(StorageSchema.TAG_METER, meter.id());
        if (!meter.isParkLevel()) {
            Enterprise enterprise = park.enterprises().get(meter.enterprise());
            point.tag(StorageSchema.TAG_ENTERPRISE, enterprise.id())
                    .tag(StorageSchema.TAG_INDUSTRY, enterprise.industry().code());
        }
        for (Value value : reading.values()) {
            String problem = meter.cannotReport(value.quantity());
            if (problem != null) {
                rejections.add(new Rejection(RejectReason.QUANTITY_NOT_FOR_METER, path + ".values." + value.quantity().wireName(),
                        problem, meter.id(), reading.timeMs()));
            } else if (value.quantity().isNumeric()) {
                point.field(value.quantity().wireName(), primarySide(value.number(), meter.factorFor(value.quantity())));
            } else {
                point.field(value.quantity().wireName(), value.state().wireName());
            }
        }
        if (!point.hasFields()) {
            return null;
        }
        point.field(StorageSchema.FIELD_REGISTER_FACTOR, registerFactor(meter)).time(reading.timeMs());
        return new PreparedPoint(point.toLine(), meter.id(), reading.timeMs(), path);
    }

    /**
     * {@code register × factor}, computed in decimal: meters send decimal registers (0.0546 kWh) and
     * ratios are decimal (120 × 1100), so the product is stored as the decimal it is (6552), not as
     * binary noise (6552.000000000001).
     */
    static double primarySide(double register, double factor) {
        if (factor == 1.0) {
            return register;
        }
        return BigDecimal.valueOf(register).multiply(BigDecimal.valueOf(factor)).doubleValue();
    }

    /** The factor applied to the meter's cumulative registers. */
    static double registerFactor(Meter meter) {
        return meter.kind() == MeterKind.ELECTRICITY ? meter.ctRatio() * meter.ptRatio() : meter.multiplier();
    }
}
