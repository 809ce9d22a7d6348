package io.parkpulse.gateway.buffer;

import io.parkpulse.gateway.config.FullPolicy;
import java.nio.file.Path;

/**
 * The child process of {@link KillRecoveryTest}: appends and acknowledges without end, printing each
 * step only after the buffer call returned, until the test kills it with SIGKILL.
 */
public final class AppendUntilKilled {

    static final int BODY = 120;

    private AppendUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        BufferOptions options = BufferOptions.of(Long.parseLong(args[1]), FullPolicy.DROP_OLDEST).withSegmentBytes(Long.parseLong(args[2]));
        StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(Path.of(args[0]), options);
        while (true) {
            long seq = buffer.nextSeq();
            buffer.append(seq, 2, TestMessages.body(seq, BODY));
            System.out.println("stored " + seq);
            if (seq % 3 != 0) {
                BufferedMessage oldest = buffer.peek().orElseThrow();
                buffer.acknowledge(oldest);
                System.out.println("acked " + oldest.seq());
            }
        }
    }
}
