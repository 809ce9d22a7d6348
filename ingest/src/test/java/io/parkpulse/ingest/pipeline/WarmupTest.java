package io.parkpulse.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Limits;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.park.ParkRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void runsTheMessagesThroughTheRealCodeAndEveryReadingBecomesAPoint() {
        Warmup.Result result = Warmup.run(Limits.DEFAULT, 1_000, Duration.ofSeconds(30));
        assertThat(result.messages()).isEqualTo(1_000);
        // 900 one-reading messages and 100 of fifty: every reading valid, so one point each
        assertThat(result.points()).isEqualTo(900 + 100 * 50);
        assertThat(result.renderedBytes()).as("line protocol rendered for the full batches").isPositive();
    }

    @Test
    void itsSyntheticMessagesPassTheContractWithoutARejection() {
        ParkRegistry registry = new ParkRegistry(List.of(new ParkFileReader().read("warmup-park.yaml", Warmup.parkFile())));
        MessagePreparer preparer = new MessagePreparer(new TelemetryDecoder(Limits.DEFAULT, Clock.systemUTC()), () -> registry);
        long now = System.currentTimeMillis();
        PreparedMessage prepared = preparer.prepare(new InboundMessage("dp/v1/" + Warmup.PARK_ID + "/" + Warmup.GATEWAY + "/telemetry",
                Warmup.telemetry(7, 50, now - 1_000), 1, 1, 0, now));
        assertThat(prepared.rejections()).isEmpty();
        assertThat(prepared.points()).hasSize(50);
        assertThat(prepared.seq()).isEqualTo(7L);
    }

    @Test
    void stopsAtItsTimeBudget() {
        Warmup.Result result = Warmup.run(Limits.DEFAULT, 1_000_000, Duration.ofMillis(300));
        assertThat(result.messages()).isLessThan(1_000_000);
        assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
    }
}
