package io.parkpulse.dashboard.alarms;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.efficiency.DailyConsumption;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.live.LiveView;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A small park with alarms of every kind, a clock the test moves, and a live view the test fills. */
final class AlarmFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String PARK = """
            schema_version: 1
            park: {id: alarm-park, name: 报警测试园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-cement, name: 水泥厂, industry: C3011, land_mu: 100}
              - {id: ent-food, name: 食品厂, industry: C1431, land_mu: 20}
            gateways:
              - {id: gw-1}
              - {id: gw-2}
            meters:
              - {id: E-CEM-1, kind: electricity, enterprise: ent-cement, gateway: gw-1, reading_interval: PT1H}
              - {id: E-CEM-2, kind: electricity, enterprise: ent-cement, gateway: gw-1, reading_interval: PT1H}
              - {id: E-CEM-SUB, kind: electricity, enterprise: ent-cement, gateway: gw-1, role: sub}
              - {id: E-FOOD, kind: electricity, enterprise: ent-food, gateway: gw-2, reading_interval: PT1H}
              - {id: W-INLET, kind: water, gateway: gw-2}
            policy:
              version: alarms-test
              alarms:
                - {id: cement-over, kind: power_above, enterprise: ent-cement, limit_kw: 1000, for: PT5M, severity: critical}
                - {id: food-main-over, kind: power_above, meter: E-FOOD, limit_kw: 200, for: PT5M}
                - {id: gateway-offline, kind: gateway_offline, for: PT10M}
                - {id: silent, kind: meter_silent, gateway: gw-2, for: PT30M}
                - {id: night-water, kind: night_water_rise, meter: W-INLET, rise_percent: 30, baseline_days: 10}
                - {id: energy-vs-output, kind: energy_outgrows_output}
            """;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A live view the test sets meter by meter and gateway by gateway. */
    static final class TestLiveView implements LiveView {
        final Map<String, MeterLive> meters = new ConcurrentHashMap<>();
        final Map<String, GatewayLive> gateways = new ConcurrentHashMap<>();
        volatile boolean empty;

        void meter(String id, long lastSeenMs, Double powerKw) {
            meters.put(id, new MeterLive(id, lastSeenMs, powerKw, null, null));
        }

        /** A reading without live values (a cumulative register) at {@code lastSeenMs}. */
        void seen(String id, long lastSeenMs) {
            meters.put(id, new MeterLive(id, lastSeenMs, null, null, null, null, null));
        }

        void gateway(String id, boolean online, long sinceMs) {
            gateways.put(id, new GatewayLive(id, online, sinceMs));
        }

        @Override
        public Optional<Snapshot> snapshot(String park) {
            return empty ? Optional.empty() : Optional.of(new Snapshot(park, System.currentTimeMillis(), Map.copyOf(meters),
                    Map.copyOf(gateways)));
        }
    }

    static Parks parks(Path dir, String yaml) throws IOException {
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parks.resolve("alarm-park.yaml"), yaml);
        Parks p = new Parks(new ParkDirectory(parks));
        p.load();
        return p;
    }

    static InfluxClient influx(Vertx vertx, String url, String db) {
        return new InfluxClient(vertx, InfluxConfig.of(url, db));
    }

    static EfficiencyService efficiency(Vertx vertx, InfluxClient influx, Clock clock) {
        DailyConsumption consumption = new DailyConsumption(vertx, new CounterReadingStore(vertx, influx),
                new MeterDayStore(influx, 0), 10_000_000L);
        return new EfficiencyService(vertx, consumption, new OutputReportStore(influx), Duration.ZERO, clock);
    }

    static AlarmEngine engine(Vertx vertx, Parks parks, LiveView live, InfluxClient influx, Clock clock) {
        return new AlarmEngine(vertx, parks, () -> List.of("alarm-park"), live, influx, efficiency(vertx, influx, clock),
                clock, Duration.ofSeconds(5));
    }

    private AlarmFixture() {
    }
}
