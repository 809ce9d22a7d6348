package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.run.MqttSink;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's load run measured against a real broker, ingest and InfluxDB reports what really happened. */
@RealServicesTest
class LoadRunIntegrationTest {

    @Test
    void aShortPacedRunIsStoredCompletelyAndMeasured(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        LoadPark park = new LoadPark("load-park", 3, 40);
        park.writeTo(parks);
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-load", Map.of()))) {
            LoadReport report = new LoadRun(new LoadRun.Settings("test", broker.url(), null, null, park, 20, 1, 3_000, Duration.ofSeconds(4),
                    2, URI.create(influx.url()), "parkpulse", URI.create("http://127.0.0.1:" + ingest.httpPort() + "/metrics"),
                    ProcessHandle.current().pid(), Duration.ofMillis(100))).run();

            assertThat(report.published()).isBetween(8_000L, 13_000L);
            assertThat(report.stored()).isEqualTo(report.published());
            assertThat(report.lost()).isZero();
            assertThat(report.duplicates()).isZero();
            assertThat(report.rejected()).isZero();
            assertThat(report.latenciesMs()).hasSizeGreaterThan(20);
            assertThat(report.probesNotFound()).isZero();
            assertThat(report.latencyPercentileMs(99)).isPositive().isLessThan(5_000);
            assertThat(report.ingestHeapPeakMb()).isPositive();
            assertThat(report.ingestRssPeakMb()).isPositive();
            assertThat(report.table()).contains("published").contains("p99");
        }
    }

    /**
     * With end-to-end acks the load counts a reading as published only once ingest acknowledges its message as
     * stored (ingest's own acks, docs/protocol.md): published is then exactly what InfluxDB counts. Resending for want
     * of an ack is covered by the simulators' tests; here nothing is lost.
     */
    @Test
    void withEndToEndAcksPublishedMeansStored(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        LoadPark park = new LoadPark("load-park", 3, 40);
        park.writeTo(parks);
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-load", Map.of()))) {
            LoadReport report = new LoadRun(new LoadRun.Settings("test", broker.url(), null, null, park, 20, 1, 3_000, Duration.ofSeconds(4),
                    2, URI.create(influx.url()), "parkpulse", URI.create("http://127.0.0.1:" + ingest.httpPort() + "/metrics"),
                    ProcessHandle.current().pid(), Duration.ofMillis(100))
                    .withAcks(new MqttSink.Acks(true, Duration.ofSeconds(1), Duration.ofSeconds(4)))).run();

            assertThat(report.published()).as("acknowledged as stored").isBetween(8_000L, 13_000L);
            assertThat(report.stored()).as("counted in InfluxDB").isEqualTo(report.published());
            assertThat(report.lost()).isZero();
            assertThat(report.rejected()).isZero();
        }
    }
}
