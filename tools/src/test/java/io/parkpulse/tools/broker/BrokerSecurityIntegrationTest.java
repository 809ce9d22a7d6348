package io.parkpulse.tools.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.MqttClients;
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
 * The generated accounts and ACL on the real Mosquitto: each gateway confined to its own topics, ingest
 * to reading telemetry and status, the dashboard to rollups; no anonymous or wrong-password clients.
 */
class BrokerSecurityIntegrationTest {

    private static final String PARK = "demo-park";
    private static final String NORTH = "gw-north";
    private static final String SOUTH = "gw-south";
    /** MQTT 5 reason code "Not authorized" (SUBACK, PUBACK, CONNACK). */
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    static Path work;
    static MqttBroker broker;
    static BrokerConfigFiles.Result generated;
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @BeforeAll
    static void startBrokerWithGeneratedFiles() throws Exception {
        Path parks = Files.createDirectories(work.resolve("parks"));
        Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        MosquittoSecurityConf conf = new MosquittoSecurityConf("/unused", "127.0.0.1", 1883, 8883, "ca", "cert", "key");
        generated = new BrokerConfigFiles(MosquittoPasswd.locate(null)).generate(new BrokerConfigFiles.Settings(parks,
                work.resolve("out"), false, BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV, Set.of(), false, conf));
        broker = RealServices.mosquitto(MosquittoConfig.defaults()
                .withFile(MosquittoSecurityConf.PASSWORD_FILE, Files.readString(generated.passwordFile()))
                .withFile(MosquittoSecurityConf.ACL_FILE, Files.readString(generated.acl()))
                .extraLines(conf.accessLines(MosquittoConfig.DIR).toArray(String[]::new)));
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
    void gatewayPublishesItsOwnTelemetryToIngestsSharedSubscription() throws Exception {
        BlockingQueue<String> received = subscribeAsIngest();
        MqttAsyncClient north = connect(gatewayUser(NORTH), password(gatewayUser(NORTH)));

        publish(north, Topics.telemetry(PARK, NORTH), "north-own", 0);

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.telemetry(PARK, NORTH) + " north-own");
    }

    @Test
    void gatewayPublishingIntoAnotherGatewaysTopicIsRefusedAndNotDelivered() throws Exception {
        BlockingQueue<String> received = subscribeAsIngest();
        MqttAsyncClient north = connect(gatewayUser(NORTH), password(gatewayUser(NORTH)));

        publish(north, Topics.telemetry(PARK, SOUTH), "forged", NOT_AUTHORIZED);
        // the broker keeps per-client order: once the next (allowed) message arrives, the forged one never will
        publish(north, Topics.telemetry(PARK, NORTH), "after", 0);

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.telemetry(PARK, NORTH) + " after");
        assertThat(received).isEmpty();
        assertThat(north.isConnected()).as("a refused QoS 1 publish does not cost the connection").isTrue();
    }

    /**
     * Mosquitto 2.0.11's acl_file does not govern SUBSCRIBE (measured: SUBACK grants every filter); it
     * checks read access for each message at delivery, so a subscription beyond the ACL receives nothing.
     */
    @Test
    void gatewayReceivesOnlyItsOwnRejections() throws Exception {
        assertGatewayReceivesOnlyItsOwn(Topics::rejected);
    }

    @Test
    void gatewayReceivesItsOwnAcksAndNeverAnotherGateways() throws Exception {
        assertGatewayReceivesOnlyItsOwn(Topics::ack);
    }

    /** Ingest publishes on the topic of each gateway; the north gateway, subscribed to everything, gets only its own. */
    private void assertGatewayReceivesOnlyItsOwn(java.util.function.BinaryOperator<String> topic) throws Exception {
        Listener north = listen(gatewayUser(NORTH), "#");
        MqttAsyncClient ingest = connect(BrokerAccessPlan.INGEST_USER, password(BrokerAccessPlan.INGEST_USER));

        publish(ingest, topic.apply(PARK, SOUTH), "for-south", 0);
        // one publisher, one subscriber: delivery keeps order, so once the second arrives the first never will
        publish(ingest, topic.apply(PARK, NORTH), "for-north", 0);

        assertThat(north.received().poll(5, TimeUnit.SECONDS)).isEqualTo(topic.apply(PARK, NORTH) + " for-north");
        assertThat(north.received()).isEmpty();
    }

    @Test
    void aGatewayCannotPublishAnAckNeitherItsOwnNorAnotherGateways() throws Exception {
        Listener south = listen(gatewayUser(SOUTH), Topics.ack(PARK, SOUTH));
        Listener northAcks = listen(gatewayUser(NORTH), Topics.ack(PARK, NORTH));
        MqttAsyncClient north = connect(gatewayUser(NORTH), password(gatewayUser(NORTH)));
        MqttAsyncClient ingest = connect(BrokerAccessPlan.INGEST_USER, password(BrokerAccessPlan.INGEST_USER));

        publish(north, Topics.ack(PARK, SOUTH), "forged", NOT_AUTHORIZED);
        publish(north, Topics.ack(PARK, NORTH), "self-acked", NOT_AUTHORIZED);
        publish(ingest, Topics.ack(PARK, SOUTH), "real", 0);
        publish(ingest, Topics.ack(PARK, NORTH), "real", 0);

        assertThat(south.received().poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.ack(PARK, SOUTH) + " real");
        assertThat(northAcks.received().poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.ack(PARK, NORTH) + " real");
        assertThat(south.received()).isEmpty();
        assertThat(northAcks.received()).isEmpty();
    }

    @Test
    void ingestReadsTelemetryButNotRejectionsAndMayNotPublishTelemetry() throws Exception {
        Listener ingest = listen(BrokerAccessPlan.INGEST_USER, "#");
        MqttAsyncClient otherIngest = connect(BrokerAccessPlan.INGEST_USER, password(BrokerAccessPlan.INGEST_USER));

        publish(otherIngest, Topics.telemetry(PARK, NORTH), "forged-by-ingest", NOT_AUTHORIZED);
        publish(otherIngest, Topics.rejected(PARK, NORTH), "report", 0);
        MqttAsyncClient north = connect(gatewayUser(NORTH), password(gatewayUser(NORTH)));
        publish(north, Topics.status(PARK, NORTH), "online", 0);

        assertThat(ingest.received().poll(5, TimeUnit.SECONDS)).isEqualTo(Topics.status(PARK, NORTH) + " online");
        assertThat(ingest.received()).isEmpty();
    }

    @Test
    void dashboardReadsRollupsOnly() throws Exception {
        Listener dashboard = listen(BrokerAccessPlan.DASHBOARD_USER, "#");
        MqttAsyncClient ingest = connect(BrokerAccessPlan.INGEST_USER, password(BrokerAccessPlan.INGEST_USER));

        publish(ingest, Topics.rejected(PARK, NORTH), "report", 0);
        publish(ingest, "live/v1/" + PARK + "/rollup", "rollup", 0);

        assertThat(dashboard.received().poll(5, TimeUnit.SECONDS)).isEqualTo("live/v1/" + PARK + "/rollup rollup");
        assertThat(dashboard.received()).isEmpty();
    }

    /** Mosquitto 2.0.11 answers a wrong password with 0x87 Not authorized, not 0x86 Bad user name or password. */
    @Test
    void wrongPasswordIsRefusedAtConnect() {
        assertThatThrownBy(() -> connect(gatewayUser(NORTH), password(gatewayUser(SOUTH))))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    @Test
    void anonymousIsRefusedAtConnect() {
        assertThatThrownBy(() -> connect(null, null))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    private BlockingQueue<String> subscribeAsIngest() throws Exception {
        return listen(BrokerAccessPlan.INGEST_USER, Topics.shared("ingest", Channel.TELEMETRY)).received();
    }

    private record Listener(MqttAsyncClient client, BlockingQueue<String> received) {
    }

    /** Connects as {@code user} and subscribes to {@code filter}, which the broker grants (see above). */
    private Listener listen(String user, String filter) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), "listener-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new Receiver(received));
        connect(client, user, password(user));
        assertThat(subscribeReasons(client, filter)).as("SUBACK for %s as %s", filter, user).containsExactly(1);
        return new Listener(client, received);
    }

    /** Publishes at QoS 1 and checks the PUBACK's reason code. */
    private static void publish(MqttAsyncClient client, String topic, String text, int expectedReason) throws MqttException {
        IMqttToken ack = client.publish(topic, message(text));
        ack.waitForCompletion(5000);
        assertThat(ack.getReasonCodes()).as("PUBACK for %s", topic).containsExactly(expectedReason);
    }

    private static int[] subscribeReasons(MqttAsyncClient client, String... filters) throws MqttException {
        MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subscriptions[i] = new MqttSubscription(filters[i], 1);
        }
        // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
        IMqttToken token = client.subscribe(subscriptions, null, null, new MqttProperties());
        token.waitForCompletion(5000);
        return token.getReasonCodes();
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

    private static MqttMessage message(String text) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private static String gatewayUser(String gateway) {
        return BrokerAccessPlan.gatewayUser(PARK, gateway);
    }

    private static String password(String user) {
        return generated.passwords().get(user);
    }

    /** Records every message as "topic payload". */
    private static final class Receiver extends CallbackAdapter {
        private final BlockingQueue<String> received;

        Receiver(BlockingQueue<String> received) {
            this.received = received;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
        }
    }
}
