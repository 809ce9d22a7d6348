package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The buffer's directory, held under an exclusive lock: two gateways (or two buffers in one process)
 * appending to the same segments would interleave records and corrupt each other's cursor. The OS
 * releases the lock when the process dies, kill -9 included.
 */
final class BufferDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private BufferDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** @throws IOException naming the directory when it cannot be created, written or locked */
    static BufferDirectory open(Path directory) throws IOException {
        Path path = directory.toAbsolutePath();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw unusable(path, "cannot be created (" + e + ")", e);
        }
        if (!Files.isWritable(path)) {
            throw unusable(path, "is not writable", null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unusable(path, "cannot hold its lock file (" + e + ")", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw unusable(path, "is in use by another process", null);
            }
            return new BufferDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw unusable(path, "is already open in this process", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static IOException unusable(Path path, String why, Exception cause) {
        return new IOException("store-and-forward buffer directory " + path + " " + why, cause);
    }

    Path path() {
        return path;
    }

    /** The ids of the segment files present, oldest first. */
    List<Long> segmentIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
            files.map(Segment::idOf).filter(OptionalLong::isPresent).forEach(id -> ids.add(id.getAsLong()));
        }
        Collections.sort(ids);
        return ids;
    }

    /**
     * Makes file creations, renames and deletions in the directory durable. Linux allows fsync on a
     * directory; where the platform refuses, the entries become durable with the next journal commit.
     */
    void sync() {
        try (FileChannel dir = FileChannel.open(path, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort by design, see above
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
