package io.parkpulse.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.SeqRanges.Range;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnconfirmedMessagesTest {

    private static Acknowledgement ack(long first, long last) {
        return new Acknowledgement(List.of(new Range(first, last)), 0);
    }

    @Test
    void aMessageIsDueAfterTheTimeoutThenAfterADoubledOneUpToTheMaximum() {
        UnconfirmedMessages<String> kept = new UnconfirmedMessages<>(Duration.ofSeconds(30), Duration.ofMinutes(5));
        kept.sending(7, "m7", 0);
        assertThat(kept.due(29_999)).isEmpty();
        assertThat(kept.due(30_000)).containsExactly("m7");
        // attempts: 30 s, then 60, 120, 240, 300 (capped), 300
        long now = 30_000;
        for (long timeout : new long[] {60_000, 120_000, 240_000, 300_000, 300_000}) {
            assertThat(kept.due(now + timeout - 1)).isEmpty();
            now += timeout;
            assertThat(kept.due(now)).containsExactly("m7");
        }
        assertThat(kept.resends()).isEqualTo(6);
    }

    @Test
    void anAckConfirmsItsRangesOnceAndLeavesTheRest() {
        UnconfirmedMessages<String> kept = new UnconfirmedMessages<>(Duration.ofSeconds(30), Duration.ofMinutes(5));
        for (long seq = 1040; seq <= 1048; seq++) {
            kept.sending(seq, "m" + seq, 0);
        }
        Acknowledgement ack = new Acknowledgement(List.of(new Range(1040, 1045), new Range(1047, 1047)), 0);
        assertThat(kept.confirm(ack)).containsExactly("m1040", "m1041", "m1042", "m1043", "m1044", "m1045", "m1047");
        assertThat(kept.confirm(ack)).as("a duplicated ack").isEmpty();
        assertThat(kept.confirm(ack(1, 2))).as("an ack of seqs never sent").isEmpty();
        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.due(30_000)).containsExactly("m1046", "m1048");
    }

    @Test
    void aSeqSentAgainKeepsItsFirstEntry() {
        UnconfirmedMessages<String> kept = new UnconfirmedMessages<>(Duration.ofSeconds(1), Duration.ofSeconds(4));
        kept.sending(1, "first", 0);
        kept.sending(1, "copy", 500);
        assertThat(kept.due(1_000)).containsExactly("first");
    }
}
