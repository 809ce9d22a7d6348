package io.parkpulse.simulators.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.testkit.AckResponder;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The simulator with {@code --end-to-end-acks} on a real Mosquitto, acknowledged by the {@link AckResponder}
 * test fixture (until ingest publishes acks): a PUBACK no longer counts; a message is kept and sent again until an
 * ack covers its seq; each reading is counted once however many acks or resends there were.
 */
@RealServicesTest
class EndToEndAcksIntegrationTest {

    @Test
    void readingsCountOnlyOnceAcknowledgedEndToEndAndUnacknowledgedMessagesAreSentAgain(MqttBroker broker) throws Exception {
        Park park = Simulations.demoPark();
        long from = Simulations.localMidnight(LocalDate.of(2026, 11, 19));
        long to = from + Duration.ofHours(2).toMillis();
        ParkModel model = ParkModel.build(park, ModelSettings.of(2026));
        RunStats stats = new RunStats();
        // no ingest here: the fixture answers as soon as a message arrives
        try (AckResponder responder = AckResponder.start(broker.url(), park.id(), seq -> seq % 3 == 0, (gateway, seq, payload) -> true)) {
            responder.answer(false);
            MqttSink sink = MqttSink.connect(broker.url(), gateway -> new io.parkpulse.simulators.mqtt.GatewayAccounts.Account(null, null),
                    park.id(), model.gateways(), 2, stats, new MqttSink.Acks(true, Duration.ofMillis(500), Duration.ofSeconds(2)));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread run = new Thread(() -> {
                try {
                    new SimulationRun(model, RunSettings.between(from, to, Duration.ofMinutes(15), 50), Pace.backfill(), sink, stats).run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            run.start();

            // ingest "away": everything is PUBACKed by the broker, nothing acknowledged end to end
            Thread.sleep(2_000);
            assertThat(responder.distinctMessages()).as("messages that reached the broker's subscriber").isPositive();
            assertThat(stats.readingsDelivered()).as("a PUBACK is not delivery").isZero();
            assertThat(run.isAlive()).as("the run waits for end-to-end acks").isTrue();
            assertThat(responder.totalReceipts()).as("unacknowledged messages sent again").isGreaterThan(responder.distinctMessages());

            responder.answer(true);
            run.join(60_000);
            assertThat(run.isAlive()).as("the run ended once everything was acknowledged").isFalse();
            assertThat(failure.get()).isNull();
        }
        assertThat(stats.readingsDelivered()).as("every reading counted once").isEqualTo(stats.readingsMade());
        assertThat(stats.messagesDelivered()).isEqualTo(stats.messagesMade());
        assertThat(stats.readingsMade()).isPositive();
    }
}
