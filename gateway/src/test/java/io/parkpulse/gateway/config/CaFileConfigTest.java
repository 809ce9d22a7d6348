package io.parkpulse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.mqtt.CaFile;
import io.parkpulse.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broker.ca_file} is read with the rest of the file: a file the uplink could not trust anything from is a
 * configuration error with its line (and {@code --check} says so), not a failure at every handshake.
 */
class CaFileConfigTest {

    private final GatewayConfigReader reader = new GatewayConfigReader(Map.of("PW", "secret")::get, ProfileCatalog.builtIn());

    @TempDir
    Path dir;

    @Test
    void aBundleOfCasWithTextAroundThePemBlocksIsReadFromTheFilesDirectory() throws Exception {
        String first = TestCertificates.authority("Park CA").certificatePem();
        String second = TestCertificates.authority("Next year's park CA").certificatePem();
        // as "openssl x509 -text" and CA bundles write them: text before each block
        Files.writeString(dir.resolve("ca.pem"), "Park CA\n" + first + "\nrolled over in 2027:\n" + second);

        GatewayConfig config = reader.read(gatewayFile("ca.pem"));

        assertThat(config.broker().caFile()).isEqualTo(dir.resolve("ca.pem"));
        assertThat(CaFile.certificates(config.broker().caFile())).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=Park CA", "CN=Next year's park CA");
    }

    @Test
    void theServersKeyGivenAsCaFileIsAnErrorAtItsLine() throws Exception {
        TestCertificates.Issued server = TestCertificates.authority("Park CA")
                .issueServer("broker", List.of("broker.park.example"), List.of());
        Files.writeString(dir.resolve("server.key"), server.keyPem());

        assertThatThrownBy(() -> reader.read(gatewayFile("server.key")))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigFileError::toString).singleElement().asString()
                        .startsWith(dir.resolve("gateway.yaml") + ":7:")
                        .contains("broker.ca_file")
                        .contains("CA file " + dir.resolve("server.key") + " is not a certificate file")
                        .contains("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void anEmptyCaFileIsAnError() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "");

        assertThatThrownBy(() -> reader.read(gatewayFile("ca.pem")))
                .isInstanceOfSatisfying(InvalidGatewayConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigFileError::toString).singleElement().asString()
                        .contains("broker.ca_file").contains("holds no certificate"));
    }

    private Path gatewayFile(String caFile) throws Exception {
        return Files.writeString(dir.resolve("gateway.yaml"), String.join("\n",
                "gateway: {park: demo-park, id: gw-north}",
                "broker:",
                "  url: ssl://broker.park.example:8883",
                "  username: gw-demo-park-gw-north",
                "  password_env: PW",
                "  # relative to this file",
                "  ca_file: " + caFile,
                "devices:",
                "  - {meter: E-1, protocol: dlt645, endpoint: 127.0.0.1:9, address: \"000000000001\","
                        + " profile: dlt645-energy-only}",
                ""));
    }
}
