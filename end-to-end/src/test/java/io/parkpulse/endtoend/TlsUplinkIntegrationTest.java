package io.parkpulse.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.ProfileCatalog;
import io.parkpulse.gateway.uplink.MqttUplink;
import io.parkpulse.mqtt.CaFile;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.MosquittoConfig;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServices;
import io.parkpulse.testkit.TestCertificates;
import io.parkpulse.tools.broker.BrokerAccessPlan;
import io.parkpulse.tools.broker.BrokerConfigFiles;
import io.parkpulse.tools.broker.MosquittoPasswd;
import io.parkpulse.tools.broker.MosquittoSecurityConf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The broker's TLS listener, as {@code tools broker-config} generates it, on the real Mosquitto, with the
 * gateway's own uplink connecting to it as a deployment configures it ({@code broker.url: ssl://…},
 * {@code ca_file}, the generated account). Certificates are made here: a CA and a server certificate for
 * {@code localhost} and {@code 127.0.0.1}.
 */
class TlsUplinkIntegrationTest {

    private static final String PARK = TestParkFiles.PARK;
    private static final String GATEWAY = TestParkFiles.GATEWAY;
    private static final String GATEWAY_USER = BrokerAccessPlan.gatewayUser(PARK, GATEWAY);
    /** Any port: the generated listener block is moved onto the port the test kit picks. */
    private static final int GENERATED_TLS_PORT = 8883;
    /** MQTT 5 reason code "Not authorized": Mosquitto 2.0.11's answer to a wrong password (not 0x86). */
    private static final int NOT_AUTHORIZED = 0x87;
    private static final long WAIT_MS = 10_000;

    @TempDir
    static Path work;
    static MqttBroker broker;
    static BrokerConfigFiles.Result generated;
    static Path trustedCa;
    static Path strangerCa;

    private final ListAppender<ILoggingEvent> uplinkLog = new ListAppender<>();
    private MqttUplink uplink;
    private MqttAsyncClient client;

    @BeforeAll
    static void startBrokerWithGeneratedTlsListener() throws Exception {
        TestCertificates.Authority ca = TestCertificates.authority("ParkPulse test CA");
        TestCertificates.Issued server = ca.issueServer("broker", List.of("localhost"), List.of("127.0.0.1"));
        TestCertificates.Issued otherName = ca.issueServer("elsewhere", List.of("broker.elsewhere.example"), List.of());
        trustedCa = Files.writeString(work.resolve("ca.pem"), ca.certificatePem());
        strangerCa = Files.writeString(work.resolve("stranger-ca.pem"),
                TestCertificates.authority("Someone else's CA").certificatePem());

        Path parks = Files.createDirectories(work.resolve("parks"));
        TestParkFiles.copyInto(parks);
        String dir = MosquittoConfig.DIR;
        // no plain listener in the generated snippet: the test kit's own listener plays the platform's plain one
        MosquittoSecurityConf conf = new MosquittoSecurityConf(dir, "127.0.0.1", 0, GENERATED_TLS_PORT,
                dir + "/ca.pem", dir + "/server.pem", dir + "/server.key");
        generated = new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(parks,
                work.resolve("out"), false, BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, Set.of(), false, conf));
        broker = RealServices.mosquitto(MosquittoConfig.defaults()
                .withFile(MosquittoSecurityConf.PASSWORD_FILE, Files.readString(generated.passwordFile()))
                .withFile(MosquittoSecurityConf.ACL_FILE, Files.readString(generated.acl()))
                .withFile("ca.pem", ca.certificatePem())
                .withFile("server.pem", server.certificatePem())
                .withFile("server.key", server.keyPem())
                .withFile("other-name.pem", otherName.certificatePem())
                .withFile("other-name.key", otherName.keyPem())
                .extraLines(conf.accessLines(dir).toArray(String[]::new))
                .listener("tls", generatedTlsListenerSettings(Files.readString(generated.conf())))
                // same CA, a certificate for another host: shows the gateway checks the name, not only the chain
                .listener("tls-other-name", "cafile " + dir + "/ca.pem", "certfile " + dir + "/other-name.pem",
                        "keyfile " + dir + "/other-name.key"));
    }

    /** The lines the generated config puts under its TLS {@code listener} line (cafile, certfile, keyfile …). */
    private static String[] generatedTlsListenerSettings(String generatedConf) {
        List<String> lines = generatedConf.lines().toList();
        int listener = lines.indexOf("listener " + GENERATED_TLS_PORT);
        assertThat(listener).as("TLS listener line in the generated config:\n%s", generatedConf).isNotNegative();
        return lines.subList(listener + 1, lines.size()).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toArray(String[]::new);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void captureUplinkWarnings() {
        uplinkLog.start();
        ((Logger) LoggerFactory.getLogger(MqttUplink.class)).addAppender(uplinkLog);
    }

    @AfterEach
    void closeClients() throws MqttException {
        ((Logger) LoggerFactory.getLogger(MqttUplink.class)).detachAppender(uplinkLog);
        if (uplink != null) {
            uplink.close();
        }
        if (client != null) {
            MqttClients.disconnectAndClose(client, 1000, message -> { });
        }
    }

    @Test
    void gatewayUplinkOverTlsDeliversTelemetryToThePlatformOnThePlainListener() throws Exception {
        BlockingQueue<String> ingest = subscribeAsIngestOnPlainListener();
        uplink = startUplink(gatewayFile(tlsUrl("tls"), "ca_file: " + trustedCa));

        awaitConnected(uplink);
        byte[] payload = "{\"over\":\"tls\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(uplink.publishTelemetry(payload, WAIT_MS)).isEqualTo(MqttUplink.Delivery.DELIVERED);
        assertThat(ingest.poll(WAIT_MS, TimeUnit.MILLISECONDS))
                .isEqualTo(Topics.telemetry(PARK, GATEWAY) + " " + new String(payload, StandardCharsets.UTF_8));
        assertThat(broker.logTail(200)).as("the gateway came in on the TLS listener")
                .containsPattern("New connection from 127\\.0\\.0\\.1:(\\d+) on port " + broker.port("tls"))
                .contains("u'" + GATEWAY_USER + "'");
    }

    @Test
    void gatewayTrustingAnotherCaIsRefusedAtTheHandshakeAndSaysWhy() throws Exception {
        uplink = startUplink(gatewayFile(tlsUrl("tls"), "ca_file: " + strangerCa));

        assertThat(firstConnectWarning()).startsWith("cannot connect to " + tlsUrl("tls") + " yet (SSLHandshakeException: "
                + "PKIX path building failed").contains("unable to find valid certification path to requested target");
        assertThat(uplink.isConnected()).isFalse();
    }

    @Test
    void gatewayWithoutCaFileTrustsOnlyTheJvmsCasAndIsRefused() throws Exception {
        uplink = startUplink(gatewayFile(tlsUrl("tls"), ""));

        assertThat(firstConnectWarning()).startsWith("cannot connect to " + tlsUrl("tls") + " yet (SSLHandshakeException: "
                + "PKIX path building failed").contains("unable to find valid certification path to requested target");
        assertThat(uplink.isConnected()).isFalse();
    }

    @Test
    void gatewayRefusesACertificateFromItsCaThatNamesAnotherHost() throws Exception {
        uplink = startUplink(gatewayFile(tlsUrl("tls-other-name"), "ca_file: " + trustedCa));

        assertThat(firstConnectWarning()).contains("No subject alternative names matching IP address 127.0.0.1");
        assertThat(uplink.isConnected()).isFalse();
    }

    @Test
    void plainMqttToTheTlsPortIsNotServed() throws Exception {
        String plainUrlToTlsPort = "tcp://" + broker.host() + ":" + broker.port("tls");
        MqttConnectionOptions options = MqttClients.options(plainUrlToTlsPort);
        options.setConnectionTimeout(5);
        options.setUserName(GATEWAY_USER);
        options.setPassword(password(GATEWAY_USER).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> connect(plainUrlToTlsPort, options)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttClientException.REASON_CODE_CONNECTION_LOST));
        // the broker read the CONNECT as a TLS record and dropped the connection
        Await.until(Duration.ofSeconds(5), () -> broker.logTail(20).contains("wrong version number"), () -> broker.logTail(20));
    }

    @Test
    void wrongPasswordOverTlsIsRefusedWithNotAuthorized() throws Exception {
        MqttConnectionOptions options = MqttClients.options(tlsUrl("tls"));
        options.setSocketFactory(CaFile.socketFactory(trustedCa)); // the uplink's TLS settings for its ca_file
        options.setUserName(GATEWAY_USER);
        options.setPassword("not-the-password".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> connect(tlsUrl("tls"), options)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));

        uplink = startUplink(gatewayFile(tlsUrl("tls"), "ca_file: " + trustedCa), "not-the-password");
        assertThat(firstConnectWarning()).isEqualTo("cannot connect to " + tlsUrl("tls")
                + " yet (Not authorized.); retrying in 500 ms");
        assertThat(uplink.isConnected()).isFalse();
    }

    private BlockingQueue<String> subscribeAsIngestOnPlainListener() throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttConnectionOptions options = MqttClients.options(broker.url());
        options.setUserName(BrokerAccessPlan.INGEST_USER);
        options.setPassword(password(BrokerAccessPlan.INGEST_USER).getBytes(StandardCharsets.UTF_8));
        connect(broker.url(), options);
        // a callback, not a per-subscription listener: Paho does not match "dp/v1/…" to a "$share/…" filter
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
        MqttSubscription[] subscription = {new MqttSubscription(Topics.shared("ingest", Channel.TELEMETRY), 1)};
        // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
        IMqttToken token = client.subscribe(subscription, null, null, new MqttProperties());
        token.waitForCompletion(WAIT_MS);
        assertThat(token.getReasonCodes()).containsExactly(1);
        return received;
    }

    private void connect(String url, MqttConnectionOptions options) throws MqttException {
        client = new MqttAsyncClient(url, "platform-" + System.nanoTime(), new MemoryPersistence());
        client.connect(options).waitForCompletion(WAIT_MS);
    }

    private static String tlsUrl(String listener) {
        return "ssl://127.0.0.1:" + broker.port(listener);
    }

    /** A gateway file as a deployment writes it: the generated account, its password from the generated env file. */
    private static Path gatewayFile(String url, String caLine) throws Exception {
        Path file = Files.createTempFile(work, "gateway-", ".yaml");
        Files.writeString(file, String.join("\n",
                "gateway: {park: " + PARK + ", id: " + GATEWAY + "}",
                "broker:",
                "  url: " + url,
                "  username: " + GATEWAY_USER,
                "  password_env: " + BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV,
                "  " + caLine,
                // a device is required; it is never polled here, only the uplink runs
                "devices:",
                "  - {meter: E-DLT-1, protocol: dlt645, endpoint: 127.0.0.1:9, address: \"000000000001\","
                        + " profile: dlt645-energy-only}",
                ""));
        return file;
    }

    private MqttUplink startUplink(Path gatewayFile) throws Exception {
        return startUplink(gatewayFile, null);
    }

    /** Reads the gateway file with the generated env file as environment, or {@code password} instead of it. */
    private MqttUplink startUplink(Path gatewayFile, String password) throws Exception {
        Map<String, String> environment = envFile(work.resolve("out").resolve("credentials").resolve(GATEWAY_USER + ".env"));
        if (password != null) {
            environment.put(BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, password);
        }
        GatewayConfig config = new GatewayConfigReader(environment::get, ProfileCatalog.builtIn()).read(gatewayFile);
        MqttUplink started = new MqttUplink(config.park(), config.gatewayId(), config.broker(), report -> { });
        started.start();
        return started;
    }

    private static Map<String, String> envFile(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b, HashMap::new));
    }

    private static void awaitConnected(MqttUplink uplink) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!uplink.isConnected() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(uplink.isConnected()).as("uplink connected over TLS; broker log:\n%s", broker.logTail(30)).isTrue();
    }

    /** The uplink's first "cannot connect" warning: what an operator reads in the gateway's log. */
    private String firstConnectWarning() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<ILoggingEvent> events;
            synchronized (uplinkLog) { // the appender adds under this lock, on Paho's and the connector's threads
                events = List.copyOf(uplinkLog.list);
            }
            for (ILoggingEvent event : events) {
                if (event.getLevel() == Level.WARN && event.getFormattedMessage().startsWith("cannot connect")) {
                    return event.getFormattedMessage();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no connect warning within " + WAIT_MS + " ms; uplink log: " + uplinkLog.list);
    }

    private static String password(String user) {
        return generated.passwords().get(user);
    }
}
