package io.parkpulse.gateway.buffer;

import io.parkpulse.gateway.config.FullPolicy;
import java.util.Objects;

/**
 * How the store-and-forward buffer is bounded and made durable.
 *
 * @param maxBytes     the bound on the segment files' total size, record headers and acknowledged bytes
 *                     awaiting their segment's deletion included
 * @param whenFull     what happens to an append that does not fit
 * @param segmentBytes a segment is closed for appends once the next record would take it past this size;
 *                     it is also how much space one DROP_OLDEST step frees at most
 * @param fsync        when appends are forced to the device
 */
public record BufferOptions(long maxBytes, FullPolicy whenFull, long segmentBytes, FsyncPolicy fsync) {

    private static final long MIN_SEGMENT_BYTES = 4 * 1024;
    private static final long MAX_SEGMENT_BYTES = 4 * 1024 * 1024;

    public BufferOptions {
        Objects.requireNonNull(whenFull, "whenFull");
        Objects.requireNonNull(fsync, "fsync");
        if (maxBytes <= RecordFormat.HEADER_BYTES) {
            throw new IllegalArgumentException("buffer maxBytes must exceed " + RecordFormat.HEADER_BYTES + ", got " + maxBytes);
        }
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive, got " + segmentBytes);
        }
    }

    /**
     * Segments of 1/64 of the buffer (4 KiB to 4 MiB: 1 MiB for the 64 MiB default), so that dropping
     * the oldest segment loses about 1.5 % of a full buffer, and fsync after every append.
     */
    public static BufferOptions of(long maxBytes, FullPolicy whenFull) {
        long segment = Math.min(maxBytes, Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, maxBytes / 64)));
        return new BufferOptions(maxBytes, whenFull, segment, FsyncPolicy.EVERY_APPEND);
    }

    public BufferOptions withSegmentBytes(long bytes) {
        return new BufferOptions(maxBytes, whenFull, bytes, fsync);
    }

    public BufferOptions withFsync(FsyncPolicy policy) {
        return new BufferOptions(maxBytes, whenFull, segmentBytes, policy);
    }
}
