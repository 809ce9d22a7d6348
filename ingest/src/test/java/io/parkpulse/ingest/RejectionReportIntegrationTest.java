package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of rejected messages while ingest holds its whole receive window: every report is confirmed by the broker
 * and every message acknowledged at once. (With the reports on the consuming connection, their PUBACKs waited on the
 * callback thread blocked by the full window, and each pair of messages waited out the settle timeout.)
 */
@RealServicesTest
class RejectionReportIntegrationTest {

    static final int MESSAGES = 40;

    @Test
    void reportsAreConfirmedAndMessagesAcknowledgedWhileTheWindowIsFull(MqttBroker broker, InfluxDb influx, @TempDir Path parks)
            throws Exception {
        TestParks.copyDemoPark(parks);
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-reports",
                Map.of("PARKPULSE_MQTT_RECEIVE_MAXIMUM", "2")));
             GatewayPublisher north = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "demo-park", "gw-north"))) {
            Await.until(Duration.ofSeconds(30), () -> ingest.registry().get("parkpulse.ingest.reports.connected").gauge().value() == 1,
                    () -> "the reports' connection is not up");
            long started = System.nanoTime();
            for (int seq = 1; seq <= MESSAGES; seq++) {
                String json = "{\"seq\": " + seq + ", \"readings\": [{\"meter\": \"E-GHOST-" + seq + "\", \"ts\": "
                        + (System.currentTimeMillis() - 1000) + ", \"values\": {\"energy_kwh\": 1}}]}";
                north.publishRaw(json.getBytes(StandardCharsets.UTF_8));
            }
            for (int seq = 1; seq <= MESSAGES; seq++) {
                RejectionReport report = north.reportFor((long) seq, Duration.ofSeconds(20));
                assertThat(report).as("report of seq " + seq).isNotNull();
                assertThat(report.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.UNKNOWN_METER);
            }
            Await.until(Duration.ofSeconds(20), () -> ingest.registry().get("parkpulse.ingest.unacknowledged.messages").gauge().value() == 0,
                    () -> "messages still unacknowledged");
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(ingest.counter("parkpulse.ingest.rejection.reports", "result", "published")).isEqualTo(MESSAGES);
            assertThat(ingest.counter("parkpulse.ingest.rejection.reports", "result", "failed")).isZero();
            assertThat(seconds).as("%d rejected messages through a window of 2, in seconds (a stalled report costs 4 s)", MESSAGES)
                    .isLessThan(4.0);
        }
    }
}
