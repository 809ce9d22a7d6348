package io.parkpulse.gateway.buffer;

/**
 * One message as read back from the buffer, to publish and then {@link StoreAndForwardBuffer#acknowledge
 * acknowledge}. It remembers where it lies on disk so that an acknowledgement for a message that is no
 * longer the oldest (dropped meanwhile to make room) is recognised and ignored.
 */
public final class BufferedMessage {

    private final long seq;
    private final int readings;
    private final byte[] message;
    private final long segment;
    private final long offset;

    BufferedMessage(long seq, int readings, byte[] message, long segment, long offset) {
        this.seq = seq;
        this.readings = readings;
        this.message = message;
        this.segment = segment;
        this.offset = offset;
    }

    public long seq() {
        return seq;
    }

    public int readings() {
        return readings;
    }

    /** The encoded telemetry message, exactly as appended. A fresh array on every peek; the caller may keep it. */
    public byte[] message() {
        return message;
    }

    long segment() {
        return segment;
    }

    long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "BufferedMessage[seq=" + seq + ", readings=" + readings + ", bytes=" + message.length
                + ", at=" + Segment.fileName(segment) + ":" + offset + "]";
    }
}
