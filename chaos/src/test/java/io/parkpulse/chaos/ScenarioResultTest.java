package io.parkpulse.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.testkit.MosquittoConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a fault's figures are judged: each broken guarantee is named, and only a clean run passes. */
class ScenarioResultTest {

    static final GatewayDelivery CLEAN_GATEWAY = gateway(0, 0, 0, 0);

    static ScenarioResult result(long published, long stored, long recoveryMs, long ingestBackMs, double liveHeapMb, boolean alive) {
        return result(published, stored, recoveryMs, ingestBackMs, liveHeapMb, alive, CLEAN_GATEWAY, null);
    }

    static ScenarioResult result(long published, long stored, long recoveryMs, long ingestBackMs, double liveHeapMb, boolean alive,
                                 GatewayDelivery gateway, BufferReplay replay) {
        return new ScenarioResult("fault", "a fault", published, stored, 0, recoveryMs, ingestBackMs, 30, 200, liveHeapMb, 150, 0, 0,
                alive, false, true, gateway, replay, 256, 90_000);
    }

    static GatewayDelivery gateway(long worstMeterInFlight, long lost, long duplicates, long outOfOrder) {
        return new GatewayDelivery(100, 100 - worstMeterInFlight - lost + duplicates, worstMeterInFlight, worstMeterInFlight, lost,
                duplicates, outOfOrder, 0, 3, 12, 90);
    }

    @Test
    void aCleanRunPasses() {
        assertThat(result(1000, 1000, 800, 0, 40, true).problems()).isEmpty();
        assertThat(result(1000, 1000, 800, 0, 40, true, gateway(1, 0, 0, 0), new BufferReplay(50, 900)).problems()).isEmpty();
    }

    @Test
    void eachBrokenGuaranteeIsNamed() {
        assertThat(result(1000, 990, 800, 0, 40, true).problems()).containsExactly("1000 readings published, 990 stored");
        assertThat(result(1000, 1000, -1, 0, 40, true).problems()).containsExactly("not recovered within 90 s");
        assertThat(result(1000, 1000, 800, -1, 40, true).problems()).containsExactly("ingest not subscribed again within 90 s");
        assertThat(result(1000, 1000, 800, 0, 40, false).problems()).containsExactly("an ingest instance died");
        assertThat(result(1000, 1000, 800, 0, 240, true).problems()).containsExactly("ingest live heap reached 240 MiB");
    }

    @Test
    void theGatewayMayLoseOnlyTheReadsInFlightAtAKill() {
        assertThat(result(1000, 1000, 800, 0, 40, true, gateway(0, 3, 0, 0), null).problems())
                .containsExactly("3 gateway readings lost (0 reads failed in the window)");
        assertThat(result(1000, 1000, 800, 0, 40, true, gateway(2, 0, 0, 0), null).problems())
                .containsExactly("2 reads of one meter lost at the kill (one may be in flight)");
        assertThat(result(1000, 1000, 800, 0, 40, true, gateway(0, 0, 2, 1), null).problems())
                .containsExactly("2 gateway readings stored twice", "1 gateway readings out of order");
    }

    @Test
    void aWindowWithoutGatewayReadsProvesNothingAndFails() {
        GatewayDelivery none = new GatewayDelivery(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90);
        assertThat(result(1000, 1000, 800, 0, 40, true, none, null).problems())
                .containsExactly("the gateway's meters answered no read in the fault's window: nothing checked");
    }

    @Test
    void theRestartedGatewayMustFindItsBufferAndEmptyIt() {
        assertThat(result(1000, 1000, 800, 0, 40, true, CLEAN_GATEWAY, new BufferReplay(0, -1)).problems())
                .containsExactly("gateway buffer did not drain within 90 s", "the restarted gateway found nothing in its buffer");
    }

    @Test
    void anUnknownFormOrScenarioIsRefusedByName() {
        assertThatThrownBy(() -> ChaosPlan.named("medium")).hasMessage("unknown form 'medium': expected short or full");
        assertThatThrownBy(() -> new ChaosSuite(ChaosPlan.SHORT, Path.of("x"), null, List.of("broker-kill"), MosquittoConfig.defaults()))
                .hasMessageContaining("unknown scenario 'broker-kill'");
    }
}
