package io.parkpulse.endtoend;

import static io.parkpulse.endtoend.GatewayOutageIntegrationTest.buffered;
import static io.parkpulse.endtoend.GatewayOutageIntegrationTest.storedCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.gateway.Gateway;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages the gateway sends again (end-to-end acks on, confirmation late or missing) are stored once each: a reading
 * written twice is the same InfluxDB point. Ingest of this branch publishes no acks, so every message is resent every
 * second here; with an ingest that acks, fewer are, and the count must hold all the same.
 */
@RealServicesTest
class ResentDuplicatesIntegrationTest {

    @Test
    void messagesSentAgainAreStoredOnce(MqttBroker broker, InfluxDb influx, @TempDir Path parks, @TempDir Path work) throws Exception {
        TestParkFiles.copyInto(parks);
        GatewayOutageIntegrationTest.AdvancingRegisters registers = new GatewayOutageIntegrationTest.AdvancingRegisters();
        long start = System.currentTimeMillis();
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-resend-test", Map.of()));
             Dlt645Emulator converter = new Dlt645Emulator(0, registers, Map.of("000000000001", "E-DLT-1"))) {
            String yaml = """
                    gateway: {park: gw-test-park, id: gw-test}
                    broker: {url: "%s"}
                    acks: {end_to_end: true, resend_after: 1s, resend_max: 1s}
                    polling: {interval: 1s, timeout: 500ms}
                    buffer: {directory: "%s"}
                    http: {host: 127.0.0.1, port: 0}
                    devices:
                      - {meter: E-DLT-1, protocol: dlt645, endpoint: "127.0.0.1:%d", address: "000000000001", profile: dlt645-energy-only}
                    """.formatted(broker.url(), work.resolve("buffer"), converter.port());
            GatewayConfig config = new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn())
                    .read("gateway.yaml", yaml, work);
            Gateway gateway = Gateway.start(config);
            try {
                Await.until(Duration.ofSeconds(40), () -> storedCount(influx, start) >= 6 && (resends(gateway) >= 10 || acks(gateway) > 0),
                        () -> gateway.status().getJsonObject("acks").encode());
                gateway.poller().close();
                Thread.sleep(500);
                double buffered = buffered(gateway);
                Await.until(Duration.ofSeconds(30), () -> storedCount(influx, start) >= buffered,
                        () -> "stored " + storedCount(influx, start) + " of " + buffered);
                Thread.sleep(3_000); // more resends land meanwhile
                assertThat((double) storedCount(influx, start)).as("every reading once, however often sent").isEqualTo(buffered);
                if (acks(gateway) == 0) {
                    assertThat(resends(gateway)).as("an ingest without acks: everything was sent again").isGreaterThanOrEqualTo(10);
                }
            } finally {
                gateway.close();
            }
        }
    }

    private static long resends(Gateway gateway) {
        return gateway.status().getJsonObject("acks").getLong("resends");
    }

    private static long acks(Gateway gateway) {
        return gateway.status().getJsonObject("acks").getLong("acks_received");
    }
}
