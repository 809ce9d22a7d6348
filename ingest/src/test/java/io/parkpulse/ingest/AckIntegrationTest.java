package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.SeqRanges;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Topics;
import io.parkpulse.contract.Value;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.ingest.support.TestParks;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end acknowledgements on real Mosquitto and InfluxDB: the acks a gateway receives cover exactly the seqs it
 * sent (and only its own), every acked reading is queryable the moment its ack arrives, a rejected message is acked too, two ingest
 * instances on the shared subscription together ack everything, nothing is acked while InfluxDB is down, and nothing
 * at all with acks switched off ({@code PARKPULSE_END_TO_END_ACKS=off}) while the data is still stored.
 */
@RealServicesTest
class AckIntegrationTest {

    static final String PARK = "load-park";
    static final int METERS = 10;
    static final String DB = "parkpulse";

    @Test
    void everyAckedSeqIsStoredWhenItsAckArrives(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, PARK, METERS);
        int n = 300;
        long base = System.currentTimeMillis() - 3_600_000;
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-acks", group("acks-one")));
             AckListener acks = new AckListener(broker, "gw-1", influx, base, n);
             AckListener otherAcks = new AckListener(broker, "gw-2", influx, base, 0);
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, "gw-1"));
             GatewayPublisher other = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, "gw-2"))) {
            awaitReportsConnected(ingest);
            for (long seq = 1; seq <= n; seq++) {
                gateway.publish(message(seq, base));
                if (seq <= 5) {
                    other.publish(message(seq, base)); // gw-1's meters: rejected (meter_not_on_gateway), acked to gw-2 only
                }
            }
            long rejected = n + 1;
            gateway.publishRaw(("{\"seq\": " + rejected + ", \"readings\": [{\"meter\": \"E-GHOST\", \"ts\": " + base
                    + ", \"values\": {\"energy_kwh\": 1}}]}").getBytes(StandardCharsets.UTF_8));
            gateway.publishRaw(("{\"readings\": [{\"meter\": \"" + TestParks.meterId(0) + "\", \"ts\": "
                    + base + ", \"values\": {\"energy_kwh\": 1}}]}").getBytes(StandardCharsets.UTF_8)); // no seq: never acked

            Await.until(Duration.ofSeconds(30), () -> acks.seqs().size() == n + 1, () -> acks.seqs().size() + " of " + (n + 1) + " acked");
            Thread.sleep(1_000); // nothing more may come: not the seq-less message, no seq outside 1..n+1
            assertThat(acks.seqs()).containsExactlyElementsOf(seqs(1, n + 1));
            assertThat(acks.problems()).as("acked seqs whose readings were not queryable when the ack arrived, or bad acks").isEmpty();
            Await.until(Duration.ofSeconds(10), () -> otherAcks.seqs().size() == 5, () -> otherAcks.seqs() + " acked to gw-2");
            assertThat(otherAcks.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(otherAcks.problems()).isEmpty();
            assertThat(ingest.counter("parkpulse.ingest.acked.seqs")).isEqualTo(n + 1 + 5);
            assertThat(ingest.counter("parkpulse.ingest.acks", "result", "failed")).isZero();
            assertThat(ingest.counter("parkpulse.ingest.acks", "result", "published")).isEqualTo(acks.received() + otherAcks.received());
        }
    }

    @Test
    void twoInstancesTogetherAckEverySeq(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, PARK, METERS);
        int n = 400;
        long base = System.currentTimeMillis() - 7_200_000;
        try (RunningIngest a = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-ack-a", group("acks-two")));
             RunningIngest b = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-ack-b", group("acks-two")));
             AckListener acks = new AckListener(broker, "gw-1", influx, base, n);
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, "gw-1"))) {
            awaitReportsConnected(a);
            awaitReportsConnected(b);
            for (long seq = 1; seq <= n; seq++) {
                gateway.publish(message(seq, base));
            }
            Await.until(Duration.ofSeconds(30), () -> acks.seqs().size() == n, () -> acks.seqs().size() + " of " + n + " acked");
            assertThat(acks.seqs()).containsExactlyElementsOf(seqs(1, n));
            assertThat(acks.problems()).isEmpty();
            assertThat(a.counter("parkpulse.ingest.acked.seqs")).as("seqs acked by a").isPositive();
            assertThat(b.counter("parkpulse.ingest.acked.seqs")).as("seqs acked by b").isPositive();
            assertThat(a.counter("parkpulse.ingest.acked.seqs") + b.counter("parkpulse.ingest.acked.seqs")).isEqualTo(n);
        }
    }

    @Test
    void nothingIsAckedWhileInfluxDbIsDownAndEverythingAfter(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, PARK, METERS);
        int n = 50;
        long base = System.currentTimeMillis() - 10_800_000;
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-ack-outage", group("acks-outage")));
             AckListener acks = new AckListener(broker, "gw-1", influx, base, n);
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, "gw-1"))) {
            awaitReportsConnected(ingest);
            influx.createDatabase(DB);
            influx.stop();
            for (long seq = 1; seq <= n; seq++) {
                gateway.publish(message(seq, base));
            }
            Thread.sleep(5_000);
            assertThat(acks.received()).as("acks while InfluxDB is down").isZero();
            influx.start();
            Await.until(Duration.ofSeconds(60), () -> acks.seqs().size() == n, () -> acks.seqs().size() + " of " + n + " acked");
            assertThat(acks.seqs()).containsExactlyElementsOf(seqs(1, n));
            assertThat(acks.problems()).isEmpty();
        }
    }

    @Test
    void switchedOffNothingIsAckedAndEverythingIsStored(MqttBroker broker, InfluxDb influx, @TempDir Path parks) throws Exception {
        TestParks.writeLoadPark(parks, PARK, METERS);
        int n = 100;
        long base = System.currentTimeMillis() - 14_400_000;
        Map<String, String> acksOff = Map.of("PARKPULSE_MQTT_SHARE_GROUP", "acks-off", "PARKPULSE_END_TO_END_ACKS", "off");
        try (RunningIngest ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-acks-off", acksOff));
             AckListener acks = new AckListener(broker, "gw-1", influx, base, n);
             GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(broker.url(), PARK, "gw-1"))) {
            awaitReportsConnected(ingest);
            for (long seq = 1; seq <= n; seq++) {
                gateway.publish(message(seq, base));
            }
            String stored = "SELECT count(energy_kwh) FROM electricity WHERE time >= " + (base + 1) + "ms AND time <= " + (base + n) + "ms";
            Await.until(Duration.ofSeconds(30), () -> influx.count(DB, stored) == (long) n * METERS,
                    () -> influx.count(DB, stored) + " of " + n * METERS + " readings stored");
            Thread.sleep(1_000); // an ack would follow its write within milliseconds
            assertThat(acks.received()).as("acks published with acks off").isZero();
            assertThat(ingest.counter("parkpulse.ingest.acks", "result", "published")).isZero();
            assertThat(ingest.counter("parkpulse.ingest.acks", "result", "failed")).isZero();
        }
    }

    /** A share group of the test's own: the broker outlives a test, and so do the sessions of its ingest instances. */
    private static Map<String, String> group(String name) {
        return Map.of("PARKPULSE_MQTT_SHARE_GROUP", name);
    }

    private static void awaitReportsConnected(RunningIngest ingest) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), () -> ingest.registry().get("parkpulse.ingest.reports.connected").gauge().value() == 1,
                () -> "the reports' connection is not up");
    }

    /** One reading of each meter at {@code base + seq} ms: seq s is stored when {@code METERS} readings sit at that time. */
    static TelemetryMessage message(long seq, long base) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < METERS; i++) {
            readings.add(new Reading(TestParks.meterId(i), base + seq, List.of(Value.of(Quantity.ENERGY_KWH, seq + i * 0.5),
                    Value.of(Quantity.POWER_KW, 10 + i))));
        }
        return new TelemetryMessage(seq, readings);
    }

    static List<Long> seqs(long first, long last) {
        List<Long> all = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            all.add(s);
        }
        return all;
    }

    /**
     * Plays the gateway's side: subscribes to its ack topic and, as each ack arrives (on Paho's thread, before the next),
     * queries InfluxDB for the readings of every seq it names up to {@code lastStored} (later ones were rejected).
     */
    static final class AckListener implements AutoCloseable {
        private final MqttAsyncClient client;
        private final Set<Long> seqs = new TreeSet<>();
        private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        private volatile int received;

        AckListener(MqttBroker broker, String gateway, InfluxDb influx, long base, long lastStored) throws MqttException {
            client = new MqttAsyncClient(broker.url(), "ack-listener-" + gateway, new MemoryPersistence());
            client.setCallback(new io.parkpulse.mqtt.CallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    try {
                        check(message);
                    } catch (RuntimeException e) {
                        problems.add("checking an ack failed: " + e);
                    }
                }

                private void check(MqttMessage message) {
                    received++;
                    Acknowledgement.Decoded decoded = Acknowledgement.decode(message.getPayload());
                    if (!decoded.ok()) {
                        problems.add("bad ack " + new String(message.getPayload(), StandardCharsets.UTF_8) + ": " + decoded.problem());
                        return;
                    }
                    for (SeqRanges.Range r : decoded.ack().done()) {
                        long expected = METERS * Math.max(0, Math.min(r.last(), lastStored) - r.first() + 1);
                        long stored = influx.count(DB, "SELECT count(energy_kwh) FROM electricity WHERE time >= "
                                + (base + r.first()) + "ms AND time <= " + (base + Math.min(r.last(), lastStored)) + "ms");
                        synchronized (seqs) {
                            for (long s = r.first(); s <= r.last(); s++) {
                                seqs.add(s);
                            }
                        }
                        if (stored != expected) {
                            problems.add("ack " + r + " arrived with " + stored + " of " + expected + " readings stored");
                        }
                    }
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(10_000);
            // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
            client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.ack(PARK, gateway), 1)}).waitForCompletion(10_000);
        }

        Set<Long> seqs() {
            synchronized (seqs) {
                return new TreeSet<>(seqs);
            }
        }

        List<String> problems() {
            return List.copyOf(problems);
        }

        int received() {
            return received;
        }

        @Override
        public void close() throws MqttException {
            client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(5));
            client.close();
        }
    }
}
