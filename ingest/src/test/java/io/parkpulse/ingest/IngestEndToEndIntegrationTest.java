package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.testkit.Await;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.ingest.support.Http;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo park through a real Mosquitto, a running ingest and a real InfluxDB. */
@RealServicesTest
class IngestEndToEndIntegrationTest {

    static final String DB = "parkpulse";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path parks;
    static RunningIngest ingest;
    static GatewayPublisher north;
    static InfluxDb influx;

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb db) throws Exception {
        influx = db;
        TestParks.copyDemoPark(parks);
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), db.url(), parks, "ingest-e2e", Map.of()));
        north = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "demo-park", "gw-north"));
    }

    @AfterAll
    static void stop() throws Exception {
        north.close();
        ingest.close();
    }

    static long now() {
        return System.currentTimeMillis() - 1000;
    }

    static QueryResult awaitRows(String influxql, int rows) throws InterruptedException {
        QueryResult[] last = new QueryResult[1];
        Await.until(WAIT, () -> {
            last[0] = influx.query(DB, influxql);
            return !last[0].isEmpty() && last[0].series().stream().mapToInt(s -> s.values().size()).sum() >= rows;
        }, () -> String.valueOf(last[0]));
        return last[0];
    }

    /** InfluxDB's JSON writes a float field holding a whole number without a decimal point. */
    static double number(Object cell) {
        return ((Number) cell).doubleValue();
    }

    static List<Double> numbers(List<Object> row) {
        return row.stream().map(IngestEndToEndIntegrationTest::number).toList();
    }

    @Test
    void publishedReadingsAreQueryableWithTagsScaledFieldsAndDeviceTime() throws Exception {
        long ts = now();
        north.publish(new TelemetryMessage(1, List.of(
                new Reading("E-HD-MAIN", ts, List.of(Value.of(Quantity.ENERGY_KWH, 250.25), Value.of(Quantity.POWER_KW, 0.1))),
                new Reading("M-HD-CNC-01", ts, List.of(Value.of(EquipmentState.RUNNING), Value.of(Quantity.OUTPUT_COUNT, 42))))));

        QueryResult electricity = awaitRows("SELECT energy_kwh, power_kw, register_factor FROM electricity WHERE meter = 'E-HD-MAIN' "
                + "AND time = " + ts + "ms GROUP BY *", 1);
        QueryResult.Series e = electricity.single();
        assertThat(e.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("park", "demo-park", "meter", "E-HD-MAIN",
                "enterprise", "ent-huadong-precision", "industry", "C3484"));
        assertThat(numbers(e.values().get(0))).containsExactly((double) ts, 1_001_000.0, 400.0, 4000.0);

        QueryResult equipment = awaitRows("SELECT state, output_count FROM equipment WHERE meter = 'M-HD-CNC-01' AND time = " + ts + "ms", 1);
        List<Object> row = equipment.single().values().get(0);
        assertThat(row.get(1)).isEqualTo("running");
        assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(42.0);
    }

    @Test
    void aMessageMixingGoodAndBadReadingsStoresTheGoodOnesAndReportsTheBadOnes() throws Exception {
        long ts = now() - 5_000;
        String json = """
                {"seq": 77, "readings": [
                  {"meter": "E-XY-KILN", "ts": %d, "values": {"energy_kwh": 10, "power_kw": NaN}},
                  {"meter": "E-GHOST-9", "ts": %d, "values": {"energy_kwh": 1}},
                  {"meter": "E-TH-MAIN", "ts": %d, "values": {"energy_kwh": 1}},
                  {"meter": "E-XY-MILL", "values": {"energy_kwh": 1}},
                  {"meter": "E-XY-MILL", "ts": %d, "values": {"energy_kwh": 3.5}}
                ]}""".formatted(ts, ts, ts, ts);
        north.publishRaw(json.getBytes(StandardCharsets.UTF_8));

        RejectionReport report = north.reportFor(77L, WAIT);
        assertThat(report).as("a rejection report on dp/v1/demo-park/gw-north/rejected").isNotNull();
        assertThat(report.rejections()).extracting(Rejection::reason, Rejection::path, Rejection::meter).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RejectReason.VALUE_NOT_FINITE, "$.readings[0].values.power_kw", "E-XY-KILN"),
                org.assertj.core.groups.Tuple.tuple(RejectReason.MISSING_FIELD, "$.readings[3].ts", "E-XY-MILL"),
                org.assertj.core.groups.Tuple.tuple(RejectReason.UNKNOWN_METER, "$.readings[1]", "E-GHOST-9"),
                org.assertj.core.groups.Tuple.tuple(RejectReason.METER_NOT_ON_GATEWAY, "$.readings[2]", "E-TH-MAIN"));
        assertThat(report.rejections().get(2).detail()).contains("E-GHOST-9 is not in park demo-park");

        assertThat(awaitRows("SELECT energy_kwh FROM electricity WHERE meter = 'E-XY-KILN' AND time = " + ts + "ms", 1)
                .single().values().get(0)).map(IngestEndToEndIntegrationTest::number).containsExactly((double) ts, 200_000.0);
        assertThat(awaitRows("SELECT energy_kwh FROM electricity WHERE meter = 'E-XY-MILL' AND time = " + ts + "ms", 1)
                .single().values().get(0)).map(IngestEndToEndIntegrationTest::number).containsExactly((double) ts, 56_000.0);
        assertThat(influx.count(DB, "SELECT count(energy_kwh) FROM electricity WHERE meter = 'E-TH-MAIN'")).isZero();

        assertThat(ingest.counter("parkpulse.ingest.rejections", "reason", "unknown_meter")).isGreaterThanOrEqualTo(1);
        assertThat(ingest.counter("parkpulse.ingest.rejections", "reason", "value_not_finite")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void garbageIsReportedAndDoesNotStopTheStream() throws Exception {
        north.publishRaw("not json at all".getBytes(StandardCharsets.UTF_8));
        RejectionReport report = north.reportFor(null, WAIT);
        assertThat(report).isNotNull();
        assertThat(report.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.MALFORMED_JSON);

        long ts = now() - 7_000;
        north.publish(new TelemetryMessage(2, List.of(new Reading("E-HD-CNC", ts, List.of(Value.of(Quantity.ENERGY_KWH, 1))))));
        awaitRows("SELECT energy_kwh FROM electricity WHERE meter = 'E-HD-CNC' AND time = " + ts + "ms", 1);
    }

    @Test
    void gatewayStatusIsRecorded() throws Exception {
        // the publisher announced ONLINE when it connected: the test's own OFFLINE must appear as false,
        // and the ONLINE after it as a later true
        north.publishStatus(GatewayStatus.OFFLINE);
        QueryResult offline = awaitRows("SELECT online FROM gateway_status WHERE gateway = 'gw-north' AND online = false", 1);
        assertThat(offline.single().column("online")).containsOnly(false);
        Thread.sleep(5); // status points are stamped with their arrival millisecond
        north.publishStatus(GatewayStatus.ONLINE);
        QueryResult after = awaitRows("SELECT online FROM gateway_status WHERE gateway = 'gw-north' AND time > '"
                + java.time.Instant.ofEpochMilli(((Number) offline.single().column("time").get(0)).longValue()) + "'", 1);
        assertThat(after.single().column("online")).containsOnly(true);
    }

    @Test
    void servesPrometheusMetricsAndHealth() throws Exception {
        north.publish(new TelemetryMessage(3, List.of(new Reading("E-NOT-THERE", now(), List.of(Value.of(Quantity.ENERGY_KWH, 1))))));
        assertThat(north.reportFor(3L, WAIT)).isNotNull();

        HttpResponse<String> metrics = Http.get(ingest.httpPort(), "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("parkpulse_ingest_rejections_total{reason=\"unknown_meter\"}")
                .contains("parkpulse_ingest_messages_total{outcome=\"rejected\"}")
                .contains("parkpulse_ingest_points_stored_total")
                .contains("parkpulse_ingest_write_latency_seconds")
                .contains("parkpulse_ingest_batch_points")
                .contains("parkpulse_ingest_unacknowledged_messages")
                .contains("jvm_memory_used_bytes");

        HttpResponse<String> health = Http.get(ingest.httpPort(), "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\" : \"UP\"").contains("\"parks\" : 1").containsPattern("\"meters\" : 3[0-9]");
    }

    @Test
    void parkFileEditsApplyWithoutRestartAndBadEditsAreReported() throws Exception {
        Path file = parks.resolve("demo-park.yaml");
        String original = Files.readString(file);
        try {
            Files.writeString(file, original + """
                      - id: E-HD-NEW
                        name: 新增分表
                        kind: electricity
                        enterprise: ent-huadong-precision
                        gateway: gw-north
                    """);
            long ts = now() - 9_000;
            Await.until(WAIT, () -> {
                try {
                    north.publish(new TelemetryMessage(4, List.of(new Reading("E-HD-NEW", ts, List.of(Value.of(Quantity.ENERGY_KWH, 7))))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return influx.count(DB, "SELECT count(energy_kwh) FROM electricity WHERE meter = 'E-HD-NEW'") == 1;
            }, () -> "E-HD-NEW not stored");

            Files.writeString(file, original.replace("kind: equipment", "kind: machine"));
            Await.until(WAIT, () -> {
                try {
                    return Http.get(ingest.httpPort(), "/health").body().contains("is not a meter kind");
                } catch (Exception e) {
                    return false;
                }
            }, () -> "reload error not reported");
        } finally {
            Files.writeString(file, original);
        }
    }
}
