package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.parkpulse.testkit.Await;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest never holds more unacknowledged messages than its receive maximum, even from a broker that
 * sends more: Mosquitto 2.0.11 stops honouring the receive maximum once acknowledgements flow.
 */
@RealServicesTest
class InFlightLimitIntegrationTest {

    static final int LIMIT = 20;
    static final int MESSAGES = 3_000;

    @Test
    void aBurstOfSmallMessagesNeverExceedsTheLimitAndIsStoredCompletely(MqttBroker broker, InfluxDb influx, @TempDir Path parks)
            throws Exception {
        LoadPark park = new LoadPark("load-park", 1, MESSAGES);
        park.writeTo(parks);
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-limit",
                Map.of("PARKPULSE_MQTT_RECEIVE_MAXIMUM", String.valueOf(LIMIT))));
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), park.parkId(),
                     LoadPark.gatewayId(0)))) {
            Gauge held = ingest.registry().get("parkpulse.ingest.unacknowledged.messages").gauge();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet((long) held.value(), Math::max);
                    Thread.onSpinWait();
                }
            });
            sampler.start();

            LoadTraffic traffic = new LoadTraffic(park, 1, System.currentTimeMillis() - 60_000);
            for (int m = 0; m < MESSAGES; m++) {
                gateway.publishAsync(traffic.message(0, 0, m).payload(), 1, () -> { }, e -> { });
            }
            assertThat(gateway.awaitAcknowledged(Duration.ofSeconds(60))).isTrue();
            Await.until(Duration.ofSeconds(60), () -> influx.count("parkpulse", "SELECT count(power_kw) FROM electricity") == MESSAGES,
                    () -> influx.count("parkpulse", "SELECT count(power_kw) FROM electricity") + " of " + MESSAGES);
            sampling.set(false);
            sampler.join();
            assertThat(peak.get()).as("most messages held unacknowledged").isPositive().isLessThanOrEqualTo(LIMIT);
        }
    }
}
