package io.parkpulse.gateway.buffer;

import io.parkpulse.gateway.config.FullPolicy;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.Importance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's store-and-forward buffer: a bounded, append-only queue of encoded telemetry messages
 * in segment files, which survives restarts (kill -9 and, with {@link FsyncPolicy#EVERY_APPEND}, power
 * cuts) and hands messages out oldest first. The poller appends; the sender {@link #peek() peeks} the
 * oldest, publishes it at QoS 1 and {@link #acknowledge acknowledges} it after the broker's PUBACK, so
 * a message leaves the disk only once the broker has it. With end-to-end acks the sender instead takes
 * messages with {@link #nextUnsent}/{@link #markSent} (the sent cursor) and a message leaves only when the
 * platform {@link #confirm confirms} its seq (the confirmed cursor, the head). Format, recovery and policies:
 * docs/gateway.md, "Store-and-forward" and "Acknowledgements".
 *
 * <p>Thread-safe: one lock guards everything. Appends (one per message per poll cycle) and
 * acknowledgements do their small file I/O under it.
 */
public final class StoreAndForwardBuffer implements AutoCloseable {

    /**
     * Sized for a 7-day broker outage of a 200-meter gateway reading every 15 minutes:
     * 200 meters × 96 reads a day × 7 days = 134 400 readings; an electricity reading with 5–8 values
     * is 150–250 bytes of JSON, so 134 400 × 250 B = 33.6 MB, plus a 20-byte record header per message.
     * 64 MiB leaves about half again for meters added later, longer meter ids and extra values, and
     * still costs nothing on an edge device's flash.
     */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForwardBuffer.class);

    private final BufferDirectory directory;
    private final CursorFile cursorFile;
    private final BufferOptions options;
    private final Deque<Segment> segments;
    private final SheddingHysteresis shedding = new SheddingHysteresis();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();

    private final ConfirmedSeqs confirmedAhead = new ConfirmedSeqs();

    private long bytesUsed;
    private int depthMessages;
    /** End-to-end acks: how many live messages from the head were handed out by {@link #nextUnsent} (the sent cursor). */
    private int sentAhead;
    private long depthReadings;
    private long lastSeq;
    private long droppedMessages;
    private long droppedReadings;
    private long corruptRecordsSkipped;
    private boolean cursorWriteFailing;
    private boolean closed;

    private StoreAndForwardBuffer(BufferDirectory directory, CursorFile cursorFile, BufferOptions options,
                                  BufferRecovery.Recovered recovered) {
        this.directory = directory;
        this.cursorFile = cursorFile;
        this.options = options;
        this.segments = recovered.segments();
        this.lastSeq = recovered.lastSeq();
        this.corruptRecordsSkipped = recovered.corrupt();
        for (Segment segment : segments) {
            bytesUsed += segment.size();
            depthMessages += segment.liveMessages();
            depthReadings += segment.liveReadings();
        }
        shedding.update(fill());
    }

    /** Opens with the defaults of {@link BufferOptions#of}; see {@link #open(Path, BufferOptions)}. */
    public static StoreAndForwardBuffer open(Path directory, long maxBytes, FullPolicy whenFull) throws IOException {
        return open(directory, BufferOptions.of(maxBytes, whenFull));
    }

    public static StoreAndForwardBuffer open(GatewayConfig.Buffer config) throws IOException {
        return open(config.directory(), config.maxBytes(), config.whenFull());
    }

    /**
     * Opens the buffer in {@code directory} (created if missing), recovering what an earlier run left:
     * torn writes at the tail are truncated and logged, corrupt records skipped and counted, and every
     * unacknowledged whole record is queued again in its original order.
     *
     * @throws IOException only when the directory itself is unusable (cannot be created, written, locked or
     *                     listed, or is open already); the message names it
     */
    public static StoreAndForwardBuffer open(Path directory, BufferOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        BufferDirectory dir = BufferDirectory.open(directory);
        try {
            CursorFile cursorFile = new CursorFile(dir);
            StoreAndForwardBuffer buffer = new StoreAndForwardBuffer(dir, cursorFile, options, BufferRecovery.recover(dir, cursorFile));
            buffer.lock.lock();
            try {
                buffer.writeCursor(true);
            } finally {
                buffer.lock.unlock();
            }
            LOG.info("buffer {}: {} messages ({} readings) waiting in {} segments, {} of {} bytes used, next seq {}{}",
                    dir.path(), buffer.depthMessages, buffer.depthReadings, buffer.segments.size(), buffer.bytesUsed,
                    options.maxBytes(), buffer.lastSeq + 1,
                    buffer.corruptRecordsSkipped > 0 ? ", " + buffer.corruptRecordsSkipped + " corrupt records skipped" : "");
            return buffer;
        } catch (IOException e) {
            dir.close();
            throw new IOException("store-and-forward buffer directory " + dir.path() + " could not be recovered: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * The sequence number for the next message. It only grows, across restarts too: the highest number
     * used is kept in the cursor file and in the stored records themselves.
     */
    public long nextSeq() {
        lock.lock();
        try {
            ensureOpen();
            return ++lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores one encoded message at the end of the queue, forced to disk before returning under
     * {@link FsyncPolicy#EVERY_APPEND}. When it does not fit, DROP_OLDEST deletes the oldest segments
     * until it does; SHED_LEAST_IMPORTANT refuses it (the poller should have stopped reading less
     * important points first, see {@link #sheddingLevel()}). Never throws on a full or failing disk:
     * the result says what was lost, and the counters add it up.
     *
     * @param seq      the message's sequence number, normally from {@link #nextSeq()}
     * @param readings how many readings the message holds, for counting what is lost
     * @param message  the encoded telemetry message
     */
    public AppendResult append(long seq, int readings, byte[] message) {
        Objects.requireNonNull(message, "message");
        if (seq < 0 || readings < 0) {
            throw new IllegalArgumentException("seq and readings must be >= 0, got seq " + seq + ", readings " + readings);
        }
        long size = RecordFormat.sizeOf(message.length);
        lock.lock();
        try {
            ensureOpen();
            lastSeq = Math.max(lastSeq, seq);
            if (size > options.maxBytes()) {
                return refuse(AppendResult.Outcome.REFUSED_TOO_LARGE, readings, "message seq " + seq + " (" + size
                        + " bytes stored) is larger than the whole buffer (" + options.maxBytes() + " bytes); its " + readings
                        + " readings are lost");
            }
            try {
                if (!fits(size)) {
                    reclaimAcknowledgedActiveSegment();
                }
                int droppedHere = 0;
                long droppedReadingsHere = 0;
                if (!fits(size)) {
                    if (options.whenFull() == FullPolicy.SHED_LEAST_IMPORTANT) {
                        return refuse(AppendResult.Outcome.REFUSED_FULL, readings, "buffer full (" + bytesUsed + " of "
                                + options.maxBytes() + " bytes): message seq " + seq + " with " + readings + " readings not stored");
                    }
                    while (!fits(size)) {
                        Segment dropped = dropOldestSegment();
                        droppedHere += dropped.liveMessages();
                        droppedReadingsHere += dropped.liveReadings();
                    }
                    LOG.warn("buffer {} full: dropped the {} oldest messages ({} readings) to store seq {}",
                            directory.path(), droppedHere, droppedReadingsHere, seq);
                }
                activeSegmentFor(size).append(RecordFormat.encode(seq, readings, message), seq, readings,
                        options.fsync() == FsyncPolicy.EVERY_APPEND);
                bytesUsed += size;
                depthMessages++;
                depthReadings += readings;
                shedding.update(fill());
                notEmpty.signalAll();
                return AppendResult.stored(droppedHere, droppedReadingsHere);
            } catch (IOException e) {
                LOG.error("buffer {}: storing message seq {} failed", directory.path(), seq, e);
                return refuse(AppendResult.Outcome.REFUSED_WRITE_FAILED, readings,
                        "writing to the buffer in " + directory.path() + " failed (" + e + "): message seq " + seq
                                + " with " + readings + " readings not stored");
            }
        } finally {
            lock.unlock();
        }
    }

    /** The oldest unacknowledged message, left in place; the same one again until it is acknowledged. */
    public Optional<BufferedMessage> peek() {
        lock.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(readOldest());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #peek()}, but waits up to {@code maxWait} for a message when the queue is empty; returns
     * empty at once if the buffer is closed meanwhile, so a sender thread can stop.
     */
    public Optional<BufferedMessage> peek(Duration maxWait) throws InterruptedException {
        long nanos = maxWait.toNanos();
        lock.lock();
        try {
            ensureOpen();
            while (depthMessages == 0 && nanos > 0 && !closed) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (closed) {
                return Optional.empty();
            }
            return Optional.ofNullable(readOldest());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes a message after the broker acknowledged it. Only the current oldest message can be
     * acknowledged; anything else (a message dropped to make room after it was peeked, or acknowledged
     * twice) is ignored and {@code false} returned.
     */
    public boolean acknowledge(BufferedMessage message) {
        lock.lock();
        try {
            ensureOpen();
            Segment head = segments.peekFirst();
            if (depthMessages == 0 || head.id() != message.segment() || head.firstLiveOffset() != message.offset()) {
                LOG.debug("buffer {}: acknowledgement of {} ignored, it is no longer the oldest message", directory.path(), message);
                return false;
            }
            consumeHead(head);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /*
     * End-to-end acknowledgements (docs/gateway.md, "Acknowledgements"). The head of the queue is then the
     * CONFIRMED cursor: a message leaves the buffer only once the platform confirmed its seq, and it is what
     * the cursor file persists. The SENT cursor (in memory: after a restart every unconfirmed message is sent
     * again) runs ahead of it over the messages published but not yet confirmed.
     */

    /**
     * The oldest message not yet handed out for a first send in this run, skipping messages confirmed already;
     * waits up to {@code maxWait} for one. Hand it out again until {@link #markSent} moves the sent cursor past it.
     */
    public Optional<BufferedMessage> nextUnsent(Duration maxWait) throws InterruptedException {
        long nanos = maxWait.toNanos();
        lock.lock();
        try {
            ensureOpen();
            while (true) {
                while (sentAhead >= depthMessages && nanos > 0 && !closed) {
                    nanos = notEmpty.awaitNanos(nanos);
                }
                if (closed || sentAhead >= depthMessages) {
                    return Optional.empty();
                }
                long seq = liveSeq(sentAhead);
                if (confirmedAhead.contains(seq)) {
                    sentAhead++;
                    continue;
                }
                BufferedMessage message = readLive(sentAhead);
                if (message != null) {
                    return Optional.of(message);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves the sent cursor past {@code message} if it is the one {@link #nextUnsent} handed out; false otherwise. */
    public boolean markSent(BufferedMessage message) {
        lock.lock();
        try {
            ensureOpen();
            if (sentAhead >= depthMessages || !isAt(sentAhead, message)) {
                return false;
            }
            sentAhead++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A message sent earlier and not confirmed yet, read again for a resend; empty when it is no longer waiting
     * (confirmed meanwhile, dropped to make room, or never sent).
     */
    public Optional<BufferedMessage> unconfirmed(long seq) {
        lock.lock();
        try {
            ensureOpen();
            if (confirmedAhead.contains(seq)) {
                return Optional.empty();
            }
            int sent = Math.min(sentAhead, depthMessages);
            int before = 0;
            for (Segment segment : segments) {
                int here = Math.min(segment.liveMessages(), sent - before);
                for (int i = 0; i < here; i++) {
                    if (segment.liveSeq(i) == seq) {
                        return Optional.ofNullable(readLive(before + i));
                    }
                }
                before += here;
                if (before >= sent) {
                    break;
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The platform confirmed the seqs {@code first} … {@code last} (inclusive): the confirmed cursor advances over
     * the contiguous confirmed prefix, deleting what it passes; confirmed seqs beyond an unconfirmed one are kept
     * in mind (bounded) so they are not sent again. Seqs not waiting in the buffer are ignored.
     *
     * @return how many messages left the buffer
     */
    public int confirm(long first, long last) {
        lock.lock();
        try {
            ensureOpen();
            if (depthMessages == 0) {
                return 0;
            }
            long from = Math.max(first, segments.peekFirst().headSeq());
            long to = Math.min(last, lastSeq);
            if (from > to) {
                return 0;
            }
            confirmedAhead.add(from, to);
            return advanceOverConfirmed();
        } finally {
            lock.unlock();
        }
    }

    /** The seq of the oldest message still in the buffer (the confirmed cursor); -1 when empty. */
    public long oldestSeq() {
        lock.lock();
        try {
            return depthMessages == 0 ? -1 : segments.peekFirst().headSeq();
        } finally {
            lock.unlock();
        }
    }

    private int advanceOverConfirmed() {
        int removed = 0;
        while (depthMessages > 0 && confirmedAhead.contains(segments.peekFirst().headSeq())) {
            consumeHead(segments.peekFirst(), false);
            removed++;
        }
        if (depthMessages == 0) {
            confirmedAhead.clear();
        } else {
            confirmedAhead.forgetBelow(segments.peekFirst().headSeq());
        }
        if (removed > 0) {
            saveCursor();
        }
        return removed;
    }

    /** Where the live message {@code live} places after the head lies: its segment and its place among that segment's live ones. */
    private Segment segmentOf(int live, int[] placeInSegment) {
        for (Segment segment : segments) {
            if (live < segment.liveMessages()) {
                placeInSegment[0] = live;
                return segment;
            }
            live -= segment.liveMessages();
        }
        throw new IllegalStateException("no live message " + live + " in " + directory.path());
    }

    private long liveSeq(int live) {
        int[] place = new int[1];
        return segmentOf(live, place).liveSeq(place[0]);
    }

    private boolean isAt(int live, BufferedMessage message) {
        int[] place = new int[1];
        Segment segment = segmentOf(live, place);
        return segment.id() == message.segment() && segment.liveOffset(place[0]) == message.offset();
    }

    /** Reads a live message; one damaged on disk since it was written is given up (counted) and null returned. */
    private BufferedMessage readLive(int live) {
        int[] place = new int[1];
        Segment segment = segmentOf(live, place);
        RecordFormat.Decoded record;
        try {
            record = segment.readLive(place[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("buffer " + directory.path() + ": reading " + segment.path() + " failed", e);
        }
        if (record.status() == RecordFormat.Status.VALID) {
            return new BufferedMessage(record.header().seq(), record.header().readings(), record.message(), segment.id(),
                    record.offset());
        }
        corruptRecordsSkipped++;
        long seq = segment.liveSeq(place[0]);
        LOG.error("buffer segment {}: record at offset {} (seq {}) was damaged on disk after it was written ({}); given up",
                segment.path(), record.offset(), seq, record.describe());
        confirmedAhead.add(seq, seq);
        advanceOverConfirmed();
        return null;
    }

    public int depthMessages() {
        lock.lock();
        try {
            return depthMessages;
        } finally {
            lock.unlock();
        }
    }

    public long depthReadings() {
        lock.lock();
        try {
            return depthReadings;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of segment files on disk, including acknowledged records whose segment is not yet deleted. */
    public long bytesUsed() {
        lock.lock();
        try {
            return bytesUsed;
        } finally {
            lock.unlock();
        }
    }

    public long maxBytes() {
        return options.maxBytes();
    }

    /** {@link #bytesUsed()} over the bound, 0…1. */
    public double fill() {
        lock.lock();
        try {
            return Math.min(1.0, (double) bytesUsed / options.maxBytes());
        } finally {
            lock.unlock();
        }
    }

    /** Messages lost since open: dropped as oldest, or refused. */
    public long droppedMessages() {
        lock.lock();
        try {
            return droppedMessages;
        } finally {
            lock.unlock();
        }
    }

    /** Readings in the messages counted by {@link #droppedMessages()}. */
    public long droppedReadings() {
        lock.lock();
        try {
            return droppedReadings;
        } finally {
            lock.unlock();
        }
    }

    /** Damaged records skipped since open, at recovery and when read back. */
    public long corruptRecordsSkipped() {
        lock.lock();
        try {
            return corruptRecordsSkipped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The least importance of the points the poller should still read. Under SHED_LEAST_IMPORTANT it
     * rises with the fill ({@code NORMAL} from 90 %, {@code HIGH} from 97 %) and falls back with
     * hysteresis (below 93 % and 85 %), see {@link SheddingHysteresis}; under DROP_OLDEST it is always
     * {@code LOW}: everything is read and the oldest messages make room.
     */
    public Importance sheddingLevel() {
        if (options.whenFull() == FullPolicy.DROP_OLDEST) {
            return Importance.LOW;
        }
        lock.lock();
        try {
            return shedding.level();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close()} or {@link #abandon()} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets go of the files as a power cut would, for tests that restart a gateway in the same JVM: no cursor
     * written, nothing forced; only the file handles and the directory lock are released (the operating
     * system would do that for a killed process). The next open recovers from what is on disk.
     */
    public void abandon() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            notEmpty.signalAll();
            for (Segment segment : segments) {
                try {
                    segment.close();
                } catch (IOException e) {
                    LOG.debug("buffer {}: abandoning {}: {}", directory.path(), segment.path(), e.toString());
                }
            }
            try {
                directory.close();
            } catch (IOException e) {
                LOG.debug("buffer {}: releasing the directory lock: {}", directory.path(), e.toString());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Persists the cursor and releases the directory. Unacknowledged messages stay for the next open. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            notEmpty.signalAll();
            try {
                writeCursor(true);
            } catch (IOException e) {
                LOG.error("buffer {}: cursor not saved at close; acknowledged messages may be sent again", directory.path(), e);
            }
            for (Segment segment : segments) {
                try {
                    segment.force();
                    segment.close();
                } catch (IOException e) {
                    LOG.error("buffer {}: closing {} failed", directory.path(), segment.path(), e);
                }
            }
            try {
                directory.close();
            } catch (IOException e) {
                LOG.error("buffer {}: releasing the directory lock failed", directory.path(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long size) {
        return bytesUsed + size <= options.maxBytes();
    }

    private AppendResult refuse(AppendResult.Outcome outcome, int readings, String reason) {
        droppedMessages++;
        droppedReadings += readings;
        return AppendResult.refused(outcome, readings, reason);
    }

    private BufferedMessage readOldest() {
        while (depthMessages > 0) {
            Segment head = segments.peekFirst();
            RecordFormat.Decoded record;
            try {
                record = head.readHead();
            } catch (IOException e) {
                throw new UncheckedIOException("buffer " + directory.path() + ": reading " + head.path() + " failed", e);
            }
            if (record.status() == RecordFormat.Status.VALID) {
                return new BufferedMessage(record.header().seq(), record.header().readings(), record.message(), head.id(),
                        record.offset());
            }
            // written whole and verified at open, so the device changed it since: skip it rather than block the queue
            corruptRecordsSkipped++;
            LOG.error("buffer segment {}: record at offset {} was damaged on disk after it was written ({}); skipped",
                    head.path(), record.offset(), record.describe());
            consumeHead(head);
        }
        return null;
    }

    /** The oldest message is gone (acknowledged or skipped): advance, delete what is done, save the cursor. */
    private void consumeHead(Segment head) {
        consumeHead(head, true);
    }

    /** @param save whether to save the cursor now; a caller removing several messages saves once after them */
    private void consumeHead(Segment head, boolean save) {
        int readings = head.headReadings();
        head.advanceHead();
        depthMessages--;
        depthReadings -= readings;
        sentAhead = Math.max(0, sentAhead - 1);
        if (!head.hasLive() && head != segments.peekLast()) {
            save = true;
        }
        if (save) {
            saveCursor();
        } else {
            shedding.update(fill());
        }
    }

    private void saveCursor() {
        Segment head = segments.peekFirst();
        try {
            if (!head.hasLive() && head != segments.peekLast()) {
                deleteAcknowledgedSegments();
            } else {
                writeCursor(false);
            }
            cursorWriteFailing = false;
        } catch (IOException e) {
            // the message is acknowledged in memory either way; a stale cursor only means a replay after restart
            if (!cursorWriteFailing) {
                LOG.warn("buffer {}: saving the cursor failed ({}); acknowledged messages may be sent again after a restart",
                        directory.path(), e.toString());
            }
            cursorWriteFailing = true;
        }
        shedding.update(fill());
    }

    /** Deletes the fully acknowledged segments at the head; the cursor moves past them first, durably. */
    private void deleteAcknowledgedSegments() throws IOException {
        List<Segment> done = new ArrayList<>();
        while (segments.size() > 1 && !segments.peekFirst().hasLive()) {
            Segment segment = segments.removeFirst();
            bytesUsed -= segment.size();
            done.add(segment);
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            writeCursor(true);
        } finally {
            // safe even if the cursor write failed: a cursor naming a missing segment replays all later ones
            for (Segment segment : done) {
                segment.closeAndDelete();
            }
        }
    }

    /** The active segment, once fully acknowledged, still counts its bytes: swap it for an empty one. */
    private void reclaimAcknowledgedActiveSegment() throws IOException {
        Segment active = segments.peekLast();
        if (segments.size() == 1 && !active.hasLive() && active.size() > 0) {
            roll();
            deleteAcknowledgedSegments();
        }
    }

    /** DROP_OLDEST: removes the oldest segment, unsent messages and all; returns it for the counts. */
    private Segment dropOldestSegment() throws IOException {
        if (segments.size() == 1) {
            roll();
        }
        Segment oldest = segments.removeFirst();
        bytesUsed -= oldest.size();
        depthMessages -= oldest.liveMessages();
        depthReadings -= oldest.liveReadings();
        droppedMessages += oldest.liveMessages();
        droppedReadings += oldest.liveReadings();
        sentAhead = Math.max(0, sentAhead - oldest.liveMessages());
        if (depthMessages == 0) {
            confirmedAhead.clear();
        } else {
            confirmedAhead.forgetBelow(segments.peekFirst().headSeq());
        }
        try {
            writeCursor(true);
        } finally {
            oldest.closeAndDelete();
        }
        return oldest;
    }

    private Segment activeSegmentFor(long recordSize) throws IOException {
        Segment active = segments.peekLast();
        if (active.size() > 0 && active.size() + recordSize > options.segmentBytes()) {
            roll();
            if (!active.hasLive()) {
                deleteAcknowledgedSegments();
            }
        }
        return segments.peekLast();
    }

    private void roll() throws IOException {
        segments.addLast(Segment.create(directory.path(), segments.peekLast().id() + 1));
        if (options.fsync() == FsyncPolicy.EVERY_APPEND) {
            directory.sync();
        }
    }

    private void writeCursor(boolean durable) throws IOException {
        Segment head = segments.peekFirst();
        cursorFile.write(new CursorFile.Cursor(head.id(), head.firstLiveOffset(), lastSeq),
                durable && options.fsync() == FsyncPolicy.EVERY_APPEND);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("store-and-forward buffer " + directory.path() + " is closed");
        }
    }
}
