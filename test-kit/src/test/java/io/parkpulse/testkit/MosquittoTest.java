package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/** Mosquitto started by the kit, exercised with a real Paho v5 client. */
class MosquittoTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void subscriberReceivesQos1Publish() throws Exception {
        try (MqttBroker broker = RealServices.mosquitto();
             PahoClient subscriber = PahoClient.connect(broker.url(), "sub");
             PahoClient publisher = PahoClient.connect(broker.url(), "pub")) {
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(subscriber.subscribe("park/p1/meter/m1/telemetry", 1)).isEqualTo(1);

            publisher.publish("park/p1/meter/m1/telemetry", "hello", 1);

            assertThat(subscriber.await(1, WAIT)).containsExactly("hello");
        }
    }

    /**
     * The outage scenario the project's rule is about: messages for an offline persistent session must
     * be queued, saved on a graceful stop and delivered after the broker comes back on the same URL.
     */
    @Test
    void queuedMessagesForOfflinePersistentSessionSurviveStopAndStart() throws Exception {
        try (MqttBroker broker = RealServices.mosquitto()) {
            String url = broker.url();
            try (PahoClient away = PahoClient.connectPersistent(url, "ingest-1")) {
                assertThat(away.subscribe("park/#", 1)).isEqualTo(1);
                away.disconnect(); // session and subscription stay on the broker
            }
            List<String> sent = IntStream.range(0, 50).mapToObj(i -> "m" + i).toList();
            try (PahoClient publisher = PahoClient.connect(url, "meter")) {
                for (String payload : sent) {
                    publisher.publish("park/p1/meter/m1/telemetry", payload, 1);
                }
            }

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.url()).isEqualTo(url);
            try (PahoClient back = PahoClient.connectPersistent(url, "ingest-1")) {
                assertThat(back.await(sent.size(), WAIT)).containsExactlyElementsOf(sent);
            }
        }
    }

    @Test
    void killedBrokerStartsAgainOnTheSamePort() throws Exception {
        try (MqttBroker broker = RealServices.mosquitto()) {
            int port = broker.port();
            // a live connection at crash time leaves the port's old socket in TIME_WAIT: the restart
            // below only binds because mosquitto sets SO_REUSEADDR
            PahoClient connected = PahoClient.connect(broker.url(), "connected");
            broker.kill();
            connected.close();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> PahoClient.connect(broker.url(), "early").close()).isInstanceOf(MqttException.class);

            broker.start();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.port()).isEqualTo(port);
            try (PahoClient subscriber = PahoClient.connect(broker.url(), "sub");
                 PahoClient publisher = PahoClient.connect(broker.url(), "pub")) {
                subscriber.subscribe("t", 1);
                publisher.publish("t", "after crash", 1);
                assertThat(subscriber.await(1, WAIT)).containsExactly("after crash");
            }
        }
    }

    @Test
    void stopKillStartAndCloseAreIdempotentAndCloseDeletesTheDirectory() {
        LocalMosquitto broker = (LocalMosquitto) RealServices.mosquitto();
        Path dir = broker.directory();
        broker.start(); // already running: no second process
        broker.stop();
        broker.stop();
        broker.kill();
        broker.start();
        broker.start();
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.logTail(100)).contains("mosquitto version").contains("Opening ipv4 listen socket on port " + broker.port());

        broker.close();
        broker.close();

        assertThat(broker.isRunning()).isFalse();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** Files and {@code ${dir}} work, as the per-client ACL tests will need. */
    @Test
    void aclFileWrittenIntoTheDataDirectoryIsEnforced() throws Exception {
        MosquittoConfig config = MosquittoConfig.defaults()
                .withFile("acl", "topic readwrite allowed/#\n")
                .extraLines("acl_file ${dir}/acl");
        try (MqttBroker broker = RealServices.mosquitto(config);
             PahoClient client = PahoClient.connect(broker.url(), "acl-client")) {
            assertThat(Files.readString(((LocalMosquitto) broker).directory().resolve("mosquitto.conf")))
                    .contains("acl_file " + ((LocalMosquitto) broker).directory() + "/acl");

            // Mosquitto 2.0 grants the SUBACK and the PUBACK for a denied topic and just never delivers,
            // so the ACL shows only in what arrives
            client.subscribe("denied/x", 1);
            client.subscribe("allowed/x", 1);
            client.publish("denied/x", "dropped", 1);
            client.publish("allowed/x", "ok", 1);
            assertThat(client.await(2, Duration.ofMillis(500))).containsExactly("ok");
        }
    }

    /** A further listener gets its own free port, kept across a restart, and serves MQTT beside the default one. */
    @Test
    void furtherListenerServesOnItsOwnPortAcrossRestarts() throws Exception {
        MosquittoConfig config = MosquittoConfig.defaults().listener("second", "max_connections 10");
        try (MqttBroker broker = RealServices.mosquitto(config)) {
            int second = broker.port("second");
            assertThat(second).isNotEqualTo(broker.port());
            assertThatThrownBy(() -> broker.port("third")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("third").hasMessageContaining("[second]");

            broker.stop();
            broker.start();

            assertThat(broker.port("second")).isEqualTo(second);
            String secondUrl = "tcp://" + broker.host() + ":" + second;
            try (PahoClient subscriber = PahoClient.connect(broker.url(), "sub");
                 PahoClient publisher = PahoClient.connect(secondUrl, "pub")) {
                subscriber.subscribe("t", 1);
                publisher.publish("t", "via the second listener", 1);
                assertThat(subscriber.await(1, WAIT)).containsExactly("via the second listener");
            }
        }
    }

    @Test
    void startupFailureReportsCommandAndLog() {
        MosquittoConfig broken = MosquittoConfig.defaults().extraLines("no_such_option true");

        assertThatThrownBy(() -> RealServices.mosquitto(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mosquitto exited with code")
                .hasMessageContaining("Command: ")
                .hasMessageContaining("-c ")
                .hasMessageContaining("no_such_option");
    }
}
