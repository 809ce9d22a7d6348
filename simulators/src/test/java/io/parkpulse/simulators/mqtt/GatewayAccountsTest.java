package io.parkpulse.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's per-gateway credentials file: read as broker-config writes it; mistakes named by line and field. */
class GatewayAccountsTest {

    @TempDir
    Path dir;

    @Test
    void readsEachGatewaysAccount() throws Exception {
        GatewayAccounts accounts = GatewayAccounts.read(write("""
                # written by parkpulse-tools broker-config --simulator-credentials
                "demo-park":
                  "gw-north": {username: "gw-demo-park-gw-north", password: "n0rth"}
                  "gw-south": {username: "gw-demo-park-gw-south", password: "s0uth"}
                """));

        assertThat(accounts.of("demo-park", "gw-south")).isEqualTo(new GatewayAccounts.Account("gw-demo-park-gw-south", "s0uth"));
        assertThat(accounts.of("demo-park", "gw-north").toString()).doesNotContain("n0rth");
    }

    @Test
    void aGatewayWithoutAnAccountIsNamed() throws Exception {
        GatewayAccounts accounts = GatewayAccounts.read(write("demo-park:\n  gw-north: {username: u, password: p}\n"));

        assertThatThrownBy(() -> accounts.of("demo-park", "gw-east")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("park demo-park has no account for gateway gw-east").hasMessageContaining("[gw-north]");
        assertThatThrownBy(() -> accounts.of("other-park", "gw-north")).hasMessageContaining("no accounts for park other-park");
    }

    @Test
    void mistakesAreNamedByLineAndField() throws Exception {
        Path file = write("demo-park:\n  gw-north: {username: u}\n  gw-south: {user: u, password: p}\n");

        assertThatThrownBy(() -> GatewayAccounts.read(file)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("gw-north.password")
                .hasMessageContaining(file + ":3:").hasMessageContaining("gw-south.user");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("simulator-credentials.yaml"), yaml);
    }
}
