package io.parkpulse.gateway.nbiot;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.config.Protocol;
import io.parkpulse.protocols.nbiot.PayloadField;
import io.parkpulse.protocols.nbiot.PayloadFormat;
import io.parkpulse.protocols.nbiot.WaterPayload;
import io.parkpulse.protocols.nbiot.WaterPayloadCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A small NB-IoT park for the tests: one water meter with all three points, one gas meter with volume only. */
final class NbIotDevices {

    static final String WATER = "W-001";
    static final String WATER_DEVICE_ID = "40edca19b0124480864366de4621de99";
    static final String WATER_IMEI = "862592051651472";
    static final String GAS = "G-007";
    static final String GAS_DEVICE_ID = "523444202";
    static final String GAS_IMEI = "861931046156398";
    /** 2024-03-01T00:00:00Z */
    static final long MIDNIGHT = 1_709_251_200_000L;

    private NbIotDevices() {
    }

    static List<DeviceConfig> devices() {
        return List.of(
                new DeviceConfig(WATER, Protocol.NBIOT, null, Duration.ofDays(1), new DeviceSettings.NbIot(WATER_DEVICE_ID, WATER_IMEI,
                        PayloadFormat.PARKPULSE_WATER_V1, List.of(
                        new PointConfig<>(Quantity.VOLUME_M3, Importance.HIGH, PayloadField.VOLUME),
                        new PointConfig<>(Quantity.BATTERY_V, Importance.LOW, PayloadField.BATTERY),
                        new PointConfig<>(Quantity.SIGNAL_DBM, Importance.LOW, PayloadField.SIGNAL)))),
                new DeviceConfig(GAS, Protocol.NBIOT, null, Duration.ofDays(1), new DeviceSettings.NbIot(GAS_DEVICE_ID, GAS_IMEI,
                        PayloadFormat.PARKPULSE_WATER_V1, List.of(
                        new PointConfig<>(Quantity.GAS_M3, Importance.HIGH, PayloadField.VOLUME)))));
    }

    /** A day's uplink: 24 hourly values ending at {@code newestMs}, 100 m³ + 0.25 m³ per hour, one slot not frozen. */
    static byte[] dailyPayload(long newestMs) {
        Double[] volumes = new Double[24];
        for (int i = 0; i < 24; i++) {
            volumes[i] = 100 + 0.25 * i;
        }
        volumes[5] = Double.NaN;
        return WaterPayloadCodec.encode(new WaterPayload(newestMs, 60, List.of(volumes), 3.58, -87));
    }

    /** Collects what the intake forwards. */
    static final class Sink implements Consumer<List<Reading>> {
        final List<Reading> readings = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public void accept(List<Reading> batch) {
            if (failure != null) {
                throw failure;
            }
            readings.addAll(batch);
        }
    }
}
