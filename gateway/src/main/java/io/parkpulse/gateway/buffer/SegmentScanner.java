package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one segment file from its start after a restart, indexes every whole record, and deals with
 * damage without ever throwing on content:
 * <ul>
 *   <li>a record failing its checksum whose length still leads to a valid record (a flipped bit in the
 *       body) is skipped alone and counted;</li>
 *   <li>in the last segment, anything else after the last whole record is a write torn by a crash or a
 *       power cut: the file is truncated there (appends continue from that point) and the loss logged;</li>
 *   <li>in an older segment it is corruption we cannot step over: the rest of that segment is skipped,
 *       counted as one corrupt record, and reading resumes with the next segment.</li>
 * </ul>
 */
final class SegmentScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentScanner.class);

    private SegmentScanner() {
    }

    /** @param highestSeq the highest sequence number among the whole records, -1 when there are none */
    record Result(int corruptRecords, long highestSeq) {
    }

    /**
     * @param segment   the segment to scan, freshly opened and not yet indexed
     * @param lastOfAll whether appends will continue in this segment
     */
    static Result scan(Segment segment, boolean lastOfAll) throws IOException {
        Path file = segment.path();
        long end = segment.size();
        long position = 0;
        int corrupt = 0;
        long highestSeq = -1;
        while (position < end) {
            RecordFormat.Decoded record = RecordFormat.readAt(segment.channel(), position, end);
            if (record.status() == RecordFormat.Status.VALID) {
                segment.indexRecovered(position, record.header().seq(), record.header().readings());
                highestSeq = Math.max(highestSeq, record.header().seq());
                position = record.next();
            } else if (record.status() == RecordFormat.Status.CORRUPT && followedByWholeRecord(segment, record, end, lastOfAll)) {
                corrupt++;
                LOG.warn("buffer segment {}: record at offset {} fails its checksum ({}); skipped, later records kept",
                        file, position, record.describe());
                position = record.next();
            } else if (lastOfAll) {
                LOG.warn("buffer segment {}: torn write at offset {} ({} bytes, {}); truncated, those readings are lost",
                        file, position, end - position, record.describe());
                segment.channel().truncate(position);
                segment.channel().force(false);
                segment.setRecoveredSize(position);
                break;
            } else {
                corrupt++;
                LOG.warn("buffer segment {}: unreadable from offset {} ({} bytes, {}); rest of the segment skipped",
                        file, position, end - position, record.describe());
                break;
            }
        }
        return new Result(corrupt, highestSeq);
    }

    /**
     * A damaged record can be stepped over only when its length field leads to another whole record; a
     * damaged last record of an older segment qualifies when it ends exactly at the end of the file. In the
     * last segment a damaged final record is a torn write, not something to step over.
     */
    private static boolean followedByWholeRecord(Segment segment, RecordFormat.Decoded record, long end, boolean lastOfAll)
            throws IOException {
        long next = record.next();
        if (next < 0 || next > end) {
            return false;
        }
        if (next == end) {
            return !lastOfAll;
        }
        return RecordFormat.readAt(segment.channel(), next, end).status() == RecordFormat.Status.VALID;
    }
}
