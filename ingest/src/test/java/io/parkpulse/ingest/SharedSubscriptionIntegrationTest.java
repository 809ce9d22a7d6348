package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.testkit.Await;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.ingest.support.Readings;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ingest instances in one share group split the stream: each reading is written once, by one of them. */
@RealServicesTest
class SharedSubscriptionIntegrationTest {

    static final int METERS = 20;
    static final int MESSAGES = 400;

    @Test
    void twoInstancesSplitTheStreamAndStoreEachReadingOnce(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, "load-park", METERS);
        try (RunningIngest a = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-a", Map.of()));
             RunningIngest b = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-b", Map.of()));
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "load-park", "gw-1"))) {
            Readings readings = new Readings(System.currentTimeMillis() - 600_000, METERS);
            for (int i = 0; i < MESSAGES; i++) {
                gateway.publish(readings.nextMessage());
            }
            long published = readings.published();

            Await.until(Duration.ofSeconds(30), () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") == published,
                    () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") + " of " + published);
            Await.until(Duration.ofSeconds(10), () -> a.counter("parkpulse.ingest.points.stored")
                    + b.counter("parkpulse.ingest.points.stored") >= published + 1, () -> "counters");

            // the gateway also announced itself online: one gateway_status point, written by one of the two
            long statusPoints = influx.count("parkpulse", "SELECT count(online) FROM gateway_status");
            assertThat(statusPoints).isEqualTo(1);
            double storedByA = a.counter("parkpulse.ingest.points.stored");
            double storedByB = b.counter("parkpulse.ingest.points.stored");
            assertThat(storedByA + storedByB).as("points written by both instances together").isEqualTo(published + statusPoints);
            assertThat(storedByA).as("share of instance a").isBetween(published * 0.2, published * 0.8);
            assertThat(storedByB).as("share of instance b").isBetween(published * 0.2, published * 0.8);
        }
    }
}
