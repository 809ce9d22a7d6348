package io.parkpulse.gateway.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one buffered message, big-endian:
 * {@code [length:int][crc:int][seq:long][readings:int][message: length bytes]}.
 * The CRC-32C covers everything after itself (seq, readings, message), so a torn write or a flipped
 * bit anywhere but the length shows as a checksum mismatch, and a damaged length reads the wrong span
 * and mismatches too.
 */
final class RecordFormat {

    static final int HEADER_BYTES = 20;
    private static final int CHECKED_FROM = 8;

    private RecordFormat() {
    }

    static ByteBuffer encode(long seq, int readings, byte[] message) {
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + message.length);
        record.putInt(message.length).putInt(0).putLong(seq).putInt(readings).put(message);
        record.putInt(4, checksum(record, CHECKED_FROM, record.capacity()));
        return record.flip();
    }

    static long sizeOf(int messageLength) {
        return (long) HEADER_BYTES + messageLength;
    }

    /** What lies at {@code offset}: a whole valid record, the start of one cut off by {@code end}, or damage. */
    static Decoded readAt(FileChannel channel, long offset, long end) throws IOException {
        if (end - offset < HEADER_BYTES) {
            return Decoded.incomplete(offset, null);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(channel, header, offset);
        Header h = new Header(header.getInt(0), header.getInt(4), header.getLong(8), header.getInt(16));
        if (h.length < 0 || h.readings < 0 || h.seq < 0) {
            return Decoded.corrupt(offset, null);
        }
        long next = offset + HEADER_BYTES + h.length;
        if (next > end) {
            return Decoded.incomplete(offset, h);
        }
        ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES - CHECKED_FROM + h.length);
        readFully(channel, body, offset + CHECKED_FROM);
        if (checksum(body, 0, body.capacity()) != h.crc) {
            return Decoded.corrupt(offset, h);
        }
        byte[] message = new byte[h.length];
        body.get(HEADER_BYTES - CHECKED_FROM, message);
        return new Decoded(Status.VALID, offset, h, message);
    }

    private static int checksum(ByteBuffer buffer, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into, position + into.position());
            if (n < 0) {
                throw new IOException("file ended at " + (position + into.position()) + " while reading a record");
            }
        }
        into.flip();
    }

    enum Status { VALID, INCOMPLETE, CORRUPT }

    /** The header fields as read; not trustworthy unless the record is {@link Status#VALID}. */
    record Header(int length, int crc, long seq, int readings) {
    }

    /**
     * @param header  the header when it was readable and plausible, else {@code null}
     * @param message the message bytes; only for valid records
     */
    record Decoded(Status status, long offset, Header header, byte[] message) {

        static Decoded incomplete(long offset, Header header) {
            return new Decoded(Status.INCOMPLETE, offset, header, null);
        }

        static Decoded corrupt(long offset, Header header) {
            return new Decoded(Status.CORRUPT, offset, header, null);
        }

        /** Where the next record starts, if the length field can be believed; -1 otherwise. */
        long next() {
            return header == null ? -1 : offset + HEADER_BYTES + header.length();
        }

        /** For log lines about lost data: what the damaged record claimed to hold. */
        String describe() {
            return header == null ? "header unreadable"
                    : "claims seq " + header.seq() + ", " + header.readings() + " readings, " + header.length() + " message bytes";
        }
    }
}
