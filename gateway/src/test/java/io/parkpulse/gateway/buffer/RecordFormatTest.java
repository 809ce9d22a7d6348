package io.parkpulse.gateway.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() throws IOException {
        byte[] message = TestMessages.body(42, 64);
        RecordFormat.Decoded decoded = writeAndRead(RecordFormat.encode(42, 7, message).array());
        assertThat(decoded.status()).isEqualTo(RecordFormat.Status.VALID);
        assertThat(decoded.header().seq()).isEqualTo(42);
        assertThat(decoded.header().readings()).isEqualTo(7);
        assertThat(decoded.message()).isEqualTo(message);
        assertThat(decoded.next()).isEqualTo(RecordFormat.HEADER_BYTES + 64);
    }

    @Test
    void noSingleBitFlipAnywhereGoesUnnoticed() throws IOException {
        byte[] record = RecordFormat.encode(123_456_789L, 200, TestMessages.body(123_456_789L, 48)).array();
        for (int i = 0; i < record.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = record.clone();
                damaged[i] ^= (byte) (1 << bit);
                assertThat(writeAndRead(damaged).status()).as("byte %d bit %d", i, bit).isNotEqualTo(RecordFormat.Status.VALID);
            }
        }
    }

    @Test
    void everyCutShortRecordIsIncomplete() throws IOException {
        byte[] record = RecordFormat.encode(5, 1, TestMessages.body(5, 30)).array();
        for (int length = 0; length < record.length; length++) {
            byte[] cut = Arrays.copyOf(record, length);
            assertThat(writeAndRead(cut).status()).as("cut to %d bytes", length).isEqualTo(RecordFormat.Status.INCOMPLETE);
        }
    }

    private RecordFormat.Decoded writeAndRead(byte[] bytes) throws IOException {
        Path file = dir.resolve("record");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
            return RecordFormat.readAt(channel, 0, channel.size());
        }
    }
}
