package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway killed with SIGKILL in the middle of appending and acknowledging: a real child JVM, killed
 * at whatever point it has reached, then the buffer reopened here.
 */
class KillRecoveryTest {

    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final long SEGMENT_BYTES = 4 * 1024;

    @TempDir
    Path dir;

    @Test
    void replaysExactlyTheUnacknowledgedMessagesAndContinuesTheSequence() throws Exception {
        long lastStored = 0;
        long lastAcked = 0;
        for (int run = 1; run <= 3; run++) {
            Progress progress = runAndKill(1500 * run);
            assertThat(progress.lastStored).as("run %d made progress", run).isGreaterThan(lastStored);
            lastStored = progress.lastStored;
            lastAcked = progress.lastAcked;
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, BufferOptions.of(MAX_BYTES, FullPolicy.DROP_OLDEST)
                .withSegmentBytes(SEGMENT_BYTES))) {
            assertThat(buffer.corruptRecordsSkipped()).isZero();
            List<Long> replayed = TestMessages.drain(buffer);
            long first = replayed.get(0);
            long last = replayed.get(replayed.size() - 1);
            // the kill may land after an append or acknowledgement returned but before the child printed it
            assertThat(first).isBetween(lastAcked + 1, lastAcked + 2);
            assertThat(last).isBetween(lastStored, lastStored + 1);
            assertThat(replayed).isEqualTo(range(first, last));
            assertThat(buffer.nextSeq()).isGreaterThan(last);
        }
    }

    private record Progress(long lastStored, long lastAcked) {
    }

    /** Runs the child until it reports {@code minStored} as stored, kills it, and reads everything it printed. */
    private Progress runAndKill(long minStored) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath,
                AppendUntilKilled.class.getName(), dir.toString(), Long.toString(MAX_BYTES), Long.toString(SEGMENT_BYTES))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastStored = 0;
        long lastAcked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            boolean killed = false;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("stored ")) {
                    lastStored = Long.parseLong(line.substring(7));
                } else if (line.startsWith("acked ")) {
                    lastAcked = Long.parseLong(line.substring(6));
                }
                if (!killed && lastStored >= minStored) {
                    // through the handle: Process.destroyForcibly would also close the pipe we still read
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return new Progress(lastStored, lastAcked);
    }
}
