package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the buffer's state from its directory at open: which segments exist, which records in them
 * are whole and unacknowledged, and the last sequence number used. Bad content never makes it throw;
 * only I/O on the directory itself can.
 */
final class BufferRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(BufferRecovery.class);

    private BufferRecovery() {
    }

    /**
     * @param segments   oldest first, never empty; the last one takes the appends
     * @param lastSeq    the highest sequence number ever handed out or stored, 0 when none
     * @param corrupt    records skipped as corrupt
     */
    record Recovered(Deque<Segment> segments, long lastSeq, int corrupt) {
    }

    static Recovered recover(BufferDirectory directory, CursorFile cursorFile) throws IOException {
        Optional<CursorFile.Cursor> cursor = cursorFile.read();
        Files.deleteIfExists(directory.path().resolve("cursor.tmp"));
        List<Long> ids = deleteAcknowledgedSegments(directory, cursor, directory.segmentIds());

        Deque<Segment> segments = new ArrayDeque<>();
        long lastSeq = cursor.map(CursorFile.Cursor::lastSeq).orElse(0L);
        int corrupt = 0;
        try {
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                Segment segment = Segment.openExisting(directory.path().resolve(Segment.fileName(id)), id);
                segments.addLast(segment);
                SegmentScanner.Result scanned = SegmentScanner.scan(segment, i == ids.size() - 1);
                corrupt += scanned.corruptRecords();
                lastSeq = Math.max(lastSeq, scanned.highestSeq());
                if (cursor.isPresent() && cursor.get().segment() == id) {
                    segment.acknowledgeBefore(cursor.get().offset());
                }
            }
            deleteEmptyOlderSegments(segments);
            if (segments.isEmpty()) {
                long id = Math.max(1, cursor.map(CursorFile.Cursor::segment).orElse(1L));
                segments.add(Segment.create(directory.path(), id));
                directory.sync();
            }
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                segment.close();
            }
            throw e;
        }
        return new Recovered(segments, lastSeq, corrupt);
    }

    /** Segments older than the cursor's were fully acknowledged; the crash came before their deletion. */
    private static List<Long> deleteAcknowledgedSegments(BufferDirectory directory, Optional<CursorFile.Cursor> cursor, List<Long> ids)
            throws IOException {
        List<Long> remaining = new ArrayList<>();
        for (long id : ids) {
            if (cursor.isPresent() && id < cursor.get().segment()) {
                Files.deleteIfExists(directory.path().resolve(Segment.fileName(id)));
                LOG.info("buffer segment {} was fully acknowledged before the restart; deleted", Segment.fileName(id));
            } else {
                remaining.add(id);
            }
        }
        return remaining;
    }

    /** Older segments with nothing left to send (all acknowledged, or all corrupt) only take space. */
    private static void deleteEmptyOlderSegments(Deque<Segment> segments) throws IOException {
        Segment last = segments.peekLast();
        for (var it = segments.iterator(); it.hasNext(); ) {
            Segment segment = it.next();
            if (segment != last && !segment.hasLive()) {
                it.remove();
                segment.closeAndDelete();
            }
        }
    }
}
