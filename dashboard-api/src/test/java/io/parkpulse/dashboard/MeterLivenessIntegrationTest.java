package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.live.LiveSettings;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of "meter liveness from any reading", everything real (Mosquitto, ingest, InfluxDB, the dashboard API with
 * its alarm engine): a water meter that reports only its cumulative volume every 5 s is never alarmed silent by a
 * 15-second silence rule (the field's 15 s cadence against a 40 s rule, in a third of the time), a day
 * of history replayed through the broker raises and clears nothing, and restarting the API creates no alarm events
 * — while a meter that really stops is alarmed, so the rule is known to run.
 */
@RealServicesTest
class MeterLivenessIntegrationTest {

    static final String DB = "parkpulse_liveness";
    static final String PARK = "liveness-park";
    static final String GATEWAY = "gw-a";
    static final String OPERATOR = "operator-token-0123456789abcdef";
    static final long DAY_MS = Duration.ofDays(1).toMillis();
    static final long QUARTER_MS = Duration.ofMinutes(15).toMillis();
    static final String PARK_FILE = """
            schema_version: 1
            park: {id: liveness-park, name: 表计在线测试园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-a, name: 甲厂, industry: C3011, land_mu: 50}
            gateways:
              - {id: gw-a}
            meters:
              - {id: W-A, kind: water, enterprise: ent-a, gateway: gw-a}
              - {id: E-A, kind: electricity, enterprise: ent-a, gateway: gw-a}
            policy:
              version: liveness-test
              alarms:
                - {id: silent, kind: meter_silent, gateway: gw-a, for: PT15S}
            """;

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    long seq;

    @Test
    void a_volume_only_meter_is_alive_a_replayed_day_and_a_restart_make_no_alarms_a_stopped_meter_is_alarmed(
            MqttBroker broker, InfluxDb influx) throws Exception {
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parks.resolve("liveness-park.yaml"), PARK_FILE);
        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - {name: control-room, sha256: " + ApiTokens.sha256(OPERATOR)
                + ", role: operator, park: " + PARK + "}\n");
        influx.createDatabase(DB);
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks,
                "ingest-liveness-test", Map.of("PARKPULSE_INFLUX_DATABASE", DB))).awaitLiveRollupsConnected()) {
            GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, GATEWAY));
            Api api = Api.start(config(parks, tokens, influx, broker, "dashboard-liveness-1"));
            try {
                // a day of history, 15-minute readings up to now, replayed in seconds as a gateway does after an outage
                long now = System.currentTimeMillis();
                List<Reading> day = new ArrayList<>();
                for (long t = now - DAY_MS; t <= now; t += QUARTER_MS) {
                    day.add(volume(t, 1000 + (t - now + DAY_MS) / QUARTER_MS * 0.5));
                    day.add(electricity(t, 5000 + (t - now + DAY_MS) / QUARTER_MS * 25.0));
                }
                for (int i = 0; i < day.size(); i += 20) {
                    gateway.publish(new TelemetryMessage(++seq, day.subList(i, Math.min(day.size(), i + 20))));
                    Thread.sleep(20);
                }
                // then the water meter goes on sending its volume every 5 s; the electricity meter stops
                long stopped = System.currentTimeMillis();
                double litres = 2000;
                while (System.currentTimeMillis() - stopped < 25_000) {
                    gateway.publish(new TelemetryMessage(++seq, List.of(volume(System.currentTimeMillis(), litres += 0.1))));
                    Thread.sleep(5_000);
                }
                Api first = api;
                Await.until(Duration.ofSeconds(20), () -> !alarmsUnchecked(first, "all").isEmpty(), () -> "E-A never alarmed silent");

                JsonArray history = alarms(api, "all");
                assertThat(history).as("only the meter that stopped: nothing for the water meter, nothing from the replay")
                        .singleElement().satisfies(o -> {
                            JsonObject a = (JsonObject) o;
                            assertThat(a.getString("rule")).isEqualTo("silent");
                            assertThat(a.getJsonObject("subject").getString("id")).isEqualTo("E-A");
                            assertThat(a.getString("state")).isEqualTo("raised");
                        });

                // the API restarts over the day of history; the water meter goes on
                api.close();
                api = Api.start(config(parks, tokens, influx, broker, "dashboard-liveness-2"));
                for (int i = 0; i < 3; i++) {
                    gateway.publish(new TelemetryMessage(++seq, List.of(volume(System.currentTimeMillis(), litres += 0.1))));
                    Thread.sleep(3_000);
                }
                assertThat(alarms(api, "all")).as("a restart creates no alarm history that did not happen").hasSize(1);
                assertThat(alarms(api, "active")).singleElement()
                        .satisfies(o -> assertThat(((JsonObject) o).getJsonObject("subject").getString("id")).isEqualTo("E-A"));
            } finally {
                api.close();
                gateway.close();
            }
        }
    }

    static Reading volume(long t, double m3) {
        return new Reading("W-A", t, List.of(Value.of(Quantity.VOLUME_M3, m3)));
    }

    static Reading electricity(long t, double kwh) {
        return new Reading("E-A", t, List.of(Value.of(Quantity.ENERGY_KWH, kwh), Value.of(Quantity.POWER_KW, 100.0)));
    }

    static DashboardConfig config(Path parks, Path tokens, InfluxDb influx, MqttBroker broker, String clientId) {
        return new DashboardConfig(parks, Duration.ofSeconds(1), tokens, InfluxConfig.of(influx.url(), DB), "127.0.0.1", 0,
                Duration.ZERO, 40_000_000L, 1_000, null, null, LoginTokens.DEFAULT_LIFETIME,
                new LiveSettings(broker.url(), clientId, null, null), Duration.ofSeconds(1));
    }

    JsonArray alarms(Api api, String state) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.base + "/alarms?state=" + state))
                .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("alarms");
    }

    JsonArray alarmsUnchecked(Api api, String state) {
        try {
            return alarms(api, state);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One running dashboard API. */
    record Api(Vertx vertx, String base) implements AutoCloseable {
        static Api start(DashboardConfig config) throws Exception {
            Vertx vertx = Vertx.vertx();
            DashboardVerticle verticle = new DashboardVerticle(config, Clock.systemUTC());
            vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
            return new Api(vertx, "http://127.0.0.1:" + verticle.port() + "/api/v1/parks/" + PARK);
        }

        @Override
        public void close() throws Exception {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
