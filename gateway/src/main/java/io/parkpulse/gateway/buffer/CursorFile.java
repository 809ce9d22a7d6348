package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small file that says where the oldest unacknowledged record starts and which sequence number
 * was used last, one text line such as {@code segment=3 offset=1840 lastSeq=977}.
 *
 * <p>Replaced atomically (write {@code cursor.tmp}, then rename over {@code cursor}), so a reader sees
 * the old or the new cursor, never half of one. A cursor that lags behind only replays messages that
 * were already acknowledged, which the platform tolerates (writes are idempotent); a missing or
 * unreadable cursor therefore falls back to replaying everything on disk.
 */
final class CursorFile {

    private static final Logger LOG = LoggerFactory.getLogger(CursorFile.class);

    private final BufferDirectory directory;
    private final Path file;
    private final Path temp;

    CursorFile(BufferDirectory directory) {
        this.directory = directory;
        this.file = directory.path().resolve("cursor");
        this.temp = directory.path().resolve("cursor.tmp");
    }

    /**
     * @param segment the segment holding the oldest unacknowledged record
     * @param offset  where that record starts; records before it in that segment are acknowledged
     * @param lastSeq the highest sequence number handed out or stored, so it never goes back
     */
    record Cursor(long segment, long offset, long lastSeq) {
    }

    Optional<Cursor> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("buffer cursor {} unreadable ({}); replaying every buffered message", file, e.toString());
            return Optional.empty();
        }
        try {
            String[] fields = text.split(" ");
            return Optional.of(new Cursor(field(fields, 0, "segment"), field(fields, 1, "offset"), field(fields, 2, "lastSeq")));
        } catch (RuntimeException e) {
            LOG.warn("buffer cursor {} malformed ('{}'); replaying every buffered message", file, text);
            return Optional.empty();
        }
    }

    private static long field(String[] fields, int index, String name) {
        String prefix = name + "=";
        if (fields.length != 3 || !fields[index].startsWith(prefix)) {
            throw new IllegalArgumentException("expected " + prefix);
        }
        long value = Long.parseLong(fields[index].substring(prefix.length()));
        if (value < 0) {
            throw new IllegalArgumentException(name + " negative");
        }
        return value;
    }

    /**
     * @param durable fsync the new cursor and the rename; wanted before a segment is deleted so that the
     *                persisted sequence number cannot fall behind the messages that are gone
     */
    void write(Cursor cursor, boolean durable) throws IOException {
        byte[] line = ("segment=" + cursor.segment() + " offset=" + cursor.offset() + " lastSeq=" + cursor.lastSeq() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            if (durable) {
                out.force(false);
            }
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (durable) {
            directory.sync();
        }
    }
}
