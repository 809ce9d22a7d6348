package io.parkpulse.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registry checks and enrichment against the demo park file. */
class MessagePreparerTest {

    static final long NOW = 1795305600000L;
    static final ParkRegistry DEMO = new ParkDirectory(Path.of("..", "test-kit", "parks")).load();
    final MessagePreparer preparer = new MessagePreparer(
            new TelemetryDecoder(Limits.DEFAULT, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)), () -> DEMO);

    PreparedMessage prepare(String topic, Reading... readings) {
        byte[] payload = new TelemetryEncoder().encode(new TelemetryMessage(9, List.of(readings)));
        return preparer.prepare(new InboundMessage(topic, payload, 1, 1, 0, NOW));
    }

    static Reading reading(String meter, Value... values) {
        return new Reading(meter, NOW - 60_000, List.of(values));
    }

    @Test
    void enrichesWithTagsAndAppliesTransformerRatios() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-north/telemetry",
                reading("E-HD-MAIN", Value.of(Quantity.ENERGY_KWH, 100.5), Value.of(Quantity.CURRENT_A, 2.5), Value.of(Quantity.VOLTAGE_V, 100.2)));

        assertThat(m.rejections()).isEmpty();
        assertThat(m.seq()).isEqualTo(9L);
        assertThat(m.points()).singleElement().satisfies(p -> {
            assertThat(p.point().toLine()).isEqualTo("electricity,enterprise=ent-huadong-precision,industry=C3484,meter=E-HD-MAIN,park=demo-park "
                    + "energy_kwh=402000.0,current_a=100.0,voltage_v=10020.0,register_factor=4000.0 " + (NOW - 60_000));
            assertThat(p.path()).isEqualTo("$.readings[0]");
        });
    }

    @Test
    void aReadingArrivingMoreThanAnHourLateMarksItsMeterAndLocalDayOnce() {
        long local = java.time.LocalDate.of(2026, 11, 20).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        // NOW is 2026-11-23T00:00Z; two readings of the local day 2026-11-20 (one at its first instant), one of the 21st
        PreparedMessage m = prepare("dp/v1/demo-park/gw-nbiot/telemetry",
                new Reading("W-HD-01", local, List.of(Value.of(Quantity.VOLUME_M3, 5))),
                new Reading("W-HD-01", local + 3_600_000, List.of(Value.of(Quantity.VOLUME_M3, 6))),
                new Reading("W-HD-01", local + 86_400_000 + 60_000, List.of(Value.of(Quantity.VOLUME_M3, 7))),
                new Reading("W-HD-01", NOW - 30 * 60_000, List.of(Value.of(Quantity.VOLUME_M3, 8))));
        assertThat(m.rejections()).isEmpty();
        assertThat(m.points()).extracting(p -> p.point().toLine()).filteredOn(l -> l.startsWith("late_reading")).containsExactly(
                "late_reading,meter=W-HD-01,park=demo-park arrived_ms=" + (double) NOW + " " + local,
                "late_reading,meter=W-HD-01,park=demo-park arrived_ms=" + (double) NOW + " " + (local + 86_400_000));
        assertThat(m.points()).filteredOn(p -> p.position() >= 0).hasSize(4);
    }

    @Test
    void scaledValuesAreTheDecimalProductNotBinaryNoise() {
        assertThat(1.1 * 3).isNotEqualTo(3.3);
        assertThat(ReadingEnricher.primarySide(1.1, 3)).isEqualTo(3.3);
        assertThat(ReadingEnricher.primarySide(0.0547, 120_000)).isEqualTo(6564.0);
        assertThat(ReadingEnricher.primarySide(1234567.89, 4000)).isEqualTo(4_938_271_560.0);
        assertThat(ReadingEnricher.primarySide(0.1, 1)).isEqualTo(0.1);
    }

    @Test
    void parkLevelMetersCarryNoEnterpriseTags() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-nbiot/telemetry", reading("W-PARK-INLET", Value.of(Quantity.VOLUME_M3, 5)));
        assertThat(m.points().get(0).point().toLine()).isEqualTo("water,meter=W-PARK-INLET,park=demo-park volume_m3=5.0 " + (NOW - 60_000));
    }

    @Test
    void equipmentStatesAreStoredAsText() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-north/telemetry",
                reading("M-XY-KILN", Value.of(EquipmentState.RUNNING), Value.of(Quantity.OUTPUT_COUNT, 1500)));
        assertThat(m.points().get(0).point().toLine()).contains("state=\"running\",output_count=1.5,register_factor=0.001");
    }

    @Test
    void rejectsUnknownMetersByNameAndKeepsTheRest() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-north/telemetry",
                reading("E-HD-MAIN", Value.of(Quantity.ENERGY_KWH, 1)),
                reading("E-NOPE", Value.of(Quantity.ENERGY_KWH, 1)));

        assertThat(m.points()).hasSize(1);
        assertThat(m.rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_METER);
            assertThat(r.meter()).isEqualTo("E-NOPE");
            assertThat(r.path()).isEqualTo("$.readings[1]");
            assertThat(r.detail()).contains("E-NOPE").contains("demo-park");
        });
    }

    @Test
    void rejectsReadingsOfMetersOnAnotherGateway() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-south/telemetry", reading("E-HD-MAIN", Value.of(Quantity.ENERGY_KWH, 1)));
        assertThat(m.points()).isEmpty();
        assertThat(m.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.METER_NOT_ON_GATEWAY);
        assertThat(m.rejections().get(0).detail()).contains("belongs to gateway gw-north");
    }

    @Test
    void rejectsValuesTheMeterCannotReport() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-nbiot/telemetry",
                reading("W-HD-01", Value.of(Quantity.VOLUME_M3, 3), Value.of(Quantity.ENERGY_KWH, 1)));
        assertThat(m.points().get(0).point().toLine()).contains("volume_m3=3.0").doesNotContain("energy_kwh");
        assertThat(m.rejections()).extracting(Rejection::reason, Rejection::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.QUANTITY_NOT_FOR_METER, "$.readings[0].values.energy_kwh"));
    }

    @Test
    void rejectsRegistersFromInstantaneousMeters() {
        PreparedMessage m = prepare("dp/v1/demo-park/gw-south/telemetry",
                reading("E-QY-BLOWER", Value.of(Quantity.POWER_KW, 3), Value.of(Quantity.ENERGY_KWH, 1)));
        assertThat(m.points()).hasSize(1);
        assertThat(m.rejections().get(0).detail()).contains("declared instantaneous");
    }

    @Test
    void rejectsUnknownParksAndGatewaysWhole() {
        assertThat(prepare("dp/v1/no-park/gw-north/telemetry", reading("E-HD-MAIN", Value.of(Quantity.ENERGY_KWH, 1))).rejections())
                .extracting(Rejection::reason).containsExactly(RejectReason.UNKNOWN_PARK);
        assertThat(prepare("dp/v1/demo-park/gw-x/telemetry", reading("E-HD-MAIN", Value.of(Quantity.ENERGY_KWH, 1))).rejections())
                .extracting(Rejection::reason).containsExactly(RejectReason.UNKNOWN_GATEWAY);
        assertThat(preparer.prepare(new InboundMessage("elsewhere/x", new byte[0], 1, 1, 0, NOW)).rejections())
                .extracting(Rejection::reason).containsExactly(RejectReason.INVALID_TOPIC);
    }

    @Test
    void turnsStatusMessagesIntoPointsAtArrivalTime() {
        PreparedMessage m = preparer.prepare(new InboundMessage("dp/v1/demo-park/gw-south/status",
                "offline".getBytes(StandardCharsets.UTF_8), 1, 1, 0, NOW));
        assertThat(m.points()).singleElement().extracting(p -> p.point().toLine())
                .isEqualTo("gateway_status,gateway=gw-south,park=demo-park online=false " + NOW);
        assertThat(preparer.prepare(new InboundMessage("dp/v1/demo-park/gw-south/status", "maybe".getBytes(StandardCharsets.UTF_8),
                1, 1, 0, NOW)).rejections()).isNotEmpty();
    }

    @Test
    void keepsDecoderRejectionsAlongside() {
        byte[] payload = ("{\"seq\":3,\"readings\":[{\"meter\":\"E-HD-MAIN\",\"ts\":" + NOW + ",\"values\":{\"energy_kwh\":NaN,\"power_kw\":5}}]}")
                .getBytes(StandardCharsets.UTF_8);
        PreparedMessage m = preparer.prepare(new InboundMessage("dp/v1/demo-park/gw-north/telemetry", payload, 1, 1, 0, NOW));
        assertThat(m.points()).singleElement().extracting(p -> p.point().toLine()).asString().contains("power_kw=20000.0");
        assertThat(m.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.VALUE_NOT_FINITE);
    }
}
