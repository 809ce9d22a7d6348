package io.parkpulse.tools.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files themselves, with the real mosquitto_passwd; the broker's behaviour is in the integration test. */
class BrokerConfigFilesTest {

    private static final MosquittoSecurityConf CONF = new MosquittoSecurityConf("/etc/mosquitto/parkpulse", "127.0.0.1",
            1883, 8883, "/certs/ca.crt", "/certs/server.crt", "/certs/server.key");

    @TempDir
    Path work;
    Path parks;
    Path out;

    @BeforeEach
    void parks() throws Exception {
        parks = Files.createDirectories(work.resolve("parks"));
        out = work.resolve("out");
        Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
    }

    @Test
    void aclGivesEachGatewayOnlyItsOwnTopics() throws Exception {
        BrokerConfigFiles.Result result = generate(Set.of(), false);

        assertThat(Files.readString(result.acl())).contains("""
                user gw-demo-park-gw-north
                topic write dp/v1/demo-park/gw-north/telemetry
                topic write dp/v1/demo-park/gw-north/status
                topic read dp/v1/demo-park/gw-north/rejected
                topic read dp/v1/demo-park/gw-north/ack
                """, """
                user ingest
                topic read dp/v1/+/+/telemetry
                topic read dp/v1/+/+/status
                topic write dp/v1/+/+/rejected
                topic write dp/v1/+/+/ack
                topic write live/v1/+/rollup
                """, """
                user dashboard
                topic read live/v1/+/rollup
                """).doesNotContain("\npattern ", "user simulator");
        assertThat(result.users()).extracting(BrokerUser::name).containsExactly("ingest", "dashboard",
                "gw-demo-park-gw-nbiot", "gw-demo-park-gw-north", "gw-demo-park-gw-south");
    }

    @Test
    void passwordFileHoldsMosquittoHashesAndCredentialsAreOwnerOnlyEnvFiles() throws Exception {
        BrokerConfigFiles.Result result = generate(Set.of(), false);

        String passwordFile = Files.readString(result.passwordFile());
        assertThat(passwordFile).contains("ingest:$7$", "gw-demo-park-gw-north:$7$");
        result.passwords().values().forEach(password -> assertThat(passwordFile).doesNotContain(password));
        Path north = out.resolve("credentials/gw-demo-park-gw-north.env");
        assertThat(Files.readString(north)).contains("broker.username: gw-demo-park-gw-north",
                "PARKPULSE_GATEWAY_PASSWORD=" + result.passwords().get("gw-demo-park-gw-north"));
        assertThat(Files.readString(out.resolve("credentials/ingest.env"))).contains("PARKPULSE_MQTT_USERNAME=ingest\n",
                "PARKPULSE_MQTT_PASSWORD=" + result.passwords().get("ingest"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(north))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("credentials")))).isEqualTo("rwx------");
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }

    @Test
    void regeneratingKeepsPasswordsExceptRotatedOnes() {
        Map<String, String> first = generate(Set.of(), false).passwords();
        Map<String, String> again = generate(Set.of(), false).passwords();
        Map<String, String> rotated = generate(Set.of("gw-demo-park-gw-south"), false).passwords();

        assertThat(again).isEqualTo(first);
        assertThat(rotated.get("gw-demo-park-gw-south")).isNotEqualTo(first.get("gw-demo-park-gw-south")).hasSize(32);
        assertThat(rotated).containsAllEntriesOf(Map.of("ingest", first.get("ingest"),
                "gw-demo-park-gw-north", first.get("gw-demo-park-gw-north")));
        assertThat(generate(Set.of(), true).passwords().get("ingest")).isNotEqualTo(first.get("ingest"));
    }

    @Test
    void confSwitchesOffAnonymousAndDeclaresBothListeners() throws Exception {
        String conf = Files.readString(generate(Set.of(), false).conf());

        assertThat(conf).contains("allow_anonymous false\n", "password_file /etc/mosquitto/parkpulse/passwords\n",
                "acl_file /etc/mosquitto/parkpulse/acl\n", "listener 1883 127.0.0.1\n", "listener 8883\n",
                "cafile /certs/ca.crt\n", "certfile /certs/server.crt\n", "keyfile /certs/server.key\n",
                "require_certificate false\n");
    }

    @Test
    void simulatorAccountActsAsEveryGatewayOnlyWhenAsked() throws Exception {
        BrokerConfigFiles.Result result = new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(
                parks, out, true, BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, Set.of(), false, CONF));

        assertThat(Files.readString(result.acl())).contains("user simulator\ntopic write dp/v1/demo-park/gw-nbiot/telemetry\n",
                "topic read dp/v1/demo-park/gw-south/rejected\n", "topic read dp/v1/demo-park/gw-south/ack\n", "user simulator");
        assertThat(Files.readString(out.resolve("credentials/simulator.env"))).contains("PARKPULSE_MQTT_USERNAME=simulator");
    }

    @Test
    void monitorAccountReadsEveryParkAndSimulatorCredentialsGiveEachGatewayItsOwnAccount() throws Exception {
        Path simulatorCredentials = work.resolve("run/simulator-credentials.yaml");
        BrokerConfigFiles.Result result = new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(
                parks, out, false, BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, Set.of(), false, CONF, true, simulatorCredentials));

        assertThat(Files.readString(result.acl())).contains("user operator-readonly\ntopic read dp/v1/#\ntopic read live/v1/#\n")
                .doesNotContain("user simulator");
        assertThat(Files.readString(out.resolve("credentials/operator-readonly.env"))).contains("PARKPULSE_MQTT_USERNAME=operator-readonly");
        assertThat(Files.readString(simulatorCredentials)).contains("\"demo-park\":\n", "  \"gw-north\": {username: \"gw-demo-park-gw-north\", "
                + "password: \"" + result.passwords().get("gw-demo-park-gw-north") + "\"}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(simulatorCredentials))).isEqualTo("rw-------");
    }

    @Test
    void unknownUserToRotateIsNamed() {
        assertThatThrownBy(() -> generate(Set.of("gw-nowhere"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rotate gw-nowhere");
    }

    @Test
    void gatewayIdsThatCannotBeUserNamesAreNamed() throws Exception {
        Path yaml = parks.resolve("demo-park.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("- id: gw-south", "- id: gw:south")
                .replace("gateway: gw-south", "gateway: gw:south"));

        assertThatThrownBy(() -> generate(Set.of(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway \"gw:south\"").hasMessageContaining("':'");
    }

    private BrokerConfigFiles.Result generate(Set<String> rotate, boolean rotateAll) {
        return new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(parks, out, false,
                BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, rotate, rotateAll, CONF));
    }
}
