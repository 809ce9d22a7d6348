package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's two threads on one buffer: the poller appending, the sender peeking and acknowledging. */
class ConcurrentAppendAndSendTest {

    private static final int MESSAGES = 20_000;

    @TempDir
    Path dir;

    @Test
    void senderGetsEveryMessageOnceInOrder() throws Exception {
        // small segments, so segments roll and are deleted while both threads work
        BufferOptions options = BufferOptions.of(64L * 1024 * 1024, FullPolicy.DROP_OLDEST).withSegmentBytes(16 * 1024);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            Future<Long> poller = threads.submit(() -> {
                long readings = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    long seq = buffer.nextSeq();
                    assertThat(buffer.append(seq, readingsOf(seq), body(seq, sizeOf(seq))).isStored()).isTrue();
                    readings += readingsOf(seq);
                }
                return readings;
            });
            Future<Long> sender = threads.submit(() -> {
                long readings = 0;
                for (long expected = 1; expected <= MESSAGES; expected++) {
                    BufferedMessage m = buffer.peek(Duration.ofSeconds(30)).orElseThrow();
                    TestMessages.assertIs(m, expected, readingsOf(expected), sizeOf(expected));
                    assertThat(buffer.acknowledge(m)).isTrue();
                    readings += m.readings();
                }
                return readings;
            });
            long appended = poller.get(2, TimeUnit.MINUTES);
            assertThat(sender.get(2, TimeUnit.MINUTES)).isEqualTo(appended);
            assertThat(buffer.depthMessages()).isZero();
            assertThat(buffer.depthReadings()).isZero();
            assertThat(buffer.droppedMessages()).isZero();
            assertThat(buffer.peek()).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    private static int readingsOf(long seq) {
        return (int) (seq % 7) + 1;
    }

    private static int sizeOf(long seq) {
        return 40 + (int) (seq % 300);
    }
}
