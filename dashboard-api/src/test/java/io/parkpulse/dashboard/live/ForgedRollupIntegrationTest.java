package io.parkpulse.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.alarms.AlarmEngine;
import io.parkpulse.dashboard.alarms.AlarmEvent;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.DailyConsumption;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forged rollup (issue 16): one anonymous QoS 0 message on a real Mosquitto with times an hour ahead — 99,999 kW
 * and the gateway offline — must not reach the panel or the alarm engine, and the real rollups after it must count.
 */
@RealServicesTest
class ForgedRollupIntegrationTest {

    static final String PARK = """
            schema_version: 1
            park: {id: forge-park, name: 伪造测试园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-cement, name: 水泥厂, industry: C3011, land_mu: 100}
            gateways:
              - {id: gw-north}
            meters:
              - {id: E-CEM-MAIN, kind: electricity, enterprise: ent-cement, gateway: gw-north, reading_interval: PT1H}
            policy:
              version: forge-test
              alarms:
                - {id: cement-over, kind: power_above, enterprise: ent-cement, limit_kw: 1000, for: PT5M, severity: critical}
                - {id: gateway-offline, kind: gateway_offline, for: PT10M, severity: critical}
            """;
    static final String TOPIC = "live/v1/forge-park/rollup";
    static final Caller OPERATOR = new Caller("control-room", Caller.Role.OPERATOR, "forge-park", null);

    @TempDir
    Path dir;
    Vertx vertx;
    LiveSubscriber subscriber;
    MqttAsyncClient publisher;

    /** The system clock moved on by what the test sets: the alarm engine judging later. */
    static final class LaterClock extends Clock {
        volatile Duration ahead = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.disconnect().waitForCompletion(5_000);
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    static String rollup(String source, long meterT, double powerKw, boolean online, long gatewaySince) {
        return new JsonObject().put("v", 1).put("park", "forge-park").put("source", source).put("at", meterT).put("full", false)
                .put("meters", new JsonObject().put("E-CEM-MAIN", new JsonObject().put("seen", meterT).put("t", meterT).put("power_kw", powerKw)))
                .put("gateways", new JsonObject().put("gw-north", new JsonObject().put("online", online).put("since", gatewaySince)))
                .encode();
    }

    void publish(String json) throws Exception {
        publisher.publish(TOPIC, json.getBytes(StandardCharsets.UTF_8), 0, false).waitForCompletion(5_000);
    }

    @Test
    void aRollupDatedAheadIsDroppedAndTheRealOnesAfterItStillCount(MqttBroker broker, InfluxDb influxDb) throws Exception {
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parksDir.resolve("forge-park.yaml"), PARK);
        Parks parks = new Parks(new ParkDirectory(parksDir));
        parks.load();

        LiveState state = new LiveState(System::currentTimeMillis, LiveSettings.DEFAULT_MAX_CLOCK_SKEW);
        subscriber = new LiveSubscriber(LiveSettings.fromEnvironment(Map.of("PARKPULSE_MQTT_URL", broker.url())), state);
        subscriber.start();
        Await.until(Duration.ofSeconds(30), subscriber::isSubscribed, () -> "not subscribed to the rollups");
        publisher = new MqttAsyncClient(broker.url(), "forger-" + System.nanoTime(), new MemoryPersistence());
        publisher.connect(MqttClients.options(broker.url())).waitForCompletion(10_000);

        long now = System.currentTimeMillis();
        long gatewayUp = now - Duration.ofHours(3).toMillis();
        long anHourAhead = now + Duration.ofHours(1).toMillis();
        publish(rollup("ingest-1", now, 100.0, true, gatewayUp));
        publish(rollup("forged", anHourAhead, 99_999.0, false, anHourAhead));
        long later = now + 1_000; // strictly newer: values dated the same millisecond are not newer and are kept out
        publish(rollup("ingest-1", later, 120.0, true, gatewayUp)); // ingest repeats the gateway's status with its old since

        Await.until(Duration.ofSeconds(10), () -> state.snapshot("forge-park").map(s -> s.meters().get("E-CEM-MAIN"))
                        .map(m -> Double.valueOf(120.0).equals(m.powerKw())).orElse(false),
                () -> "the real rollup after the forged one did not count: " + state.snapshot("forge-park"));
        LiveView.Snapshot snapshot = state.snapshot("forge-park").orElseThrow();
        assertThat(snapshot.meters().get("E-CEM-MAIN").lastSeenMs()).isEqualTo(later);
        assertThat(snapshot.gateways().get("gw-north")).isEqualTo(new LiveView.GatewayLive("gw-north", true, gatewayUp));
        assertThat(state.futureDropped()).as("the forged meter entry and gateway status").isEqualTo(2);

        JsonObject panel = LivePanel.of(parks.model("forge-park").orElseThrow().park(), snapshot, OPERATOR, System.currentTimeMillis());
        assertThat(panel.getDouble("total_power_kw")).isEqualTo(120.0);
        assertThat(panel.getJsonArray("gateways").getJsonObject(0).getBoolean("online")).isTrue();

        // the alarm engine, judging after the forged time has passed: nothing raised by the forgery
        vertx = Vertx.vertx();
        InfluxClient influx = new InfluxClient(vertx, InfluxConfig.of(influxDb.url(), createDatabase(influxDb)));
        LaterClock clock = new LaterClock();
        DailyConsumption consumption = new DailyConsumption(vertx, new CounterReadingStore(vertx, influx), new MeterDayStore(influx, 0), 10_000_000L);
        AlarmEngine engine = new AlarmEngine(vertx, parks, () -> List.of("forge-park"), state, influx,
                new EfficiencyService(vertx, consumption, new OutputReportStore(influx), Duration.ZERO, clock), clock, Duration.ofSeconds(5));
        for (Duration ahead : List.of(Duration.ZERO, Duration.ofMinutes(65), Duration.ofMinutes(75), Duration.ofMinutes(85))) {
            clock.ahead = ahead;
            assertThat(engine.evaluateLive("forge-park").await(20, TimeUnit.SECONDS)).as("alarms %s later", ahead).isEmpty();
        }

        // a real gateway status still counts: offline now, raised after the rule's ten minutes
        long wentOffline = System.currentTimeMillis();
        publish(rollup("ingest-1", wentOffline, 120.0, false, wentOffline));
        Await.until(Duration.ofSeconds(10), () -> !state.snapshot("forge-park").orElseThrow().gateways().get("gw-north").online(),
                () -> "the real offline status did not count");
        clock.ahead = Duration.ofMinutes(100);
        List<AlarmEvent> raised = engine.evaluateLive("forge-park").await(20, TimeUnit.SECONDS);
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.alarm().rule()).isEqualTo("gateway-offline");
            assertThat(e.alarm().sinceMs()).isEqualTo(wentOffline);
        });
    }

    static String createDatabase(InfluxDb influx) throws Exception {
        String db = "forged_" + System.nanoTime();
        influx.createDatabase(db);
        return db;
    }
}
