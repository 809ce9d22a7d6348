package io.parkpulse.dashboard.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.parkpulse.contract.MeterId;
import io.parkpulse.dashboard.Parks;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live rules with a clock the test moves and a live view it fills; transitions stored in a real InfluxDB, from
 * which a new engine rebuilds what was active.
 */
@RealServicesTest
class AlarmEngineTest {

    static final Instant START = Instant.parse("2026-10-14T02:00:00Z"); // 10:00 in Shanghai: no daily round due

    @TempDir
    Path dir;
    Vertx vertx;
    InfluxClient influx;
    Parks parks;
    AlarmFixture.MovableClock clock;
    AlarmFixture.TestLiveView live;
    AlarmEngine engine;
    final List<AlarmEvent> heard = new CopyOnWriteArrayList<>();
    String db;

    @BeforeEach
    void start(InfluxDb db) throws Exception {
        this.db = "alarms_" + System.nanoTime();
        db.createDatabase(this.db);
        vertx = Vertx.vertx();
        influx = AlarmFixture.influx(vertx, db.url(), this.db);
        parks = AlarmFixture.parks(dir, AlarmFixture.PARK);
        clock = new AlarmFixture.MovableClock(START);
        live = new AlarmFixture.TestLiveView();
        long now = clock.millis();
        for (String m : List.of("E-CEM-1", "E-CEM-2", "E-FOOD", "W-INLET")) {
            live.meter(m, now, m.equals("W-INLET") ? null : 100.0);
        }
        live.gateway("gw-1", true, now);
        live.gateway("gw-2", true, now);
        engine = newEngine();
    }

    AlarmEngine newEngine() {
        AlarmEngine e = AlarmFixture.engine(vertx, parks, live, influx, clock);
        e.addListener(heard::add);
        return e;
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.await(20, TimeUnit.SECONDS);
    }

    List<AlarmEvent> live() throws Exception {
        return await(engine.evaluateLive("alarm-park"));
    }

    void cementPower(double each) {
        live.meter("E-CEM-1", clock.millis(), each);
        live.meter("E-CEM-2", clock.millis(), each);
        live.meter("E-FOOD", clock.millis(), 100.0);
        live.meter("W-INLET", clock.millis(), null);
    }

    @Test
    void power_above_the_limit_raises_after_the_hold_time_and_not_before_then_clears() throws Exception {
        cementPower(600); // 1200 kW against 1000: the sub-meter does not count
        live.meter("E-CEM-SUB", clock.millis(), 5000.0);
        assertThat(live()).isEmpty();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        cementPower(600);
        assertThat(live()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        cementPower(600);
        List<AlarmEvent> raised = live();
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.RAISED);
            assertThat(e.alarm().rule()).isEqualTo("cement-over");
            assertThat(e.alarm().subject()).isEqualTo(Subject.enterprise("ent-cement"));
            assertThat(e.alarm().value()).isEqualTo(1200.0);
            assertThat(e.alarm().threshold()).isEqualTo(1000.0);
            assertThat(e.alarm().severity()).isEqualTo("critical");
            assertThat(e.alarm().sinceMs()).isEqualTo(START.toEpochMilli());
        });
        assertThat(heard).containsExactlyElementsOf(raised);
        assertThat(await(engine.active("alarm-park"))).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        cementPower(400);
        assertThat(live()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.CLEARED);
            assertThat(e.alarm().value()).isEqualTo(800.0);
        });
        assertThat(await(engine.active("alarm-park"))).isEmpty();
    }

    @Test
    void a_dip_below_the_limit_restarts_the_hold_time() throws Exception {
        cementPower(600);
        live();
        clock.advance(Duration.ofMinutes(3));
        cementPower(400);
        live();
        clock.advance(Duration.ofMinutes(3));
        cementPower(600);
        assertThat(live()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        cementPower(600);
        assertThat(live()).hasSize(1);
    }

    @Test
    void an_acknowledged_alarm_stays_active_until_it_clears_and_a_new_breach_raises_a_new_alarm() throws Exception {
        cementPower(600);
        live();
        clock.advance(Duration.ofMinutes(5));
        cementPower(600);
        Alarm first = live().get(0).alarm();

        Alarm acked = await(engine.acknowledge("alarm-park", first.id(), "control-room", "called the plant"));
        assertThat(acked.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(acked.ackBy()).isEqualTo("control-room");
        assertThat(acked.ackNote()).isEqualTo("called the plant");
        assertThat(heard).last().extracting(AlarmEvent::state).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(catchThrowable(() -> await(engine.acknowledge("alarm-park", first.id(), "someone", null))))
                .isInstanceOf(AlarmEngine.Conflict.class).hasMessageContaining("already acknowledged by control-room");

        clock.advance(Duration.ofMinutes(1));
        cementPower(600);
        assertThat(live()).as("still above, already raised").isEmpty();
        assertThat(await(engine.active("alarm-park"))).singleElement().extracting(Alarm::state).isEqualTo(AlarmState.ACKNOWLEDGED);

        clock.advance(Duration.ofMinutes(1));
        cementPower(300);
        assertThat(live()).singleElement().extracting(AlarmEvent::state).isEqualTo(AlarmState.CLEARED);
        assertThat(catchThrowable(() -> await(engine.acknowledge("alarm-park", first.id(), "someone", null))))
                .isInstanceOf(AlarmEngine.Conflict.class).hasMessageContaining("already cleared");
        assertThat(catchThrowable(() -> await(engine.acknowledge("alarm-park", "no-such-alarm", "someone", null))))
                .isInstanceOf(AlarmEngine.NotFound.class);

        clock.advance(Duration.ofMinutes(1));
        cementPower(700);
        live();
        clock.advance(Duration.ofMinutes(5));
        cementPower(700);
        Alarm second = live().get(0).alarm();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.state()).isEqualTo(AlarmState.RAISED);
    }

    @Test
    void a_gateway_offline_for_the_hold_time_raises_from_when_it_went_offline() throws Exception {
        long wentOffline = clock.millis();
        live.gateway("gw-2", false, wentOffline);
        assertThat(live()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        cementPower(100);
        live.gateway("gw-2", false, wentOffline);
        assertThat(live()).filteredOn(e -> e.alarm().rule().equals("gateway-offline")).singleElement().satisfies(e -> {
            assertThat(e.alarm().subject()).isEqualTo(Subject.gateway("gw-2"));
            assertThat(e.alarm().sinceMs()).isEqualTo(wentOffline);
            assertThat(e.alarm().value()).isEqualTo(10.0);
        });
        live.gateway("gw-2", true, clock.millis());
        assertThat(live()).singleElement().extracting(AlarmEvent::state).isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void a_meter_silent_by_device_time_is_raised_once_the_engine_watched_it_for_the_hold_and_a_reading_clears_it() throws Exception {
        long watching = clock.millis();
        long lastReading = watching - Duration.ofMinutes(20).toMillis();
        live.meter("E-FOOD", lastReading, 100.0);
        live.seen("W-INLET", watching); // a water meter that reports its volume only: alive
        assertThat(live()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(live()).as("silent 30 min by device time, but watched for 10: nothing yet").isEmpty();
        clock.advance(Duration.ofMinutes(20));
        live.seen("W-INLET", clock.millis() - 15_000);
        assertThat(live()).singleElement().satisfies(e -> {
            assertThat(e.alarm().rule()).isEqualTo("silent");
            assertThat(e.alarm().subject()).isEqualTo(Subject.meter("E-FOOD"));
            assertThat(e.alarm().sinceMs()).as("watched from").isEqualTo(watching);
            assertThat(e.alarm().value()).as("minutes silent by device time").isEqualTo(50.0);
        });
        live.meter("E-FOOD", clock.millis() - 1000, 100.0);
        assertThat(live()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.CLEARED);
            assertThat(e.alarm().rule()).isEqualTo("silent");
        });
    }

    @Test
    void a_replayed_history_raises_and_clears_nothing() throws Exception {
        // a restart while gateways replay six hours of buffer: the first readings the engine sees are hours old
        live.meter("E-FOOD", clock.millis() - Duration.ofHours(6).toMillis(), 100.0);
        live.seen("W-INLET", clock.millis() - Duration.ofHours(6).toMillis());
        assertThat(live()).isEmpty();
        for (int i = 5; i >= 0; i--) {
            clock.advance(Duration.ofSeconds(2));
            live.meter("E-FOOD", clock.millis() - Duration.ofHours(i).toMillis(), 100.0);
            live.seen("W-INLET", clock.millis() - Duration.ofHours(i).toMillis());
            assertThat(live()).isEmpty();
        }
        clock.advance(Duration.ofHours(1));
        live.meter("E-FOOD", clock.millis(), 100.0);
        live.seen("W-INLET", clock.millis());
        assertThat(live()).isEmpty();
        assertThat(heard).as("no alarm history that did not happen").isEmpty();
    }

    @Test
    void a_silent_alarm_raised_before_a_restart_stays_raised_until_the_meter_is_heard() throws Exception {
        live.meter("E-FOOD", clock.millis(), 100.0);
        live.seen("W-INLET", clock.millis());
        live();
        clock.advance(Duration.ofMinutes(31));
        live.seen("W-INLET", clock.millis());
        assertThat(live()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(AlarmState.RAISED));

        engine = newEngine(); // the dashboard restarts; the meter is still silent
        heard.clear();
        assertThat(live()).as("silent by device time, watched for less than the hold: kept, not cleared").isEmpty();
        assertThat(await(engine.active("alarm-park"))).extracting(Alarm::rule).containsExactly("silent");
        live.meter("E-FOOD", clock.millis(), 100.0);
        assertThat(live()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(AlarmState.CLEARED));
    }

    @Test
    void a_meter_behind_a_gateway_that_pushes_once_a_day_is_not_silent_between_pushes() {
        Park park = new ParkFileReader().read("nbiot", AlarmFixture.PARK.replace("- {id: gw-2}",
                "- {id: gw-2, uplink_interval: P1D}"));
        Meter food = park.meters().get(MeterId.of("E-FOOD"));
        assertThat(LiveRules.expectedQuietMs(park, food)).as("a day and an hourly reading")
                .isEqualTo(Duration.ofHours(25).toMillis());
        assertThat(LiveRules.expectedQuietMs(park, park.meters().get(MeterId.of("E-CEM-1")))).isZero();
    }

    @Test
    void nothing_is_judged_before_the_live_view_has_the_park() throws Exception {
        live.empty = true;
        live.gateway("gw-1", false, 0);
        clock.advance(Duration.ofHours(1));
        assertThat(live()).isEmpty();
    }

    @Test
    void active_and_acknowledged_alarms_survive_a_restart_and_the_history_keeps_every_transition() throws Exception {
        cementPower(600);
        live.gateway("gw-1", false, clock.millis());
        live();
        clock.advance(Duration.ofMinutes(10));
        cementPower(600);
        List<AlarmEvent> raised = live();
        assertThat(raised).hasSize(2);
        Alarm gateway = raised.stream().filter(e -> e.alarm().rule().equals("gateway-offline")).findFirst().orElseThrow().alarm();
        await(engine.acknowledge("alarm-park", gateway.id(), "control-room", "技术员已出发"));

        AlarmEngine restarted = newEngine();
        List<Alarm> restored = await(restarted.active("alarm-park"));
        assertThat(restored).extracting(Alarm::id).containsExactlyInAnyOrderElementsOf(raised.stream().map(e -> e.alarm().id()).toList());
        Alarm gatewayAgain = restored.stream().filter(a -> a.id().equals(gateway.id())).findFirst().orElseThrow();
        assertThat(gatewayAgain.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(gatewayAgain.ackBy()).isEqualTo("control-room");
        assertThat(gatewayAgain.ackNote()).isEqualTo("技术员已出发");
        assertThat(gatewayAgain.sinceMs()).isEqualTo(gateway.sinceMs());
        assertThat(gatewayAgain.subject()).isEqualTo(Subject.gateway("gw-1"));
        // what it measured comes back as a code with args too, for the reader's language
        assertThat(gateway.message().code()).isEqualTo("offline");
        assertThat(gatewayAgain.message()).isEqualTo(gateway.message());

        // the restarted engine goes on from there: no second raise, and the clearing is its own
        clock.advance(Duration.ofMinutes(1));
        cementPower(600);
        live.gateway("gw-1", true, clock.millis());
        engine = restarted;
        assertThat(live()).singleElement().satisfies(e -> {
            assertThat(e.alarm().id()).isEqualTo(gateway.id());
            assertThat(e.state()).isEqualTo(AlarmState.CLEARED);
            assertThat(e.alarm().ackBy()).isEqualTo("control-room");
        });

        AlarmHistory.Page page = await(restarted.raisedBetween("alarm-park", START.toEpochMilli(), clock.millis() + 1));
        assertThat(page.truncated()).isFalse();
        assertThat(page.alarms()).hasSize(2);
        Alarm done = page.alarms().stream().filter(a -> a.id().equals(gateway.id())).findFirst().orElseThrow();
        assertThat(done.state()).isEqualTo(AlarmState.CLEARED);
        assertThat(done.ackBy()).isEqualTo("control-room");
        assertThat(done.clearedMs()).isEqualTo(clock.millis());
        assertThat(done.raisedMs()).isEqualTo(gateway.raisedMs());
    }
}
