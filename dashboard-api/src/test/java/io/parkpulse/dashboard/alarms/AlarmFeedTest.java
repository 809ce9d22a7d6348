package io.parkpulse.dashboard.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarm transitions reach the live streams of the callers who may see them, and stop when a stream goes. */
@RealServicesTest
class AlarmFeedTest {

    @TempDir
    Path dir;
    Vertx vertx;

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void eachTransitionGoesToTheStreamsAllowedToSeeIt(InfluxDb db) throws Exception {
        String database = "alarm_feed_" + System.nanoTime();
        db.createDatabase(database);
        vertx = Vertx.vertx();
        InfluxClient influx = AlarmFixture.influx(vertx, db.url(), database);
        Parks parks = AlarmFixture.parks(dir, AlarmFixture.PARK);
        AlarmFixture.MovableClock clock = new AlarmFixture.MovableClock(Instant.parse("2026-10-14T02:00:00Z"));
        AlarmFixture.TestLiveView live = new AlarmFixture.TestLiveView();
        live.gateway("gw-1", true, clock.millis());
        live.gateway("gw-2", true, clock.millis());
        AlarmEngine engine = AlarmFixture.engine(vertx, parks, live, influx, clock);
        AlarmFeed feed = new AlarmFeed(parks, engine);

        List<JsonObject> operator = new CopyOnWriteArrayList<>();
        List<JsonObject> cement = new CopyOnWriteArrayList<>();
        List<JsonObject> food = new CopyOnWriteArrayList<>();
        Runnable stopOperator = feed.subscribe("alarm-park", Caller.operator("op", List.of("alarm-park")), (event, json) -> {
            assertThat(event).isEqualTo("alarm");
            operator.add(json);
        });
        feed.subscribe("alarm-park", Caller.enterprise("cement", "alarm-park", "ent-cement"), (event, json) -> cement.add(json));
        feed.subscribe("alarm-park", Caller.enterprise("food", "alarm-park", "ent-food"), (event, json) -> food.add(json));

        for (int minute = 0; minute <= 5; minute++) {
            for (String m : List.of("E-CEM-1", "E-CEM-2")) {
                live.meter(m, clock.millis(), 600.0); // 1200 kW against the cement works' 1000 kW for 5 minutes
            }
            live.meter("E-FOOD", clock.millis(), 100.0);
            live.meter("W-INLET", clock.millis(), null);
            engine.evaluateLive("alarm-park").await(20, TimeUnit.SECONDS);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(operator).singleElement().satisfies(e -> assertThat(e.encode()).contains("cement-over").contains("raised"));
        assertThat(cement).hasSize(1);
        assertThat(food).as("another enterprise's alarm is not on its stream").isEmpty();

        stopOperator.run();
        for (String m : List.of("E-CEM-1", "E-CEM-2")) {
            live.meter(m, clock.millis(), 100.0);
        }
        live.meter("E-FOOD", clock.millis(), 100.0);
        engine.evaluateLive("alarm-park").await(20, TimeUnit.SECONDS);
        assertThat(cement).hasSize(2).last().satisfies(e -> assertThat(e.encode()).contains("cleared"));
        assertThat(operator).as("a closed stream hears nothing more").hasSize(1);
        assertThat(food).isEmpty();
    }
}
