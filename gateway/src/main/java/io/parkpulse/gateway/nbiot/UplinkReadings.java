package io.parkpulse.gateway.nbiot;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.protocols.nbiot.PayloadField;
import io.parkpulse.protocols.nbiot.Uplink;
import io.parkpulse.protocols.nbiot.WaterPayload;
import io.parkpulse.protocols.nbiot.WaterPayloadCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one uplink of a known meter into readings: one per frozen value at its own meter time, battery and signal
 * at the newest time, and only the quantities the device's points ask for (a point maps a payload field to a
 * quantity, e.g. VOLUME → volume_m3 on a water meter, gas_m3 on a gas meter).
 */
final class UplinkReadings {

    private UplinkReadings() {
    }

    /** The readings, or a rejection reason. */
    sealed interface Result permits Made, Refused {
    }

    record Made(List<Reading> readings) implements Result {
    }

    record Refused(String reason) implements Result {
    }

    static Result of(String meter, List<PointConfig<PayloadField>> points, Uplink uplink) {
        TreeMap<Long, List<Value>> byTime = new TreeMap<>();
        if (uplink.isRaw()) {
            WaterPayloadCodec.Result decoded = WaterPayloadCodec.decode(uplink.appData());
            if (decoded instanceof WaterPayloadCodec.Rejected r) {
                return new Refused("meter " + meter + ": PARKPULSE_WATER_V1 payload: " + r.reason());
            }
            WaterPayload payload = ((WaterPayloadCodec.Decoded) decoded).payload();
            for (PointConfig<PayloadField> point : points) {
                switch (point.source()) {
                    case VOLUME -> payload.frozenValues().forEach(f -> add(byTime, f.timeMs(), point.quantity(), f.volumeM3()));
                    case BATTERY -> add(byTime, payload.newestTimeMs(), point.quantity(), payload.batteryV());
                    case SIGNAL -> add(byTime, payload.newestTimeMs(), point.quantity(), payload.signalDbm());
                }
            }
        } else {
            // the platform decoded the payload itself: one reading at the platform's time
            Map<PayloadField, Double> fields = uplink.fields();
            for (PointConfig<PayloadField> point : points) {
                Double v = fields.get(point.source());
                if (v != null) {
                    add(byTime, uplink.platformTimeMs(), point.quantity(), v);
                }
            }
        }
        if (byTime.isEmpty()) {
            return new Refused("meter " + meter + ": the uplink has no value for any of its points "
                    + points.stream().map(p -> p.source().name()).toList());
        }
        List<Reading> readings = new ArrayList<>(byTime.size());
        byTime.forEach((time, values) -> readings.add(new Reading(meter, time, values)));
        return new Made(readings);
    }

    private static void add(TreeMap<Long, List<Value>> byTime, long timeMs, Quantity quantity, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        byTime.computeIfAbsent(timeMs, t -> new ArrayList<>(3)).add(Value.of(quantity, value));
    }
}
