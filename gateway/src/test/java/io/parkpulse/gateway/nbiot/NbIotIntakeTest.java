package io.parkpulse.gateway.nbiot;

import static io.parkpulse.gateway.nbiot.NbIotDevices.GAS;
import static io.parkpulse.gateway.nbiot.NbIotDevices.GAS_IMEI;
import static io.parkpulse.gateway.nbiot.NbIotDevices.MIDNIGHT;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_DEVICE_ID;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_IMEI;
import static io.parkpulse.gateway.nbiot.NbIotDevices.dailyPayload;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.protocols.nbiot.PayloadField;
import io.parkpulse.protocols.nbiot.Uplink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NbIotIntakeTest {

    final NbIotDevices.Sink sink = new NbIotDevices.Sink();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final NbIotIntake intake = new NbIotIntake(NbIotDevices.devices(), sink, registry);

    @Test
    void frozenValuesBecomeReadingsWithTheirOwnTimes() {
        Uplink uplink = Uplink.raw(WATER_DEVICE_ID, WATER_IMEI, MIDNIGHT + 3_600_000, dailyPayload(MIDNIGHT));
        assertThat(intake.accept(uplink)).isEqualTo(new NbIotIntake.Forwarded(WATER, 23, 0));

        assertThat(sink.readings).hasSize(23).allSatisfy(r -> assertThat(r.meter()).isEqualTo(WATER));
        Reading oldest = sink.readings.get(0);
        assertThat(oldest.timeMs()).isEqualTo(MIDNIGHT - 23 * 3_600_000L);
        assertThat(oldest.values()).containsExactly(Value.of(Quantity.VOLUME_M3, 100.0));
        // the slot the meter did not freeze is skipped, not sent as zero
        assertThat(sink.readings).extracting(Reading::timeMs).doesNotContain(MIDNIGHT - 18 * 3_600_000L);
        Reading newest = sink.readings.get(22);
        assertThat(newest.timeMs()).isEqualTo(MIDNIGHT);
        assertThat(newest.values()).containsExactly(Value.of(Quantity.VOLUME_M3, 105.75), Value.of(Quantity.BATTERY_V, 3.58),
                Value.of(Quantity.SIGNAL_DBM, -87.0));
    }

    @Test
    void onlyTheQuantitiesThePointsAskForUnderThePointsQuantity() {
        assertThat(intake.accept(Uplink.raw(null, GAS_IMEI, MIDNIGHT, dailyPayload(MIDNIGHT)))).isInstanceOf(NbIotIntake.Forwarded.class);
        assertThat(sink.readings).hasSize(23).allSatisfy(r -> {
            assertThat(r.meter()).isEqualTo(GAS);
            assertThat(r.values()).extracting(Value::quantity).containsExactly(Quantity.GAS_M3);
        });
    }

    @Test
    void aRepushIsNotForwardedTwiceAndAnOverlappingOneOnlyForItsNewValues() {
        Uplink day = Uplink.raw(WATER_DEVICE_ID, null, MIDNIGHT, dailyPayload(MIDNIGHT));
        intake.accept(day);
        assertThat(intake.accept(day)).isEqualTo(new NbIotIntake.Duplicate(WATER));
        assertThat(sink.readings).hasSize(23);

        // the meter's next block overlaps the last 12 hours of this one
        Uplink overlapping = Uplink.raw(WATER_DEVICE_ID, null, MIDNIGHT, dailyPayload(MIDNIGHT + 12 * 3_600_000L));
        assertThat(intake.accept(overlapping)).isEqualTo(new NbIotIntake.Forwarded(WATER, 12, 11));
        assertThat(sink.readings).extracting(Reading::timeMs).doesNotHaveDuplicates();
        assertThat(intake.acceptedCount()).isEqualTo(2);
        assertThat(intake.duplicateCount()).isEqualTo(1);
    }

    @Test
    void unknownDevicesAreCountedNotThrown() {
        NbIotIntake.Outcome outcome = intake.accept(Uplink.raw("nobody", "000000000000000", MIDNIGHT, dailyPayload(MIDNIGHT)));
        assertThat(outcome).isEqualTo(new NbIotIntake.UnknownDevice("no NB-IoT device is configured with deviceId=nobody, imei=000000000000000"));
        assertThat(intake.unknownDeviceCount()).isEqualTo(1);
        assertThat(registry.get("parkpulse.gateway.nbiot.uplinks").tag("outcome", "unknown_device").counter().count()).isEqualTo(1);
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void badPayloadIsRejectedWithTheDecodersReason() {
        byte[] payload = dailyPayload(MIDNIGHT);
        payload[20] ^= 0x40;
        NbIotIntake.Outcome outcome = intake.accept(Uplink.raw(WATER_DEVICE_ID, null, MIDNIGHT, payload));
        assertThat(outcome).isInstanceOfSatisfying(NbIotIntake.Rejected.class, r -> assertThat(r.reason())
                .matches("meter W-001: PARKPULSE_WATER_V1 payload: bytes 107-108: CRC [0-9A-F]{4} given, [0-9A-F]{4} computed"));
        assertThat(intake.rejectedCount()).isEqualTo(1);
    }

    @Test
    void platformDecodedFieldsBecomeOneReadingAtThePlatformTime() {
        Uplink decoded = Uplink.decoded(WATER_DEVICE_ID, null, MIDNIGHT, Map.of(PayloadField.VOLUME, 12.5, PayloadField.SIGNAL, -90.0));
        assertThat(intake.accept(decoded)).isEqualTo(new NbIotIntake.Forwarded(WATER, 1, 0));
        assertThat(sink.readings).containsExactly(new Reading(WATER, MIDNIGHT,
                List.of(Value.of(Quantity.VOLUME_M3, 12.5), Value.of(Quantity.SIGNAL_DBM, -90.0))));
    }

    @Test
    void aSinkFailureIsReportedAndTheReadingsAreNotRemembered() {
        sink.failure = new IllegalStateException("buffer full");
        Uplink day = Uplink.raw(WATER_DEVICE_ID, null, MIDNIGHT, dailyPayload(MIDNIGHT));
        assertThat(intake.accept(day)).isInstanceOf(NbIotIntake.Failed.class);
        sink.failure = null;
        assertThat(intake.accept(day)).isEqualTo(new NbIotIntake.Forwarded(WATER, 23, 0));
    }

    @Test
    void recentKeysStayBounded() {
        RecentReadingKeys keys = new RecentReadingKeys(NbIotIntake.DEDUP_WINDOW.toMillis(), 100);
        for (int day = 0; day < 30; day++) {
            keys.addAll(java.util.stream.LongStream.range(0, 24).mapToObj(h -> MIDNIGHT + h * 3_600_000L).toList());
        }
        assertThat(keys.size()).isEqualTo(24);
        keys.addAll(java.util.stream.LongStream.range(0, 500).mapToObj(m -> MIDNIGHT + 86_400_000L + m * 60_000L).toList());
        assertThat(keys.size()).isEqualTo(100);
        assertThat(keys.contains(MIDNIGHT)).isFalse();
    }
}
