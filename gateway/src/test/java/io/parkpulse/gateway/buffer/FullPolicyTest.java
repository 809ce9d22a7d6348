package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.body;
import static io.parkpulse.gateway.buffer.TestMessages.drain;
import static io.parkpulse.gateway.buffer.TestMessages.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import io.parkpulse.gateway.config.Importance;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullPolicyTest {

    private static final int BODY = 180;
    private static final int RECORD = RecordFormat.HEADER_BYTES + BODY;
    /** Twenty 200-byte records per segment, four segments' worth of room. */
    private static final long MAX_BYTES = 4 * 20 * RECORD;

    @TempDir
    Path dir;

    @Test
    void dropOldestDropsTheOldestSegmentAndCountsItsReadingsExactly() throws IOException {
        try (StoreAndForwardBuffer buffer = open(FullPolicy.DROP_OLDEST)) {
            long seq = 0;
            AppendResult result;
            do {
                seq++;
                result = buffer.append(seq, (int) seq, body(seq, BODY));
                assertThat(result.isStored()).isTrue();
                assertThat(buffer.bytesUsed()).isLessThanOrEqualTo(MAX_BYTES);
            } while (result.droppedMessages() == 0);

            assertThat(seq).isEqualTo(81);
            assertThat(result.droppedMessages()).isEqualTo(20);
            assertThat(result.droppedReadings()).isEqualTo(20 * 21 / 2);
            assertThat(result.reason()).contains("dropped the 20 oldest messages (210 readings)");
            assertThat(buffer.droppedMessages()).isEqualTo(20);
            assertThat(buffer.droppedReadings()).isEqualTo(210);
            assertThat(buffer.peek().orElseThrow().seq()).isEqualTo(21);
            assertThat(buffer.depthMessages()).isEqualTo(61);
        }
    }

    @Test
    void dropOldestCountsOnlyWhatWasNotYetAcknowledged() throws IOException {
        try (StoreAndForwardBuffer buffer = open(FullPolicy.DROP_OLDEST)) {
            for (long seq = 1; seq <= 80; seq++) {
                buffer.append(seq, 2, body(seq, BODY));
            }
            for (int i = 0; i < 5; i++) {
                buffer.acknowledge(buffer.peek().orElseThrow());
            }
            long appended = 80;
            long dropped = 0;
            for (long seq = 81; seq <= 1000; seq++) {
                AppendResult result = buffer.append(seq, 2, body(seq, BODY));
                if (seq == 81) {
                    assertThat(result.droppedMessages()).isEqualTo(15);
                    assertThat(result.droppedReadings()).isEqualTo(30);
                }
                appended++;
                dropped += result.droppedMessages();
            }
            assertThat(buffer.droppedMessages()).isEqualTo(dropped);
            assertThat(buffer.droppedReadings()).isEqualTo(2 * dropped);
            assertThat(appended).as("every message is delivered, dropped or waiting")
                    .isEqualTo(5 + dropped + buffer.depthMessages());
            assertThat(buffer.depthReadings()).isEqualTo(2L * buffer.depthMessages());
            int waiting = buffer.depthMessages();
            assertThat(drain(buffer)).isEqualTo(range(1001 - waiting, 1000));
            assertThat(buffer.sheddingLevel()).as("DROP_OLDEST reads everything").isEqualTo(Importance.LOW);
        }
    }

    @Test
    void shedLeastImportantRefusesWhenFullAndCountsTheRefusedReadings() throws IOException {
        try (StoreAndForwardBuffer buffer = open(FullPolicy.SHED_LEAST_IMPORTANT)) {
            for (long seq = 1; seq <= 80; seq++) {
                assertThat(buffer.append(seq, 3, body(seq, BODY)).isStored()).isTrue();
            }
            AppendResult refused = buffer.append(81, 7, body(81, 2 * BODY));
            assertThat(refused.outcome()).isEqualTo(AppendResult.Outcome.REFUSED_FULL);
            assertThat(refused.droppedMessages()).isEqualTo(1);
            assertThat(refused.droppedReadings()).isEqualTo(7);
            assertThat(refused.reason()).contains("buffer full", "seq 81", "7 readings");
            assertThat(buffer.droppedMessages()).isEqualTo(1);
            assertThat(buffer.droppedReadings()).isEqualTo(7);
            assertThat(buffer.depthMessages()).as("nothing older was given up").isEqualTo(80);

            for (int i = 0; i < 20; i++) {
                buffer.acknowledge(buffer.peek().orElseThrow());
            }
            assertThat(buffer.append(82, 7, body(82, 2 * BODY)).isStored()).as("room again once a segment is sent").isTrue();
            assertThat(drain(buffer)).first().isEqualTo(21L);
        }
    }

    @Test
    void shedLeastImportantReclaimsAFullyAcknowledgedSegment() throws IOException {
        BufferOptions options = BufferOptions.of(MAX_BYTES, FullPolicy.SHED_LEAST_IMPORTANT).withSegmentBytes(MAX_BYTES);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            for (long seq = 1; seq <= 80; seq++) {
                buffer.append(seq, 1, body(seq, BODY));
            }
            drain(buffer);
            assertThat(buffer.bytesUsed()).as("acknowledged, but the one segment is still on disk").isEqualTo(MAX_BYTES);
            assertThat(buffer.append(81, 1, body(81, BODY)).isStored()).isTrue();
            assertThat(buffer.bytesUsed()).isEqualTo(RECORD);
            assertThat(buffer.droppedMessages()).isZero();
        }
    }

    private StoreAndForwardBuffer open(FullPolicy policy) throws IOException {
        return StoreAndForwardBuffer.open(dir, BufferOptions.of(MAX_BYTES, policy).withSegmentBytes(20 * RECORD));
    }
}
