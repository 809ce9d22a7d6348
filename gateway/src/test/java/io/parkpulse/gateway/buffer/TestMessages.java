package io.parkpulse.gateway.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Message bodies that say which seq they belong to, and file surgery for the recovery tests. */
final class TestMessages {

    private TestMessages() {
    }

    /** {@code size} bytes starting "seq=N;" and filled with a pattern that depends on the seq. */
    static byte[] body(long seq, int size) {
        byte[] prefix = ("seq=" + seq + ";").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[Math.max(size, prefix.length)];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        for (int i = prefix.length; i < body.length; i++) {
            body[i] = (byte) ('a' + (seq + i) % 26);
        }
        return body;
    }

    static void assertIs(BufferedMessage message, long seq, int readings, int size) {
        assertThat(message.seq()).isEqualTo(seq);
        assertThat(message.readings()).isEqualTo(readings);
        assertThat(message.message()).isEqualTo(body(seq, size));
    }

    /** Peeks and acknowledges until empty; the seqs in the order received. */
    static List<Long> drain(StoreAndForwardBuffer buffer) {
        List<Long> seqs = new ArrayList<>();
        for (Optional<BufferedMessage> m = buffer.peek(); m.isPresent(); m = buffer.peek()) {
            seqs.add(m.get().seq());
            assertThat(buffer.acknowledge(m.get())).isTrue();
        }
        return seqs;
    }

    static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> seqs = new ArrayList<>();
        for (long s = fromInclusive; s <= toInclusive; s++) {
            seqs.add(s);
        }
        return seqs;
    }

    static List<Path> segmentFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
    }

    static Path lastSegment(Path directory) throws IOException {
        List<Path> files = segmentFiles(directory);
        return files.get(files.size() - 1);
    }

    static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    static void flipByte(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        overwrite(file, offset, new byte[] {(byte) (all[(int) offset] ^ 0x5A)});
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
