package io.parkpulse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcksConfigTest {

    private static final String BASE = """
            gateway: {park: p1, id: gw-1}
            broker: {url: "tcp://127.0.0.1:1883"}
            devices:
              - {meter: E-1, protocol: dlt645, endpoint: "127.0.0.1:9", address: "000000000001", profile: dlt645-energy-only}
            """;

    @Test
    void endToEndAcksAreOnByDefault() {
        GatewayConfig.Acks acks = read(BASE).acks();
        assertThat(acks).isEqualTo(GatewayConfig.Acks.DEFAULT);
        assertThat(acks.endToEnd()).isTrue();
        assertThat(acks.resendAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(acks.resendMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(acks.maxUnconfirmed()).isEqualTo(1000);
    }

    @Test
    void everyKeyCanBeSet() {
        GatewayConfig.Acks acks = read(BASE + "acks: {end_to_end: false, resend_after: 10s, resend_max: 2m, max_unconfirmed: 50}\n").acks();
        assertThat(acks).isEqualTo(new GatewayConfig.Acks(false, Duration.ofSeconds(10), Duration.ofMinutes(2), 50));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> read(BASE + "acks: {end_to_end: maybe, resend_after: 0s, max_unconfirmed: 0, resend: 1s}\n"))
                .hasMessageContaining("acks.end_to_end: must be true")
                .hasMessageContaining("acks.resend_after: must be at least 1s")
                .hasMessageContaining("acks.max_unconfirmed: must be a whole number from 1 to 100000")
                .hasMessageContaining("resend");
        assertThatThrownBy(() -> read(BASE + "acks: {resend_after: 10m}\n")).hasMessageContaining("acks.resend_max: must be at least resend_after");
    }

    private static GatewayConfig read(String yaml) {
        return new GatewayConfigReader(Map.<String, String>of()::get, ProfileCatalog.builtIn()).read("gateway.yaml", yaml, Path.of("."));
    }
}
