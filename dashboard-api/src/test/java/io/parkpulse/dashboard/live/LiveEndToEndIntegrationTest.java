package io.parkpulse.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of the live panel: a reading published to a real Mosquitto, taken by the real ingest (which stores it in
 * a real InfluxDB and publishes its rollup), merged by the dashboard's subscriber and streamed by the live routes on a
 * real HTTP server, read as Server-Sent Events.
 */
@RealServicesTest
class LiveEndToEndIntegrationTest {

    static final String OPERATOR = "control-room";
    static final String HUADONG = "huadong";
    static final String ELSEWHERE = "elsewhere";
    static final String EVERY_PARK = "every-park";
    static final Map<String, Caller> CALLERS = Map.of(
            EVERY_PARK, new Caller(EVERY_PARK, Caller.Role.OPERATOR, Caller.ANY_PARK, null),
            OPERATOR, new Caller(OPERATOR, Caller.Role.OPERATOR, "demo-park", null),
            HUADONG, new Caller(HUADONG, Caller.Role.ENTERPRISE, "demo-park", "ent-huadong-precision"),
            ELSEWHERE, new Caller(ELSEWHERE, Caller.Role.OPERATOR, "other-park", null));

    @TempDir
    static Path dir;
    static RunningIngest ingest;
    static Vertx dashboard;
    static LiveSubscriber subscriber;
    static MqttAsyncClient gateway;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static long seq;

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        Path parksDir = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), parksDir.resolve("demo-park.yaml"));

        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parksDir, "ingest-live-test", Map.of()));
        assertThat(ingest.config().liveRollups()).as("live rollups are on by default").isTrue();
        ingest.awaitLiveRollupsConnected();

        LiveState state = new LiveState();
        subscriber = new LiveSubscriber(LiveSettings.fromEnvironment(Map.of("PARKPULSE_MQTT_URL", broker.url())), state);
        subscriber.start();
        Await.until(Duration.ofSeconds(30), subscriber::isSubscribed, () -> "dashboard not subscribed to the rollups");

        Parks parks = new Parks(new ParkDirectory(parksDir));
        parks.load();
        dashboard = Vertx.vertx();
        Router api = Router.router(dashboard);
        api.route().handler(rc -> {
            rc.put(Requests.CALLER, CALLERS.get(rc.request().getHeader("X-Test-Caller")));
            rc.next();
        });
        new LiveRoutes(dashboard, parks, state).mount(api);
        api.route().failureHandler(rc -> {
            int status = rc.failure() instanceof ApiError e ? e.status() : 500;
            rc.response().setStatusCode(status).end(new JsonObject().put("error", String.valueOf(rc.failure())).encode());
        });
        Router root = Router.router(dashboard);
        root.route("/api/v1/*").subRouter(api);
        HttpServer server = dashboard.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + "/api/v1";

        gateway = new MqttAsyncClient(broker.url(), "gw-north-test", new MemoryPersistence());
        gateway.connect(MqttClients.options(broker.url())).waitForCompletion(10_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.disconnect().waitForCompletion(5_000);
            gateway.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (dashboard != null) {
            dashboard.close().await(20, TimeUnit.SECONDS);
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    /** Publishes power readings (register values, secondary side) of gw-north meters, as a gateway does: QoS 1. */
    static long publish(Map<String, Double> registerKw) throws Exception {
        long now = System.currentTimeMillis();
        publish(registerKw.entrySet().stream().map(e -> new Reading(e.getKey(), now, List.of(Value.of(Quantity.POWER_KW, e.getValue())))).toList());
        return now;
    }

    static void publish(List<Reading> readings) throws Exception {
        byte[] payload = new TelemetryEncoder().encode(new TelemetryMessage(++seq, readings));
        gateway.publish("dp/v1/demo-park/gw-north/telemetry", payload, 1, false).waitForCompletion(5_000);
    }

    record Event(String name, JsonObject data, long receivedNanos) {
    }

    /** An open event stream; events are read on a thread of their own. */
    static final class EventStream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;
        final Thread reader;

        EventStream(String caller) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/parks/demo-park/live"))
                    .header("X-Test-Caller", caller).header("Accept", "text/event-stream").build();
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            reader = new Thread(() -> {
                String name = null;
                try (java.util.stream.Stream<String> lines = response.body()) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith("event: ")) {
                            name = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            events.add(new Event(name, new JsonObject(line.substring(6)), System.nanoTime()));
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-reader-" + caller);
            reader.setDaemon(true);
            reader.start();
        }

        /** The first event whose panel satisfies {@code wanted}, within {@code timeout}. */
        Event await(Duration timeout, java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && wanted.test(e.data)) {
                    return e;
                }
            }
            throw new AssertionError("no such event within " + timeout);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    static Double total(JsonObject panel) {
        return panel.getDouble("total_power_kw");
    }

    @Test
    void aPublishedReadingReachesTheOperatorsPanelWithinTwoSeconds() throws Exception {
        try (EventStream operator = new EventStream(OPERATOR)) {
            assertThat(operator.response.statusCode()).isEqualTo(200);
            assertThat(operator.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            Event first = operator.events.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("snapshot");

            // E-HD-MAIN × 4000 and E-XY-MAIN × 30000 (transformer ratios); the incomer and a sub meter must not add
            publish(Map.of("E-HD-MAIN", 0.5, "E-XY-MAIN", 0.2, "E-PARK-INCOMER", 0.1, "E-HD-CNC", 7.0));
            operator.await(Duration.ofSeconds(10), p -> Double.valueOf(8000.0).equals(total(p)));

            for (double register : new double[] {0.6, 0.7, 0.8}) {
                long published = System.nanoTime();
                publish(Map.of("E-HD-MAIN", register));
                double expected = register * 4000 + 6000;
                Event arrived = operator.await(Duration.ofSeconds(5), p -> Double.valueOf(expected).equals(total(p)));
                long latencyMs = TimeUnit.NANOSECONDS.toMillis(arrived.receivedNanos() - published);
                System.out.printf("live panel: total %.1f kW arrived %d ms after the publish%n", expected, latencyMs);
                assertThat(latencyMs).as("publish to panel").isLessThan(2_000);
                assertThat(arrived.name()).isEqualTo("rollup");
                assertThat(arrived.data().getDouble("incomer_power_kw")).isEqualTo(13_200.0); // 0.1 × 600/5 A × 110 kV/100 V;
                assertThat(arrived.data().getJsonArray("gateways")).isNotEmpty();
            }
        }
    }

    static JsonObject equipment(JsonObject panel, String id) {
        return panel.getJsonArray("equipment").stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id))
                .findFirst().orElse(null);
    }

    @Test
    void anEquipmentFaultReachesTheOperatorsAndItsEnterprisesPanel() throws Exception {
        try (EventStream operator = new EventStream(OPERATOR); EventStream huadong = new EventStream(HUADONG)) {
            long faulted = System.currentTimeMillis();
            publish(List.of(new Reading("M-HD-CNC-01", faulted, List.of(Value.of(EquipmentState.FAULT), Value.of(Quantity.POWER_KW, 0.8)))));
            Event seen = operator.await(Duration.ofSeconds(10), p -> equipment(p, "M-HD-CNC-01") != null
                    && "fault".equals(equipment(p, "M-HD-CNC-01").getString("state")));
            assertThat(equipment(seen.data(), "M-HD-CNC-01")).isEqualTo(new JsonObject().put("id", "M-HD-CNC-01").put("name", "数控加工中心 1#")
                    .put("enterprise", "ent-huadong-precision").put("state", "fault").put("power_kw", 0.8).put("values_at", faulted)
                    .put("last_seen", faulted).put("max_age_ms", 45 * 60_000L).put("stale", false).put("since", faulted));
            assertThat(equipment(seen.data(), "M-XY-KILN")).as("another enterprise's equipment, for the operator").isNotNull();

            Event own = huadong.await(Duration.ofSeconds(10), p -> equipment(p, "M-HD-CNC-01") != null
                    && "fault".equals(equipment(p, "M-HD-CNC-01").getString("state")));
            assertThat(own.data().getJsonArray("equipment")).allSatisfy(o ->
                    assertThat(((JsonObject) o).getString("enterprise")).isEqualTo("ent-huadong-precision"));
        }
    }

    @Test
    void anEnterprisesStreamCarriesNoOtherEnterprise() throws Exception {
        try (EventStream huadong = new EventStream(HUADONG)) {
            assertThat(huadong.response.statusCode()).isEqualTo(200);
            publish(Map.of("E-HD-MAIN", 0.25, "E-XY-MAIN", 0.3));
            Event own = huadong.await(Duration.ofSeconds(10), p -> p.getJsonArray("enterprises").getJsonObject(0)
                    .getValue("power_kw") instanceof Number n && n.doubleValue() == 1000.0);
            String text = own.data().encode();
            assertThat(own.data().getJsonArray("enterprises")).hasSize(1);
            assertThat(text).doesNotContain("ent-xinyuan").doesNotContain("新源").doesNotContain("total_power_kw").doesNotContain("gw-north");
            for (Event e : huadong.events) {
                assertThat(e.data().getJsonArray("enterprises")).allSatisfy(o ->
                        assertThat(((JsonObject) o).getString("id")).isEqualTo("ent-huadong-precision"));
            }
        }
    }

    @Test
    void theSnapshotIsScopedAndAnotherParksOperatorIsRefused() throws Exception {
        publish(Map.of("E-HD-MAIN", 0.1));
        HttpResponse<String> own = get("/parks/demo-park/live/snapshot", HUADONG);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(own.body()).getJsonArray("enterprises")).hasSize(1);
        HttpResponse<String> operator = get("/parks/demo-park/live/snapshot", OPERATOR);
        assertThat(new JsonObject(operator.body()).getJsonArray("enterprises")).hasSizeGreaterThan(5);
        assertThat(get("/parks/demo-park/live/snapshot", ELSEWHERE).statusCode()).isEqualTo(403);
        assertThat(get("/parks/demo-park/live", ELSEWHERE).statusCode()).isEqualTo(403);
        assertThat(get("/parks/no-such-park/live/snapshot", EVERY_PARK).statusCode()).isEqualTo(404);
    }

    static HttpResponse<String> get(String path, String caller) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Test-Caller", caller).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
