package io.parkpulse.gateway.buffer;

import static io.parkpulse.gateway.buffer.TestMessages.body;
import static io.parkpulse.gateway.buffer.TestMessages.drain;
import static io.parkpulse.gateway.buffer.TestMessages.flipByte;
import static io.parkpulse.gateway.buffer.TestMessages.lastSegment;
import static io.parkpulse.gateway.buffer.TestMessages.overwrite;
import static io.parkpulse.gateway.buffer.TestMessages.range;
import static io.parkpulse.gateway.buffer.TestMessages.segmentFiles;
import static io.parkpulse.gateway.buffer.TestMessages.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.gateway.config.FullPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files as a crash, a power cut or a failing flash card leave them; recovery never throws on them. */
class BufferRecoveryTest {

    private static final int BODY = 100;
    private static final int RECORD = RecordFormat.HEADER_BYTES + BODY;
    /** Five records per segment. */
    private static final BufferOptions OPTIONS = BufferOptions.of(1024 * 1024, FullPolicy.DROP_OLDEST).withSegmentBytes(5 * RECORD);

    @TempDir
    Path dir;

    @Test
    void cutsATornRecordOffTheTailAndAppendsAfterTheLastWholeOne() throws IOException {
        appendAndClose(1, 8);
        Path last = lastSegment(dir);
        truncate(last, Files.size(last) - 7);

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(Files.size(last)).isEqualTo(2 * RECORD);
            assertThat(buffer.depthMessages()).isEqualTo(7);
            assertThat(buffer.corruptRecordsSkipped()).as("a torn tail is not corruption").isZero();
            assertThat(buffer.nextSeq()).as("the cursor remembers that seq 8 was used").isEqualTo(9);
            buffer.append(9, 1, body(9, BODY));
        }
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(drain(buffer)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L);
        }
    }

    @Test
    void cutsGarbageOffTheTail() throws IOException {
        appendAndClose(1, 3);
        byte[] garbage = new byte[37];
        new Random(1).nextBytes(garbage);
        Files.write(lastSegment(dir), garbage, StandardOpenOption.APPEND);

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(Files.size(lastSegment(dir))).isEqualTo(3 * RECORD);
            assertThat(drain(buffer)).isEqualTo(range(1, 3));
        }
    }

    @Test
    void cutsAHeaderPromisingMoreThanTheFileHolds() throws IOException {
        appendAndClose(1, 2);
        ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER_BYTES).putInt(5000).putInt(0).putLong(3).putInt(1);
        Files.write(lastSegment(dir), header.array(), StandardOpenOption.APPEND);

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(drain(buffer)).isEqualTo(range(1, 2));
            assertThat(buffer.corruptRecordsSkipped()).isZero();
        }
    }

    @Test
    void skipsARecordWithAFlippedByteAndKeepsTheRestOfItsSegment() throws IOException {
        appendAndClose(1, 4);
        flipByte(lastSegment(dir), RECORD + RecordFormat.HEADER_BYTES + 50);

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(buffer.corruptRecordsSkipped()).isEqualTo(1);
            assertThat(buffer.depthMessages()).isEqualTo(3);
            assertThat(drain(buffer)).containsExactly(1L, 3L, 4L);
        }
    }

    @Test
    void skipsTheRestOfAnOlderSegmentWhenALengthIsDamaged() throws IOException {
        appendAndClose(1, 15);
        Path first = segmentFiles(dir).get(0);
        overwrite(first, RECORD, ByteBuffer.allocate(4).putInt(3).array());

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(buffer.corruptRecordsSkipped()).isEqualTo(1);
            List<Long> expected = new ArrayList<>(List.of(1L));
            expected.addAll(range(6, 15));
            assertThat(drain(buffer)).isEqualTo(expected);
        }
    }

    @Test
    void skipsADamagedLastRecordOfAnOlderSegment() throws IOException {
        appendAndClose(1, 10);
        flipByte(segmentFiles(dir).get(0), 4 * RECORD + RecordFormat.HEADER_BYTES + 3);

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(buffer.corruptRecordsSkipped()).isEqualTo(1);
            assertThat(drain(buffer)).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void skipsARecordDamagedWhileTheBufferIsOpen() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            for (long seq = 1; seq <= 3; seq++) {
                buffer.append(seq, 2, body(seq, BODY));
            }
            flipByte(lastSegment(dir), RECORD + RecordFormat.HEADER_BYTES + 10);
            assertThat(drain(buffer)).containsExactly(1L, 3L);
            assertThat(buffer.corruptRecordsSkipped()).isEqualTo(1);
            assertThat(buffer.depthReadings()).isZero();
        }
    }

    @Test
    void replaysEverythingOnDiskWhenTheCursorIsUnreadable() throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            for (long seq = 1; seq <= 4; seq++) {
                buffer.append(seq, 1, body(seq, BODY));
            }
            buffer.acknowledge(buffer.peek().orElseThrow());
        }
        Files.writeString(dir.resolve("cursor"), "");
        Files.writeString(dir.resolve("cursor.tmp"), "segment=99 offset=0 lastSeq=1000");

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(buffer.nextSeq()).as("recovered from the records").isEqualTo(5);
            assertThat(drain(buffer)).as("duplicates are acceptable, losses are not").isEqualTo(range(1, 4));
        }
        assertThat(dir.resolve("cursor.tmp")).doesNotExist();
    }

    @Test
    void deletesSegmentsTheCursorHadAlreadyPassed() throws IOException {
        appendAndClose(1, 12);
        Files.writeString(dir.resolve("cursor"), "segment=2 offset=" + 2 * RECORD + " lastSeq=12\n");

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(segmentFiles(dir)).hasSize(2);
            assertThat(drain(buffer)).isEqualTo(range(8, 12));
        }
    }

    @Test
    void ignoresFilesThatAreNotSegments() throws IOException {
        appendAndClose(1, 2);
        Files.writeString(dir.resolve("notes.txt"), "operator was here");
        Files.writeString(dir.resolve("123.seg"), "short name, not ours");

        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            assertThat(drain(buffer)).isEqualTo(range(1, 2));
        }
    }

    private void appendAndClose(long fromSeq, long toSeq) throws IOException {
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, OPTIONS)) {
            for (long seq = fromSeq; seq <= toSeq; seq++) {
                assertThat(buffer.append(seq, 1, body(seq, BODY)).isStored()).isTrue();
            }
        }
    }
}
