package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import io.parkpulse.gateway.config.Importance;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheddingLevelTest {

    @TempDir
    Path dir;

    @Test
    void stopsLowThenNormalPointsAndResumesWithHysteresis() {
        SheddingHysteresis shedding = new SheddingHysteresis();
        assertThat(shedding.update(0.50)).isEqualTo(Importance.LOW);
        assertThat(shedding.update(0.8999)).isEqualTo(Importance.LOW);
        assertThat(shedding.update(0.90)).isEqualTo(Importance.NORMAL);
        assertThat(shedding.update(0.86)).as("still shedding above 0.85").isEqualTo(Importance.NORMAL);
        assertThat(shedding.update(0.97)).isEqualTo(Importance.HIGH);
        assertThat(shedding.update(0.95)).as("still shedding NORMAL above 0.93").isEqualTo(Importance.HIGH);
        assertThat(shedding.update(0.929)).isEqualTo(Importance.NORMAL);
        assertThat(shedding.update(0.91)).isEqualTo(Importance.NORMAL);
        assertThat(shedding.update(0.849)).isEqualTo(Importance.LOW);
        assertThat(shedding.update(0.89)).as("below the stop threshold after resuming").isEqualTo(Importance.LOW);
    }

    @Test
    void fallsStraightBackToLowWhenTheBufferEmpties() {
        SheddingHysteresis shedding = new SheddingHysteresis();
        shedding.update(0.99);
        assertThat(shedding.update(0.10)).isEqualTo(Importance.LOW);
    }

    @Test
    void followsTheFillOfABufferThatSheds() throws IOException {
        // 100-byte records, 10 per 1 % segment: fill moves in 0.1 % steps up and 1 % steps down
        BufferOptions options = BufferOptions.of(100_000, FullPolicy.SHED_LEAST_IMPORTANT).withSegmentBytes(1_000);
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, options)) {
            long seq = 0;
            while (buffer.append(++seq, 1, body(seq, 80)).isStored()) {
                double fill = buffer.fill();
                Importance expected = fill >= 0.97 ? Importance.HIGH : fill >= 0.90 ? Importance.NORMAL : Importance.LOW;
                assertThat(buffer.sheddingLevel()).as("filling, at %.3f", fill).isEqualTo(expected);
            }
            assertThat(buffer.fill()).isEqualTo(1.0);
            while (buffer.depthMessages() > 0) {
                buffer.acknowledge(buffer.peek().orElseThrow());
                double fill = buffer.fill();
                Importance expected = fill >= 0.93 ? Importance.HIGH : fill >= 0.85 ? Importance.NORMAL : Importance.LOW;
                assertThat(buffer.sheddingLevel()).as("draining, at %.3f", fill).isEqualTo(expected);
            }
        }
    }

    @Test
    void dropOldestReadsEverythingEvenWhenFull() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, 10_000, FullPolicy.DROP_OLDEST)) {
            for (long seq = 1; seq <= 500; seq++) {
                buffer.append(seq, 1, body(seq, 80));
                assertThat(buffer.sheddingLevel()).isEqualTo(Importance.LOW);
            }
            assertThat(buffer.droppedMessages()).as("it was full").isPositive();
        }
    }
}
