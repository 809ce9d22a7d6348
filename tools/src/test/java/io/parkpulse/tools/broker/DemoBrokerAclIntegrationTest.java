package io.parkpulse.tools.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.park.Gateway;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.testkit.MosquittoConfig;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's broker as {@code ./parkpulse demo} runs it: the settings of {@code deploy/mosquitto/mosquitto.conf}
 * (its listener and data directory are the test kit's) with the password and ACL files broker-config generates
 * from {@code parks/} with the demo's options, on the real Mosquitto. Every gateway of the park files is tried,
 * so a larger demo park is covered as it is.
 */
class DemoBrokerAclIntegrationTest {

    /** MQTT 5 reason code "Not authorized" (CONNACK, PUBACK). */
    private static final int NOT_AUTHORIZED = 0x87;
    private static final Path DEMO_CONF = Path.of("..", "deploy", "mosquitto", "mosquitto.conf");
    private static final Path PARKS = Path.of("..", "parks");

    @TempDir
    static Path work;
    static MqttBroker broker;
    static BrokerConfigFiles.Result generated;
    static ParkRegistry parks;
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @BeforeAll
    static void startTheDemoBroker() throws Exception {
        parks = new ParkDirectory(PARKS).load();
        // as the demo: the monitoring account, every gateway's account for the simulator, no TLS listener
        MosquittoSecurityConf conf = new MosquittoSecurityConf("/unused", "127.0.0.1", 0, 0, "ca", "cert", "key");
        generated = new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(PARKS,
                work.resolve("broker"), false, "PARKPULSE_MQTT_PASSWORD", Set.of(), true, conf, true,
                work.resolve("simulator-credentials.yaml")));
        broker = RealServices.mosquitto(MosquittoConfig.defaults()
                .withFile(MosquittoSecurityConf.PASSWORD_FILE, Files.readString(generated.passwordFile()))
                .withFile(MosquittoSecurityConf.ACL_FILE, Files.readString(generated.acl()))
                .extraLines(demoSettings().toArray(String[]::new)));
    }

    /** The demo configuration's lines, but for the listener and data directory, which are the test kit's. */
    static List<String> demoSettings() throws Exception {
        return Files.readAllLines(DEMO_CONF).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.startsWith("listener ") && !line.startsWith("persistence_location ")
                        && !line.startsWith("log_dest "))
                .map(line -> line.replace("@DATA_DIR@", MosquittoConfig.DIR))
                .toList();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void disconnect() throws MqttException {
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close();
        }
    }

    @Test
    void demoParksHaveSeveralGateways() {
        assertThat(gateways()).as("gateways of %s", PARKS).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anonymousClientIsRefusedAtConnect() throws Exception {
        assertThatThrownBy(() -> connect(null, null))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
        // MQTT 3.1.1 too, with the command line the demo prints
        Gateway any = gateways().get(0);
        Process pub = mosquittoPub(null, null, Topics.telemetry(park(any), any.id().value()), "anonymous");
        assertThat(pub.exitValue()).as("mosquitto_pub without an account").isNotZero();
        assertThat(new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).containsIgnoringCase("not authori");
    }

    @Test
    void eachGatewayIsRefusedOnEveryOtherGatewaysTopicsOverMqtt5() throws Exception {
        BlockingQueue<String> received = monitor(Topics.PREFIX + "#");
        for (Gateway spoofer : gateways()) {
            MqttAsyncClient client = connectAs(spoofer);
            for (Gateway victim : gateways()) {
                if (victim != spoofer) {
                    publish(client, Topics.telemetry(park(victim), victim.id().value()), "forged", NOT_AUTHORIZED);
                    publish(client, Topics.status(park(victim), victim.id().value()), "offline", NOT_AUTHORIZED);
                    publish(client, Topics.ack(park(victim), victim.id().value()), "forged-ack", NOT_AUTHORIZED);
                }
            }
            publish(client, Topics.ack(park(spoofer), spoofer.id().value()), "self-ack", NOT_AUTHORIZED); // only ingest acks
            // one publisher, one subscriber: delivery keeps order, so once its own message arrives no forged one will
            String own = Topics.telemetry(park(spoofer), spoofer.id().value());
            publish(client, own, "own", 0);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(own + " own");
            assertThat(received).as("forged by %s", user(spoofer)).isEmpty();
        }
    }

    /** Over MQTT 3.1.1 a PUBACK has no reason code: Mosquitto acknowledges the refused message and drops it. */
    @Test
    void gatewaysForgedPublishOverMqtt311IsDroppedSilently() throws Exception {
        List<Gateway> gateways = gateways();
        Gateway spoofer = gateways.get(0);
        Gateway victim = gateways.get(1);
        BlockingQueue<String> received = monitor(Topics.PREFIX + "#");

        Process forged = mosquittoPub(user(spoofer), password(spoofer), Topics.telemetry(park(victim), victim.id().value()), "forged");
        Process own = mosquittoPub(user(spoofer), password(spoofer), Topics.telemetry(park(spoofer), spoofer.id().value()), "own");

        assertThat(forged.exitValue()).as("the 3.1.1 publisher is not told").isZero();
        assertThat(own.exitValue()).isZero();
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.telemetry(park(spoofer), spoofer.id().value()) + " own");
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("the forged message").isNull();
    }

    @Test
    void onlyIngestMayPublishRollups() throws Exception {
        BlockingQueue<String> dashboard = listen(BrokerAccessPlan.DASHBOARD_USER, generated.passwords().get(BrokerAccessPlan.DASHBOARD_USER),
                Topics.LIVE_ROLLUPS);
        String park = parks.parks().iterator().next().id();
        String rollup = Topics.liveRollup(park);
        List<String> others = new ArrayList<>(List.of(BrokerAccessPlan.DASHBOARD_USER, BrokerAccessPlan.MONITOR_USER));
        gateways().forEach(g -> others.add(user(g)));
        for (String user : others) {
            publish(connect(user, generated.passwords().get(user)), rollup, "forged by " + user, NOT_AUTHORIZED);
        }
        MqttAsyncClient ingest = connect(BrokerAccessPlan.INGEST_USER, generated.passwords().get(BrokerAccessPlan.INGEST_USER));
        publish(ingest, rollup, "from ingest", 0);

        assertThat(dashboard.poll(5, TimeUnit.SECONDS)).isEqualTo(rollup + " from ingest");
        assertThat(dashboard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void monitoringAccountReadsEverythingAndPublishesNothing() throws Exception {
        BlockingQueue<String> all = monitor("#");
        Gateway gateway = gateways().get(0);
        String telemetry = Topics.telemetry(park(gateway), gateway.id().value());
        MqttAsyncClient monitor = connect(BrokerAccessPlan.MONITOR_USER, generated.passwords().get(BrokerAccessPlan.MONITOR_USER));
        publish(monitor, telemetry, "forged by the monitor", NOT_AUTHORIZED);
        publish(connectAs(gateway), telemetry, "reading", 0);
        publish(connect(BrokerAccessPlan.INGEST_USER, generated.passwords().get(BrokerAccessPlan.INGEST_USER)),
                Topics.liveRollup(park(gateway)), "rollup", 0);

        assertThat(all.poll(5, TimeUnit.SECONDS)).isEqualTo(telemetry + " reading");
        assertThat(all.poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.liveRollup(park(gateway)) + " rollup");
    }

    @Test
    void ingestReadsEveryGatewaysTelemetryOnItsSharedSubscription() throws Exception {
        BlockingQueue<String> ingest = listen(BrokerAccessPlan.INGEST_USER, generated.passwords().get(BrokerAccessPlan.INGEST_USER),
                Topics.shared("ingest", Channel.TELEMETRY));
        for (Gateway gateway : gateways()) {
            String topic = Topics.telemetry(park(gateway), gateway.id().value());
            publish(connectAs(gateway), topic, "reading", 0);
            assertThat(ingest.poll(5, TimeUnit.SECONDS)).isEqualTo(topic + " reading");
        }
    }

    private static List<Gateway> gateways() {
        return parks.parks().stream().flatMap(p -> p.gateways().values().stream()).toList();
    }

    private static String park(Gateway gateway) {
        return parks.parks().stream().filter(p -> p.gateways().containsValue(gateway)).map(Park::id).findFirst().orElseThrow();
    }

    private static String user(Gateway gateway) {
        return BrokerAccessPlan.gatewayUser(park(gateway), gateway.id().value());
    }

    private static String password(Gateway gateway) {
        return generated.passwords().get(user(gateway));
    }

    private MqttAsyncClient connectAs(Gateway gateway) throws MqttException {
        return connect(user(gateway), password(gateway));
    }

    private BlockingQueue<String> monitor(String filter) throws Exception {
        return listen(BrokerAccessPlan.MONITOR_USER, generated.passwords().get(BrokerAccessPlan.MONITOR_USER), filter);
    }

    private BlockingQueue<String> listen(String user, String password, String filter) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), "listener-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
        connect(client, user, password);
        // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, null, null, new MqttProperties());
        token.waitForCompletion(5000);
        return received;
    }

    private static void publish(MqttAsyncClient client, String topic, String text, int expectedReason) throws MqttException {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken ack = client.publish(topic, message);
        ack.waitForCompletion(5000);
        assertThat(ack.getReasonCodes()).as("PUBACK for %s", topic).containsExactly(expectedReason);
    }

    private MqttAsyncClient connect(String user, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), "test-" + System.nanoTime(), new MemoryPersistence());
        connect(client, user, password);
        return client;
    }

    private void connect(MqttAsyncClient client, String user, String password) throws MqttException {
        clients.add(client);
        MqttConnectionOptions options = MqttClients.options(broker.url());
        options.setCleanStart(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(5000);
    }

    /** Mosquitto's own client over MQTT 3.1.1 at QoS 1 (Debian package mosquitto-clients, which the demo installs). */
    private static Process mosquittoPub(String user, String password, String topic, String text) throws Exception {
        Path binary = Path.of("/usr/bin/mosquitto_pub");
        assertThat(binary).as("mosquitto_pub: apt-get install mosquitto-clients").isExecutable();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-V", "mqttv311", "-q", "1",
                "-h", broker.host(), "-p", String.valueOf(broker.port()), "-t", topic, "-m", text));
        if (user != null) {
            // the password on a test's command line is a throwaway broker's
            command.addAll(List.of("-u", user, "-P", password));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("mosquitto_pub finished").isTrue();
        return process;
    }
}
