package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.assertIs;
import static io.parkpulse.gateway.buffer.TestMessages.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end acks: the confirmed cursor behind the sent cursor, per-seq confirmation, persistence, capacity. */
class ConfirmedCursorTest {

    private static final int BODY = 100;
    private static final long RECORD = RecordFormat.HEADER_BYTES + BODY;

    @TempDir
    Path dir;

    @Test
    void aMessageLeavesOnlyWhenConfirmedAndOutOfOrderConfirmationsWaitForTheGap() throws Exception {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 1 << 20, FullPolicy.DROP_OLDEST)) {
            appendSeqs(buffer, 5);
            assertThat(sendAll(buffer)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(buffer.nextUnsent(Duration.ZERO)).as("all sent").isEmpty();
            assertThat(buffer.depthMessages()).as("sent is not confirmed").isEqualTo(5);

            assertThat(buffer.confirm(3, 4)).as("beyond the unconfirmed 1 and 2").isZero();
            assertThat(buffer.depthMessages()).isEqualTo(5);
            assertThat(buffer.unconfirmed(3)).as("confirmed: never resent").isEmpty();
            assertIs(buffer.unconfirmed(2).orElseThrow(), 2, 1, BODY);

            assertThat(buffer.confirm(2, 2)).isZero();
            assertThat(buffer.confirm(1, 1)).as("the gap closes: 1 to 4 leave").isEqualTo(4);
            assertThat(buffer.oldestSeq()).isEqualTo(5);
            assertThat(buffer.confirm(1, 4)).as("a duplicate ack").isZero();
            assertThat(buffer.confirm(900, 1000)).as("seqs never stored").isZero();
            assertThat(buffer.depthMessages()).isEqualTo(1);
            assertThat(buffer.confirm(5, 5)).isEqualTo(1);
            assertThat(buffer.depthMessages()).isZero();
            assertThat(buffer.oldestSeq()).isEqualTo(-1);
        }
    }

    @Test
    void aMessageConfirmedBeforeItsFirstSendIsNotSent() throws Exception {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 1 << 20, FullPolicy.DROP_OLDEST)) {
            appendSeqs(buffer, 4);
            buffer.confirm(2, 3);
            assertThat(sendAll(buffer)).containsExactly(1L, 4L);
        }
    }

    @Test
    void afterARestartEveryUnconfirmedMessageIsSentAgainAndSeqContinues() throws Exception {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 1 << 20, FullPolicy.DROP_OLDEST)) {
            appendSeqs(buffer, 5);
            sendAll(buffer);
            buffer.confirm(1, 2);
            buffer.confirm(4, 4);
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 1 << 20, FullPolicy.DROP_OLDEST)) {
            assertThat(buffer.depthMessages()).as("3, 4 (confirmed beyond the gap is not persisted) and 5").isEqualTo(3);
            assertThat(sendAll(buffer)).containsExactly(3L, 4L, 5L);
            assertThat(buffer.nextSeq()).isEqualTo(6);
        }
    }

    @Test
    void unconfirmedMessagesOccupyTheBufferUntilConfirmed() throws Exception {
        BufferOptions options = BufferOptions.of(40 * RECORD, FullPolicy.SHED_LEAST_IMPORTANT).withSegmentBytes(10 * RECORD);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            appendSeqs(buffer, 40);
            assertThat(sendAll(buffer)).hasSize(40);
            assertThat(buffer.fill()).isEqualTo(1.0);
            assertThat(buffer.append(41, 1, body(41, BODY)).outcome()).as("sent but unconfirmed still counts")
                    .isEqualTo(AppendResult.Outcome.REFUSED_FULL);
            buffer.confirm(11, 40);
            assertThat(buffer.append(42, 1, body(42, BODY)).outcome()).as("confirmed beyond a gap frees nothing yet")
                    .isEqualTo(AppendResult.Outcome.REFUSED_FULL);
            assertThat(buffer.confirm(1, 10)).isEqualTo(40);
            assertThat(buffer.append(43, 1, body(43, BODY)).isStored()).isTrue();
        }
    }

    @Test
    void dropOldestDropsUnconfirmedMessagesAndCountsThem() throws Exception {
        BufferOptions options = BufferOptions.of(40 * RECORD, FullPolicy.DROP_OLDEST).withSegmentBytes(10 * RECORD);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            appendSeqs(buffer, 40);
            sendAll(buffer);
            assertThat(buffer.append(41, 1, body(41, BODY)).droppedMessages()).isEqualTo(10);
            assertThat(buffer.oldestSeq()).isEqualTo(11);
            assertThat(buffer.unconfirmed(5)).isEmpty();
            assertThat(buffer.confirm(11, 11)).isEqualTo(1);
            assertThat(sendAll(buffer)).containsExactly(41L);
        }
    }

    private static void appendSeqs(StoreAndForwardBuffer buffer, int count) {
        for (int i = 0; i < count; i++) {
            long seq = buffer.nextSeq();
            assertThat(buffer.append(seq, 1, body(seq, BODY)).isStored()).isTrue();
        }
    }

    /** Hands out and marks sent every unsent message; their seqs. */
    private static List<Long> sendAll(StoreAndForwardBuffer buffer) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        for (Optional<BufferedMessage> m = buffer.nextUnsent(Duration.ZERO); m.isPresent(); m = buffer.nextUnsent(Duration.ZERO)) {
            seqs.add(m.get().seq());
            assertThat(buffer.markSent(m.get())).isTrue();
            assertThat(buffer.markSent(m.get())).as("once").isFalse();
        }
        return seqs;
    }
}
