package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.testkit.Await;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.ingest.support.IngestProcess;
import io.parkpulse.ingest.support.Readings;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.SteadyPublisher;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest killed with SIGKILL in the middle of a stream and started again under the same client id:
 * its persistent session hands it what was queued meanwhile and what it had not acknowledged, so
 * every published reading is stored.
 */
@RealServicesTest
class IngestCrashIntegrationTest {

    static final int METERS = 40;

    @Test
    void everyReadingIsStoredAfterAKillAndRestart(MqttBroker broker, InfluxDb influx, @TempDir Path dir) throws Exception {
        Path parks = dir.resolve("parks");
        TestParks.writeLoadPark(parks, "load-park", METERS);
        Map<String, String> env = RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-crash",
                Map.of("PARKPULSE_MQTT_RECEIVE_MAXIMUM", "100"));
        Readings readings = new Readings(System.currentTimeMillis() - 7_200_000, METERS);
        Path log = dir.resolve("ingest.log");

        try (IngestProcess first = new IngestProcess(env, log).start().awaitReady();
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), "load-park", "gw-1"))) {
            SteadyPublisher publisher = new SteadyPublisher(gateway, readings, 40);
            Thread.sleep(3_000);
            first.kill();
            long storedAtKill = influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity");
            Thread.sleep(3_000);

            try (IngestProcess second = new IngestProcess(env, log).start().awaitReady()) {
                Thread.sleep(3_000);
                long published = publisher.stop();
                assertThat(storedAtKill).as("some readings stored before the kill").isPositive().isLessThan(published);
                Await.until(Duration.ofSeconds(60),
                        () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") == published,
                        () -> influx.count("parkpulse", "SELECT count(energy_kwh) FROM electricity") + " of " + published + " stored;" + readings.missingIn(influx, "parkpulse") + "\nlog:\n"
                                + tail(log));
            }
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
