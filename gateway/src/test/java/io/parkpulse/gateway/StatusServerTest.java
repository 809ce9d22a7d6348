package io.parkpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.InvalidGatewayConfigException;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /status} and {@code /metrics} name the buffer directory and every device endpoint: the real gateway (on a
 * real Mosquitto) serves them on loopback unless told otherwise, asks for a bearer token when one is configured, and
 * refuses to start bound elsewhere without one.
 */
@RealServicesTest
class StatusServerTest {

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withoutAnHttpHostTheServerListensOnLoopbackOnly(MqttBroker broker, @TempDir Path work) throws Exception {
        GatewayConfig config = read(broker, work, "http: {port: 0}", Map.of());
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        InetAddress lan = TestNetwork.nonLoopbackAddress();
        assumeThat(lan).as("a non-loopback IPv4 address on this machine").isNotNull();

        Gateway gateway = Gateway.start(config);
        try {
            assertThat(get(gateway, "/status", null).statusCode()).isEqualTo(200);
            assertThat(connects(lan, gateway.httpPort())).as("reachable on " + lan.getHostAddress()).isFalse();
        } finally {
            gateway.close();
        }
    }

    @Test
    void withATokenStatusAndMetricsAnswerOnlyItsBearer(MqttBroker broker, @TempDir Path work) throws Exception {
        String token = TestNetwork.randomToken();
        GatewayConfig config = read(broker, work, "http: {port: 0, token_env: GW_STATUS_TOKEN}", Map.of("GW_STATUS_TOKEN", token));
        assertThat(config.http().toString()).doesNotContain(token);

        Gateway gateway = Gateway.start(config);
        try {
            for (String path : new String[] {"/status", "/metrics"}) {
                HttpResponse<String> none = get(gateway, path, null);
                assertThat(none.statusCode()).as(path).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(none.body()).doesNotContain("buffer").doesNotContain("127.0.0.1:");
                assertThat(get(gateway, path, "Bearer " + token + "0").statusCode()).as(path).isEqualTo(401);
                assertThat(get(gateway, path, "Basic " + token).statusCode()).as(path).isEqualTo(401);
                assertThat(get(gateway, path, "Bearer " + token).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(new JsonObject(get(gateway, "/status", "Bearer " + token).body()).getJsonObject("buffer").getString("directory"))
                    .isEqualTo(work.resolve("buffer").toString());
            assertThat(get(gateway, "/health", null).statusCode()).as("probes need no token").isEqualTo(200);
        } finally {
            gateway.close();
        }
    }

    @Test
    void boundBeyondLoopbackWithoutATokenIsAConfigErrorNamingTheKey(MqttBroker broker, @TempDir Path work) {
        assertThatThrownBy(() -> read(broker, work, "http:\n  host: 0.0.0.0\n  port: 0", Map.of()))
                .isInstanceOf(InvalidGatewayConfigException.class)
                .hasMessageContaining("gateway.yaml:7:9: http.host: is 0.0.0.0, not a loopback address, and http.token_env is not set")
                .hasMessageContaining("set http.token_env to the environment variable holding a bearer token, or use 127.0.0.1");
        assertThatThrownBy(() -> read(broker, work, "http: {host: gw.example.net, token_env: GW_STATUS_TOKEN}", Map.of()))
                .hasMessageContaining("http.token_env: names the environment variable GW_STATUS_TOKEN, which is not set");

        assertThat(read(broker, work, "http: {host: 0.0.0.0, port: 0, token_env: T}", Map.of("T", TestNetwork.randomToken())).http().host())
                .isEqualTo("0.0.0.0");
        assertThat(read(broker, work, "http: {host: localhost, port: 0}", Map.of()).http().statusToken()).isNull();
        assertThat(read(broker, work, "http: {host: \"::1\", port: 0}", Map.of()).http().host()).isEqualTo("::1");
    }

    static GatewayConfig read(MqttBroker broker, Path work, String http, Map<String, String> env) {
        String yaml = """
                gateway: {park: gw-test-park, id: gw-status}
                broker: {url: "%s"}
                buffer: {directory: "%s"}
                devices:
                  - {meter: E-1, protocol: dlt645, endpoint: "127.0.0.1:1", address: "000000000001", profile: dlt645-energy-only}
                %s
                """.formatted(broker.url(), work.resolve("buffer"), http);
        return new GatewayConfigReader(env::get, ProfileCatalog.builtIn()).read("gateway.yaml", yaml, work);
    }

    HttpResponse<String> get(Gateway gateway, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
