package io.parkpulse.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.testkit.MosquittoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chaos suite's short form, as CI runs it: every fault under steady load against the real jars, Mosquitto and
 * InfluxDB; nothing published may be missing from storage, every fault must recover, ingest's memory must stay
 * bounded, and in every fault the real gateway must deliver every read of its meters once and in order but one in
 * flight when it was killed. The processes' logs stay in {@code chaos/target/chaos-short/} for a failure's post-mortem.
 */
class ChaosShortFormIntegrationTest {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyFaultRecoversWithoutLosingAReading() throws Exception {
        Path work = Path.of("target", "chaos-short");
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        ChaosReport report = new ChaosSuite(ChaosPlan.SHORT, work, Jars.fromSystemProperties(), List.of(), MosquittoConfig.defaults())
                .run(System.out::println);
        System.out.println(report.markdown());

        assertThat(report.results()).extracting(ScenarioResult::name)
                .containsExactly("ingest-kill", "broker-restart", "influxdb-outage", "gateway-uplink-cut", "broker-kill-backlog",
                        "broker-restart-mqtt311-acks");
        assertThat(report.problems()).as(report.markdown()).isEmpty();
        for (ScenarioResult result : report.results()) {
            assertThat(result.published()).as(result.name() + ": the load ran").isGreaterThan(1_000);
            // InfluxQL count(power_kw) over the load's time range: points, so a resent message adds none
            assertThat(result.stored()).as(result.name()).isEqualTo(result.published());
            assertThat(result.gateway().read()).as(result.name() + ": the gateway read its meters")
                    .isGreaterThan(ChaosPlan.SHORT.gatewayMeters() * 10L);
        }
        ScenarioResult uplinkCut = byName(report, "gateway-uplink-cut");
        assertThat(uplinkCut.replay().foundAtRestart()).as("readings found on disk by the restarted gateway").isPositive();
        assertThat(uplinkCut.gateway().stored()).as("gateway readings stored").isGreaterThan(ChaosPlan.SHORT.gatewayMeters() * 20L);

        ScenarioResult backlog = byName(report, "broker-kill-backlog");
        assertThat(backlog.resends()).as("the load sent messages again: duplicates written, yet stored = published").isPositive();
        assertThat(backlog.gateway().peakUnconfirmed()).as("the gateway's messages awaiting an ack while InfluxDB was down")
                .isGreaterThanOrEqualTo(ChaosPlan.SHORT.backlog().toMillis() / ChaosPlan.SHORT.gatewayPoll().toMillis() / 2);
        assertThat(backlog.gateway().resends()).as("the gateway sent its unconfirmed messages again").isPositive();
        for (ScenarioResult acked : List.of(backlog, byName(report, "broker-restart-mqtt311-acks"))) {
            assertThat(acked.gateway().lost()).as(acked.name() + ": gateway reads lost").isZero();
            assertThat(acked.gateway().duplicates()).as(acked.name() + ": gateway reads stored twice").isZero();
            assertThat(acked.gateway().outOfOrder()).as(acked.name() + ": gateway reads out of order").isZero();
            assertThat(acked.gateway().stored()).as(acked.name() + ": every gateway read stored once").isEqualTo(acked.gateway().read());
        }
    }

    private static ScenarioResult byName(ChaosReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
