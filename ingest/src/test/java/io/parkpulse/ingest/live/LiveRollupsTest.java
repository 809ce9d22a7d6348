package io.parkpulse.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.ingest.pipeline.MessagePreparer;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collection and flushing against the demo park file, with messages prepared by ingest's own preparer. */
class LiveRollupsTest {

    static final long NOW = 1795305600000L;
    static final ParkRegistry DEMO = new ParkDirectory(Path.of("..", "test-kit", "parks")).load();
    static final String NORTH = "dp/v1/demo-park/gw-north/telemetry";

    final MessagePreparer preparer = new MessagePreparer(
            new TelemetryDecoder(Limits.DEFAULT, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)), () -> DEMO);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingSender sender = new RecordingSender();
    long clock = NOW;

    LiveRollups rollups(int fullEvery, int metersPerMessage) {
        return new LiveRollups("ingest-a", sender, fullEvery, metersPerMessage, () -> clock, registry);
    }

    void take(LiveRollups rollups, String topic, Reading... readings) {
        byte[] payload = new TelemetryEncoder().encode(new TelemetryMessage(1, List.of(readings)));
        rollups.accept(preparer.prepare(new InboundMessage(topic, payload, 1, 1, 0, NOW)));
    }

    static Reading power(String meter, long time, double registerKw) {
        return new Reading(meter, time, List.of(Value.of(Quantity.POWER_KW, registerKw), Value.of(Quantity.ENERGY_KWH, 10)));
    }

    double counted(String result) {
        return registry.get("parkpulse.ingest.live.rollups").tag("result", result).counter().count();
    }

    @Test
    void aFlushCarriesTheNewestPrimarySideValueOfEachChangedMeterOnly() {
        LiveRollups rollups = rollups(1_000, 2_000);
        take(rollups, NORTH, power("E-HD-MAIN", NOW - 2_000, 0.4), power("E-XY-MAIN", NOW - 2_000, 0.2));
        take(rollups, NORTH, power("E-HD-MAIN", NOW - 1_000, 0.5));
        take(rollups, NORTH, power("E-HD-MAIN", NOW - 3_000, 0.1)); // older: a late or re-delivered reading
        take(rollups, NORTH, new Reading("E-HD-MAIN", NOW - 500, List.of(Value.of(Quantity.ENERGY_KWH, 11)))); // no live value
        rollups.flush();

        JsonObject message = sender.only();
        assertThat(sender.topics).containsExactly("live/v1/demo-park/rollup");
        assertThat(message.getInteger("v")).isEqualTo(1);
        assertThat(message.getString("park")).isEqualTo("demo-park");
        assertThat(message.getString("source")).isEqualTo("ingest-a");
        assertThat(message.getLong("at")).isEqualTo(NOW);
        assertThat(message.getBoolean("full")).isFalse();
        // E-HD-MAIN is on 200/5 A and 10 kV/100 V: × 4000; E-XY-MAIN × 30000
        assertThat(message.getJsonObject("meters").getMap()).containsOnlyKeys("E-HD-MAIN", "E-XY-MAIN");
        assertThat(message.getJsonObject("meters").getJsonObject("E-HD-MAIN"))
                .as("last seen by the energy reading without live values; the power is the newest reading's with one")
                .isEqualTo(new JsonObject().put("seen", NOW - 500).put("t", NOW - 1_000).put("power_kw", 2000.0));
        assertThat(message.getJsonObject("meters").getJsonObject("E-XY-MAIN").getDouble("power_kw")).isEqualTo(6000.0);

        sender.messages.clear();
        rollups.flush();
        assertThat(sender.messages).as("nothing changed in the next second: nothing sent").isEmpty();

        take(rollups, NORTH, power("E-XY-MAIN", NOW, 0.3));
        rollups.flush();
        assertThat(sender.only().getJsonObject("meters").getMap()).containsOnlyKeys("E-XY-MAIN");
        assertThat(counted("sent")).isEqualTo(2);
    }

    @Test
    void gatewayStatusesAndWaterFlowAreCarriedToo() {
        LiveRollups rollups = rollups(1_000, 2_000);
        rollups.accept(preparer.prepare(new InboundMessage("dp/v1/demo-park/gw-south/status", GatewayStatus.OFFLINE.payload(), 1, 1, 0,
                NOW - 5_000)));
        take(rollups, "dp/v1/demo-park/gw-nbiot/telemetry", new Reading("W-HD-01", NOW - 60_000, List.of(Value.of(Quantity.FLOW_M3H, 2.5))));
        rollups.flush();
        JsonObject message = sender.only();
        assertThat(message.getJsonObject("gateways").getJsonObject("gw-south"))
                .isEqualTo(new JsonObject().put("online", false).put("since", NOW - 5_000));
        assertThat(message.getJsonObject("meters").getJsonObject("W-HD-01"))
                .isEqualTo(new JsonObject().put("seen", NOW - 60_000).put("t", NOW - 60_000).put("flow_m3h", 2.5));
    }

    @Test
    void aMeterThatReportsOnlyItsCumulativeRegisterIsSeenAliveWithoutLiveValues() {
        LiveRollups rollups = rollups(1_000, 2_000);
        take(rollups, "dp/v1/demo-park/gw-nbiot/telemetry",
                new Reading("W-HD-01", NOW - 15_000, List.of(Value.of(Quantity.VOLUME_M3, 100.0))));
        rollups.flush();
        assertThat(sender.only().getJsonObject("meters").getJsonObject("W-HD-01"))
                .as("no live value, no t: only when it was last heard from")
                .isEqualTo(new JsonObject().put("seen", NOW - 15_000));

        sender.messages.clear();
        take(rollups, "dp/v1/demo-park/gw-nbiot/telemetry",
                new Reading("W-HD-01", NOW - 30_000, List.of(Value.of(Quantity.VOLUME_M3, 99.9)))); // older: nothing new
        rollups.flush();
        assertThat(sender.messages).isEmpty();
        take(rollups, "dp/v1/demo-park/gw-nbiot/telemetry",
                new Reading("W-HD-01", NOW, List.of(Value.of(Quantity.VOLUME_M3, 100.1))));
        rollups.flush();
        assertThat(sender.only().getJsonObject("meters").getJsonObject("W-HD-01")).isEqualTo(new JsonObject().put("seen", NOW));
    }

    @Test
    void anEquipmentStateIsCarriedBesideItsPowerAndOnlyWhenTheReadingHadOne() {
        LiveRollups rollups = rollups(1_000, 2_000);
        take(rollups, NORTH, new Reading("M-HD-CNC-01", NOW - 2_000, List.of(Value.of(EquipmentState.FAULT), Value.of(Quantity.POWER_KW, 1.5))),
                new Reading("M-HD-CNC-02", NOW - 2_000, List.of(Value.of(EquipmentState.RUNNING))), // a state alone counts too
                power("E-HD-MAIN", NOW - 2_000, 0.5));
        rollups.flush();
        JsonObject meters = sender.only().getJsonObject("meters");
        assertThat(meters.getJsonObject("M-HD-CNC-01"))
                .isEqualTo(new JsonObject().put("seen", NOW - 2_000).put("t", NOW - 2_000).put("power_kw", 1.5).put("state", "fault"));
        assertThat(meters.getJsonObject("M-HD-CNC-02"))
                .isEqualTo(new JsonObject().put("seen", NOW - 2_000).put("t", NOW - 2_000).put("state", "running"));
        assertThat(meters.getJsonObject("E-HD-MAIN").containsKey("state")).as("no state known: none sent").isFalse();

        sender.messages.clear();
        take(rollups, NORTH, new Reading("M-HD-CNC-01", NOW - 1_000, List.of(Value.of(EquipmentState.IDLE))));
        take(rollups, NORTH, new Reading("M-HD-CNC-01", NOW - 1_000, List.of(Value.of(Quantity.POWER_KW, 0.2)))); // same instant: fills in
        rollups.flush();
        assertThat(sender.only().getJsonObject("meters").getJsonObject("M-HD-CNC-01"))
                .isEqualTo(new JsonObject().put("seen", NOW - 1_000).put("t", NOW - 1_000).put("power_kw", 0.2).put("state", "idle"));
    }

    @Test
    void everyNthFlushSendsEverythingKnownSoAStartingDashboardIsCompleteAgain() {
        LiveRollups rollups = rollups(3, 2_000);
        take(rollups, NORTH, power("E-HD-MAIN", NOW - 1_000, 0.5), power("E-XY-MAIN", NOW - 1_000, 0.2));
        rollups.flush();
        take(rollups, NORTH, power("E-XY-MAIN", NOW, 0.3));
        rollups.flush();
        assertThat(sender.messages.get(1).getJsonObject("meters").getMap()).containsOnlyKeys("E-XY-MAIN");
        rollups.flush();
        JsonObject full = sender.messages.get(2);
        assertThat(full.getBoolean("full")).isTrue();
        assertThat(full.getJsonObject("meters").getMap()).containsOnlyKeys("E-HD-MAIN", "E-XY-MAIN");
        assertThat(full.getJsonObject("meters").getJsonObject("E-XY-MAIN").getDouble("power_kw")).isEqualTo(9000.0);
    }

    @Test
    void aBigParkIsSplitIntoMessagesOfBoundedSize() {
        LiveRollups rollups = rollups(1_000, 2);
        take(rollups, NORTH, power("E-HD-MAIN", NOW, 0.5), power("E-XY-MAIN", NOW, 0.2), power("E-PARK-INCOMER", NOW, 0.01));
        rollups.flush();
        assertThat(sender.messages).hasSize(2);
        assertThat(sender.messages.get(0).getJsonObject("meters").size()).isEqualTo(2);
        assertThat(sender.messages.get(1).getJsonObject("meters").size()).isEqualTo(1);
    }

    @Test
    void aRollupThePublisherCannotTakeAtOnceIsDroppedAndCountedNotKept() {
        LiveRollups rollups = rollups(1_000, 2_000);
        sender.answer = RollupSender.Result.BUSY;
        take(rollups, NORTH, power("E-HD-MAIN", NOW - 1_000, 0.5));
        rollups.flush();
        sender.answer = RollupSender.Result.DISCONNECTED;
        take(rollups, NORTH, power("E-XY-MAIN", NOW - 1_000, 0.5));
        rollups.flush();
        assertThat(counted("busy")).isEqualTo(1);
        assertThat(counted("disconnected")).isEqualTo(1);

        sender.answer = RollupSender.Result.SENT;
        sender.messages.clear();
        take(rollups, NORTH, power("E-HD-MAIN", NOW, 0.6));
        rollups.flush();
        assertThat(sender.only().getJsonObject("meters").getMap()).as("dropped rollups are not sent again later")
                .containsOnlyKeys("E-HD-MAIN");
        assertThat(counted("sent")).isEqualTo(1);
    }

    /** Records what it is offered and answers as told; never blocks. */
    static final class RecordingSender implements RollupSender {
        final List<String> topics = new ArrayList<>();
        final List<JsonObject> messages = new ArrayList<>();
        Result answer = Result.SENT;

        @Override
        public Result offer(String topic, byte[] payload) {
            topics.add(topic);
            messages.add(new JsonObject(new String(payload, java.nio.charset.StandardCharsets.UTF_8)));
            return answer;
        }

        JsonObject only() {
            assertThat(messages).hasSize(1);
            return messages.get(0);
        }

        @Override
        public void close() {
        }
    }
}
