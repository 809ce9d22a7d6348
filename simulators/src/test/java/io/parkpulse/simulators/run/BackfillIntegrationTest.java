package io.parkpulse.simulators.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/** A backfill of one simulated day of the demo park through a real Mosquitto, counted by a subscriber. */
@RealServicesTest
class BackfillIntegrationTest {

    @Test
    void aBackfillOfOneDayPublishesExactlyTheExpectedReadings(MqttBroker broker) throws Exception {
        Park park = Simulations.demoPark();
        long from = Simulations.localMidnight(LocalDate.of(2026, 11, 19));
        long to = from + Duration.ofDays(1).toMillis();
        long nbIot = park.meters().values().stream().filter(m -> m.gateway().value().contains("nbiot")).count();
        long expected = (park.meters().size() - nbIot) * 96 + nbIot * 24;

        TelemetryDecoder decoder = Simulations.decoderAt(to);
        AtomicLong readings = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        Set<String> meters = ConcurrentHashMap.newKeySet();
        MqttAsyncClient subscriber = new MqttAsyncClient(broker.url(), "backfill-counter", new MemoryPersistence());
        subscriber.setCallback(new Counter(message -> {
            DecodedTelemetry d = decoder.decode(message.getPayload());
            messages.incrementAndGet();
            readings.addAndGet(d.readings().size());
            rejected.addAndGet(d.rejections().size());
            d.readings().forEach(r -> meters.add(r.meter()));
        }));
        subscriber.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        // not subscribe(String, int, IMqttMessageListener): it recurses forever in Paho 1.2.5
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.PREFIX + park.id() + "/+/telemetry", 1)}, null, null,
                new MqttProperties()).waitForCompletion(10_000);

        RunStats stats = new RunStats();
        ParkModel model = ParkModel.build(park, ModelSettings.of(2026));
        MqttSink sink = MqttSink.connect(broker.url(), null, null, park.id(), model.gateways(), 3, stats);
        new SimulationRun(model, RunSettings.between(from, to, Duration.ofMinutes(15), 50), Pace.backfill(), sink, stats).run();

        assertThat(stats.readingsDelivered()).as("acknowledged by the broker").isEqualTo(expected);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (readings.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        subscriber.disconnect().waitForCompletion(5_000);
        subscriber.close();
        assertThat(readings.get()).as("readings received by the subscriber").isEqualTo(expected);
        assertThat(messages.get()).isEqualTo(stats.messagesDelivered());
        assertThat(rejected.get()).isZero();
        assertThat(meters).isEqualTo(park.meters().keySet().stream().map(MeterId::value).collect(Collectors.toSet()));
        assertThat(stats.publishFailures()).isZero();
    }

    /** Hands each telemetry message to a consumer; ignores the rest of Paho's callbacks. */
    private static final class Counter extends CallbackAdapter {
        private final java.util.function.Consumer<MqttMessage> onMessage;

        Counter(java.util.function.Consumer<MqttMessage> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage.accept(message);
        }
    }
}
