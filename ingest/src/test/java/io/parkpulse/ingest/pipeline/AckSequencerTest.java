package io.parkpulse.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.ingest.mqtt.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckSequencerTest {

    final List<Integer> acked = new ArrayList<>();
    final List<Integer> forgotten = new ArrayList<>();
    final AckSequencer sequencer = new AckSequencer(new Acknowledger() {
        @Override
        public void acknowledge(PreparedMessage message) {
            acked.add(message.source().mqttId());
        }

        @Override
        public void forget(PreparedMessage message) {
            forgotten.add(message.source().mqttId());
        }
    });

    static PreparedMessage message(int id, long connection) {
        return new PreparedMessage(new InboundMessage("t", new byte[0], id, 1, connection, 0), null, null, List.of(), List.of());
    }

    @Test
    void acknowledgesInArrivalOrderEvenWhenFinishedOutOfOrder() {
        PreparedMessage a = message(1, 0);
        PreparedMessage b = message(2, 0);
        PreparedMessage c = message(3, 0);
        sequencer.admit(a);
        sequencer.admit(b);
        sequencer.admit(c);

        sequencer.complete(c);
        sequencer.complete(b);
        assertThat(acked).isEmpty();
        assertThat(sequencer.size()).isEqualTo(3);

        sequencer.complete(a);
        assertThat(acked).containsExactly(1, 2, 3);
        assertThat(sequencer.size()).isZero();
    }

    @Test
    void forgetsTheMessagesOfALostConnectionWithoutAcknowledgingThem() {
        PreparedMessage old1 = message(1, 0);
        PreparedMessage old2 = message(2, 0);
        PreparedMessage fresh = message(1, 1);
        sequencer.admit(old1);
        sequencer.admit(old2);
        sequencer.admit(fresh);
        sequencer.complete(fresh);

        sequencer.forgetConnection(0);

        assertThat(acked).containsExactly(1);
        assertThat(forgotten).containsExactly(1, 2);
        assertThat(sequencer.size()).isZero();
        sequencer.complete(old1);
        assertThat(acked).containsExactly(1);
    }
}
