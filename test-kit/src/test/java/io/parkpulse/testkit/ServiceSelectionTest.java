package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How {@link RealServices} picks a local binary, and what it says when there is nothing to pick. */
class ServiceSelectionTest {

    private static final BinaryLocator NOTHING_INSTALLED = new BinaryLocator(Map.of("PATH", "/usr/bin:/bin"), path -> false);

    @Test
    void withoutBinariesAndDockerTheErrorSaysWhatToInstall() {
        assertThatThrownBy(() -> RealServices.mosquitto(MosquittoConfig.defaults(), NOTHING_INSTALLED, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sudo apt-get install -y mosquitto influxdb")
                .hasMessageContaining("Missing: mosquitto (looked at $PARKPULSE_MOSQUITTO_BIN, PATH, /usr/sbin/mosquitto")
                .hasMessageContaining("influxd (looked at $PARKPULSE_INFLUXD_BIN, PATH, /usr/bin/influxd")
                .hasMessageContaining("eclipse-mosquitto:2.0.18")
                .hasMessageContaining("influxdb:1.8.10");
        assertThatThrownBy(() -> RealServices.influxDb(NOTHING_INSTALLED, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install");
    }

    @Test
    void theErrorNamesOnlyWhatIsMissing() {
        BinaryLocator onlyInfluxd = new BinaryLocator(Map.of("PATH", "/opt/bin"), Path.of("/opt/bin/influxd")::equals);

        assertThatThrownBy(() -> RealServices.mosquitto(MosquittoConfig.defaults(), onlyInfluxd, () -> false))
                .hasMessageContaining("Missing: mosquitto (")
                .hasMessageNotContaining("influxd (looked");
    }

    @Test
    void lookupOrderIsVariableThenPathThenDebianLocation() {
        Set<Path> installed = Set.of(Path.of("/custom/mosquitto"), Path.of("/opt/bin/mosquitto"), Path.of("/usr/sbin/mosquitto"));
        BinaryLocator.Binary mosquitto = BinaryLocator.Binary.MOSQUITTO;

        assertThat(new BinaryLocator(Map.of("PARKPULSE_MOSQUITTO_BIN", "/custom/mosquitto", "PATH", "/opt/bin"),
                installed::contains).find(mosquitto)).contains(Path.of("/custom/mosquitto"));
        assertThat(new BinaryLocator(Map.of("PATH", "/nowhere:/opt/bin"), installed::contains).find(mosquitto))
                .contains(Path.of("/opt/bin/mosquitto"));
        assertThat(new BinaryLocator(Map.of("PATH", "/usr/bin"), installed::contains).find(mosquitto))
                .contains(Path.of("/usr/sbin/mosquitto"));
    }

    @Test
    void aVariableNamingNoExecutableFailsInsteadOfFallingBack() {
        BinaryLocator locator = new BinaryLocator(Map.of("PARKPULSE_INFLUXD_BIN", "/typo/influxd"), path -> !path.startsWith("/typo"));

        assertThatThrownBy(() -> locator.find(BinaryLocator.Binary.INFLUXD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PARKPULSE_INFLUXD_BIN=/typo/influxd is not an executable file");
    }
}
