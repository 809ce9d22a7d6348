package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.assertIs;
import static io.parkpulse.gateway.buffer.TestMessages.body;
import static io.parkpulse.gateway.buffer.TestMessages.drain;
import static io.parkpulse.gateway.buffer.TestMessages.range;
import static io.parkpulse.gateway.buffer.TestMessages.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.gateway.config.FullPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndForwardBufferTest {

    private static final long ONE_MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void handsOutTheOldestUntilAcknowledged() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            for (int i = 0; i < 5; i++) {
                long seq = buffer.nextSeq();
                assertThat(buffer.append(seq, (int) seq * 10, body(seq, 100)).isStored()).isTrue();
            }
            assertThat(buffer.depthMessages()).isEqualTo(5);
            assertThat(buffer.depthReadings()).isEqualTo(10 + 20 + 30 + 40 + 50);
            assertThat(buffer.bytesUsed()).isEqualTo(5 * (RecordFormat.HEADER_BYTES + 100));

            BufferedMessage first = buffer.peek().orElseThrow();
            assertIs(first, 1, 10, 100);
            assertIs(buffer.peek().orElseThrow(), 1, 10, 100);
            assertThat(buffer.acknowledge(first)).isTrue();
            assertThat(buffer.depthMessages()).isEqualTo(4);
            assertThat(buffer.depthReadings()).isEqualTo(140);
            assertIs(buffer.peek().orElseThrow(), 2, 20, 100);

            assertThat(drain(buffer)).containsExactly(2L, 3L, 4L, 5L);
            assertThat(buffer.peek()).isEmpty();
            assertThat(buffer.depthMessages()).isZero();
            assertThat(buffer.depthReadings()).isZero();
        }
    }

    @Test
    void ignoresAcknowledgementsOfAnythingButTheOldest() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            buffer.append(1, 1, body(1, 50));
            BufferedMessage first = buffer.peek().orElseThrow();
            buffer.append(2, 1, body(2, 50));
            assertThat(buffer.acknowledge(first)).isTrue();
            assertThat(buffer.acknowledge(first)).as("acknowledged twice").isFalse();
            assertThat(buffer.depthMessages()).isEqualTo(1);
            assertIs(buffer.peek().orElseThrow(), 2, 1, 50);
        }
    }

    @Test
    void keepsEveryByteOfEveryMessage() throws IOException {
        Random random = new Random(7);
        byte[][] sent = new byte[200][];
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir,
                BufferOptions.of(ONE_MIB, FullPolicy.DROP_OLDEST).withSegmentBytes(8 * 1024))) {
            for (int i = 0; i < sent.length; i++) {
                sent[i] = new byte[i == 0 ? 0 : random.nextInt(3000)];
                random.nextBytes(sent[i]);
                buffer.append(i, 0, sent[i]);
            }
            for (byte[] expected : sent) {
                BufferedMessage m = buffer.peek().orElseThrow();
                assertThat(m.message()).isEqualTo(expected);
                buffer.acknowledge(m);
            }
        }
    }

    @Test
    void deletesSegmentsOnceFullyAcknowledged() throws IOException {
        BufferOptions options = BufferOptions.of(ONE_MIB, FullPolicy.DROP_OLDEST).withSegmentBytes(1200);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            for (long seq = 1; seq <= 50; seq++) {
                buffer.append(seq, 1, body(seq, 100));
            }
            assertThat(segmentFiles(dir)).hasSize(5);
            assertThat(drain(buffer)).isEqualTo(range(1, 50));
            assertThat(segmentFiles(dir)).as("only the segment taking appends stays").hasSize(1);
            assertThat(buffer.bytesUsed()).isLessThanOrEqualTo(1200);
        }
    }

    @Test
    void replaysUnacknowledgedMessagesInOrderAfterReopening() throws IOException {
        BufferOptions options = BufferOptions.of(ONE_MIB, FullPolicy.DROP_OLDEST).withSegmentBytes(1000);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            for (int i = 0; i < 40; i++) {
                long seq = buffer.nextSeq();
                buffer.append(seq, 3, body(seq, 80));
            }
            for (int i = 0; i < 17; i++) {
                buffer.acknowledge(buffer.peek().orElseThrow());
            }
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            assertThat(buffer.depthMessages()).isEqualTo(23);
            assertThat(buffer.depthReadings()).isEqualTo(69);
            assertIs(buffer.peek().orElseThrow(), 18, 3, 80);
            assertThat(buffer.nextSeq()).isEqualTo(41);
            buffer.append(41, 3, body(41, 80));
            assertThat(drain(buffer)).isEqualTo(range(18, 41));
        }
    }

    @Test
    void sequenceNumbersNeverGoBackAcrossRestarts() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            assertThat(buffer.nextSeq()).isEqualTo(1);
            for (long seq = 1; seq <= 3; seq++) {
                buffer.append(seq, 1, body(seq, 10));
            }
            drain(buffer);
            assertThat(buffer.depthMessages()).isZero();
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            assertThat(buffer.depthMessages()).isZero();
            assertThat(buffer.nextSeq()).as("empty buffer, seq continues").isEqualTo(4);
            assertThat(buffer.nextSeq()).isEqualTo(5);
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            assertThat(buffer.nextSeq()).as("numbers handed out but never stored are not reused either").isEqualTo(6);
        }
    }

    @Test
    void refusesAMessageLargerThanTheWholeBuffer() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 8192, FullPolicy.DROP_OLDEST)) {
            buffer.append(1, 2, body(1, 100));
            AppendResult result = buffer.append(2, 40, body(2, 8192));
            assertThat(result.outcome()).isEqualTo(AppendResult.Outcome.REFUSED_TOO_LARGE);
            assertThat(result.droppedMessages()).isEqualTo(1);
            assertThat(result.droppedReadings()).isEqualTo(40);
            assertThat(result.reason()).contains("seq 2", "larger than the whole buffer", "8192");
            assertThat(buffer.depthMessages()).as("nothing dropped for it").isEqualTo(1);
            assertThat(buffer.droppedReadings()).isEqualTo(40);
        }
    }

    @Test
    void namesAnUnusableDirectory() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> StoreAndForwardBuffer.open(notADirectory.resolve("buffer"), ONE_MIB, FullPolicy.DROP_OLDEST))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(notADirectory.resolve("buffer").toString());
    }

    @Test
    void refusesASecondOpenOfTheSameDirectory() throws IOException {
        try (StoreAndForwardBuffer ignored = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            assertThatThrownBy(() -> StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("already open");
        }
        try (StoreAndForwardBuffer reopened = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST)) {
            assertThat(reopened.depthMessages()).isZero();
        }
    }

    @Test
    void waitingPeekWakesUpOnAppendAndOnClose() throws Exception {
        StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, ONE_MIB, FullPolicy.DROP_OLDEST);
        CompletableFuture<Optional<BufferedMessage>> waiting = CompletableFuture.supplyAsync(() -> peekWaiting(buffer));
        Thread.sleep(100);
        buffer.append(1, 1, body(1, 10));
        assertIs(waiting.get(10, TimeUnit.SECONDS).orElseThrow(), 1, 1, 10);

        buffer.acknowledge(buffer.peek().orElseThrow());
        CompletableFuture<Optional<BufferedMessage>> stopping = CompletableFuture.supplyAsync(() -> peekWaiting(buffer));
        Thread.sleep(100);
        buffer.close();
        assertThat(stopping.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(buffer::peek).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static Optional<BufferedMessage> peekWaiting(StoreAndForwardBuffer buffer) {
        try {
            return buffer.peek(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
