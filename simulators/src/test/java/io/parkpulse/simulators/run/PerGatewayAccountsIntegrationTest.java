package io.parkpulse.simulators.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.mqtt.GatewayAccounts;
import io.parkpulse.testkit.MosquittoConfig;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator on a broker without anonymous access where each gateway's account may write only its own
 * topics (as in the demo): every simulated gateway connects with its own account and its readings arrive.
 */
class PerGatewayAccountsIntegrationTest {

    @TempDir
    Path work;

    @Test
    void eachSimulatedGatewayPublishesAsItself() throws Exception {
        Park park = Simulations.demoPark();
        ParkModel model = ParkModel.build(park, ModelSettings.of(2026));
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder acl = new StringBuilder("user reader\ntopic read dp/v1/#\n");
        StringBuilder credentials = new StringBuilder(park.id() + ":\n");
        passwords.put("reader", "reader-secret");
        for (String gateway : model.gateways()) {
            String user = "gw-" + park.id() + "-" + gateway;
            passwords.put(user, "secret-of-" + gateway);
            acl.append("user ").append(user).append("\ntopic write ").append(Topics.telemetry(park.id(), gateway))
                    .append("\ntopic write ").append(Topics.status(park.id(), gateway)).append("\ntopic read ")
                    .append(Topics.rejected(park.id(), gateway)).append('\n');
            credentials.append("  ").append(gateway).append(": {username: ").append(user).append(", password: ")
                    .append(passwords.get(user)).append("}\n");
        }
        Path credentialsFile = Files.writeString(work.resolve("simulator-credentials.yaml"), credentials);
        try (MqttBroker broker = RealServices.mosquitto(MosquittoConfig.defaults()
                .withFile("passwords", hashed(passwords)).withFile("acl", acl.toString())
                .extraLines("allow_anonymous false", "password_file ${dir}/passwords", "acl_file ${dir}/acl"))) {
            Set<String> senders = ConcurrentHashMap.newKeySet();
            MqttAsyncClient reader = new MqttAsyncClient(broker.url(), "reader", new MemoryPersistence());
            reader.setCallback(new CallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    Topics.parse(topic).ifPresent(a -> senders.add(a.gateway()));
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName("reader");
            options.setPassword("reader-secret".getBytes(StandardCharsets.UTF_8));
            reader.connect(options).waitForCompletion(10_000);
            // not subscribe(String, int, IMqttMessageListener): it recurses forever in Paho 1.2.5
            reader.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.PREFIX + park.id() + "/+/telemetry", 1)}, null, null,
                    new MqttProperties()).waitForCompletion(10_000);

            GatewayAccounts accounts = GatewayAccounts.read(credentialsFile);
            RunStats stats = new RunStats();
            long from = Simulations.localMidnight(LocalDate.of(2026, 11, 19));
            MqttSink sink = MqttSink.connect(broker.url(), gateway -> accounts.of(park.id(), gateway), park.id(), model.gateways(), 2, stats);
            new SimulationRun(model, RunSettings.between(from, from + Duration.ofHours(2).toMillis(), Duration.ofMinutes(15), 50),
                    Pace.backfill(), sink, stats).run();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (senders.size() < model.gateways().size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            reader.disconnect().waitForCompletion(5_000);
            reader.close();
            assertThat(senders).containsExactlyInAnyOrderElementsOf(model.gateways());
            assertThat(stats.publishFailures()).isZero();
        }
    }

    /** A Mosquitto password file, hashed by Mosquitto's own mosquitto_passwd. */
    private Path hashedFile(Map<String, String> passwords) throws Exception {
        Path file = work.resolve("passwords");
        StringBuilder plain = new StringBuilder();
        passwords.forEach((user, password) -> plain.append(user).append(':').append(password).append('\n'));
        Files.writeString(file, plain);
        Process process = new ProcessBuilder("mosquitto_passwd", "-U", file.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return file;
    }

    private String hashed(Map<String, String> passwords) throws Exception {
        return Files.readString(hashedFile(passwords));
    }
}
