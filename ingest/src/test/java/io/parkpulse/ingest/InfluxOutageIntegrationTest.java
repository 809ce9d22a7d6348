package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.parkpulse.testkit.Await;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.ingest.support.Readings;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.SteadyPublisher;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB stopped for 20 s in the middle of a steady stream and started again: every published
 * reading is stored afterwards, and meanwhile ingest holds no more than its receive window.
 */
@RealServicesTest
class InfluxOutageIntegrationTest {

    static final int METERS = 50;
    static final int RECEIVE_MAXIMUM = 64;

    @Test
    void everyReadingSurvivesATwentySecondOutage(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, "load-park", METERS);
        Readings readings = new Readings(System.currentTimeMillis() - 3_600_000, METERS);
        double maxUnacknowledged = 0;
        long published;
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-outage",
                Map.of("PARKPULSE_MQTT_RECEIVE_MAXIMUM", String.valueOf(RECEIVE_MAXIMUM))));
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "load-park", "gw-1"))) {
            SteadyPublisher publisher = new SteadyPublisher(gateway, readings, 20);
            Thread.sleep(4_000);

            influx.stop();
            long outageEnds = System.currentTimeMillis() + 20_000;
            Gauge unacknowledged = ingest.registry().get("parkpulse.ingest.unacknowledged.messages").gauge();
            while (System.currentTimeMillis() < outageEnds) {
                maxUnacknowledged = Math.max(maxUnacknowledged, unacknowledged.value());
                Thread.sleep(100);
            }
            influx.start();

            Thread.sleep(4_000);
            published = publisher.stop();
            assertThat(published).isGreaterThan(20L * METERS * 20);
            Await.until(Duration.ofSeconds(60), () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") == published,
                    () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") + " of " + published + " stored;" + readings.missingIn(influx, "parkpulse"));
            assertThat(ingest.counter("parkpulse.ingest.write.failures", "kind", "unavailable")).isGreaterThan(0);
        }
        assertThat(influx.count("parkpulse", "SELECT count(power_kw) FROM electricity")).isEqualTo(published);
        assertThat(maxUnacknowledged).as("unacknowledged messages during the outage")
                .isGreaterThan(0).isLessThanOrEqualTo(RECEIVE_MAXIMUM);
    }
}
