package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One segment file of the buffer and an in-memory index of its whole records (offset and readings
 * count per record, 12 bytes each), so that reading, acknowledging and dropping never rescan the file
 * and damaged regions found at recovery are simply absent from the index.
 *
 * <p>Not thread-safe: the buffer serialises all access.
 */
final class Segment {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d{20})\\.seg");

    private final long id;
    private final Path path;
    private final FileChannel channel;
    private long size;
    private long[] offsets = new long[64];
    private int[] readings = new int[64];
    private long[] seqs = new long[64];
    private int count;
    private int head;
    private long liveReadings;

    private Segment(long id, Path path, FileChannel channel, long size) {
        this.id = id;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static String fileName(long id) {
        return String.format("%020d.seg", id);
    }

    static OptionalLong idOf(Path file) {
        var m = FILE_NAME.matcher(file.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static Segment create(Path directory, long id) throws IOException {
        Path path = directory.resolve(fileName(id));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(id, path, channel, 0);
    }

    /** Opens an existing file for recovery; the caller indexes its records with {@link #indexRecovered}. */
    static Segment openExisting(Path path, long id) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(id, path, channel, channel.size());
    }

    long id() {
        return id;
    }

    Path path() {
        return path;
    }

    FileChannel channel() {
        return channel;
    }

    /** Bytes the file occupies, acknowledged and damaged regions included: what counts against the bound. */
    long size() {
        return size;
    }

    int liveMessages() {
        return count - head;
    }

    long liveReadings() {
        return liveReadings;
    }

    boolean hasLive() {
        return head < count;
    }

    /** Where the oldest unacknowledged record starts, or the end of the file when there is none. */
    long firstLiveOffset() {
        return hasLive() ? offsets[head] : size;
    }

    int headReadings() {
        return readings[head];
    }

    long headSeq() {
        return seqs[head];
    }

    /** The seq of the live record {@code live} places after the head (0 = the head). */
    long liveSeq(int live) {
        return seqs[head + live];
    }

    long liveOffset(int live) {
        return offsets[head + live];
    }

    /** Reads the live record {@code live} places after the head. */
    RecordFormat.Decoded readLive(int live) throws IOException {
        return RecordFormat.readAt(channel, offsets[head + live], size);
    }

    /** Appends one encoded record at the end; on failure the file is cut back so no partial record stays. */
    long append(ByteBuffer record, long seq, int recordReadings, boolean force) throws IOException {
        long offset = size;
        try {
            while (record.hasRemaining()) {
                channel.write(record, offset + record.position());
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            try {
                channel.truncate(offset);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size = offset + record.limit();
        index(offset, seq, recordReadings);
        return offset;
    }

    /** Records a whole record found by the recovery scan. */
    void indexRecovered(long offset, long seq, int recordReadings) {
        index(offset, seq, recordReadings);
    }

    /** Recovery: the file ends here (a torn tail was cut off). */
    void setRecoveredSize(long recoveredSize) {
        size = recoveredSize;
    }

    /** Recovery: records before the persisted cursor were acknowledged before the restart. */
    void acknowledgeBefore(long offset) {
        while (hasLive() && offsets[head] < offset) {
            advanceHead();
        }
    }

    RecordFormat.Decoded readHead() throws IOException {
        return RecordFormat.readAt(channel, offsets[head], size);
    }

    void advanceHead() {
        liveReadings -= readings[head];
        head++;
    }

    void force() throws IOException {
        channel.force(false);
    }

    void close() throws IOException {
        channel.close();
    }

    void closeAndDelete() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }

    private void index(long offset, long seq, int recordReadings) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            readings = Arrays.copyOf(readings, count * 2);
            seqs = Arrays.copyOf(seqs, count * 2);
        }
        offsets[count] = offset;
        readings[count] = recordReadings;
        seqs[count] = seq;
        count++;
        liveReadings += recordReadings;
    }
}
