package io.parkpulse.protocols;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The receive buffer of a {@link FrameDecoder} for frames that start with {@code 68} and end with a checksum and
 * {@code 16} ({@link FrameBytes}): bytes are appended as they arrive, the buffer grows and compacts as needed, and the
 * decoder reads the candidate frame at its start with indexes counted from the {@code 68}. Also the rejections both
 * DL/T 645 and CJ/T 188 decoders give: noise before a frame, a wrong end byte or checksum, an incomplete frame at the
 * end of the input.
 *
 * <p>Not thread-safe: one buffer per decoder.
 */
public final class FrameBuffer {

    /** How a decoder says that bytes are not a frame. */
    @FunctionalInterface
    public interface Rejection<R> {
        R of(String reason, int bytes);
    }

    private byte[] buffer = new byte[512];
    private int start;
    private int end;

    public void append(byte[] bytes, int offset, int length) {
        if (end + length > buffer.length) {
            int kept = end - start;
            byte[] bigger = kept + length > buffer.length ? new byte[Math.max(buffer.length * 2, kept + length)] : buffer;
            System.arraycopy(buffer, start, bigger, 0, kept);
            buffer = bigger;
            start = 0;
            end = kept;
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    /** Bytes buffered from the current position on. */
    public int available() {
        return end - start;
    }

    /** The byte {@code index} bytes after the current position, 0–255. */
    public int at(int index) {
        return buffer[start + index] & 0xFF;
    }

    /** The bytes {@code [from..to)} counted from the current position. */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(buffer, start + from, start + to);
    }

    /** The checksum of the bytes {@code [from..to)} counted from the current position. */
    public byte checksum(int from, int to) {
        return FrameBytes.checksum(buffer, start + from, start + to);
    }

    /** Moves the current position {@code bytes} on. */
    public void skip(int bytes) {
        start += bytes;
    }

    /**
     * Skips wake-up bytes ({@code FE}) and noise up to the next {@code 68} (or the end of what is buffered).
     *
     * @return the noise rejected, or {@code null} when there was none
     */
    public <R> R skipToStart(Rejection<R> reject) {
        int noise = 0;
        while (start < end && (buffer[start] & 0xFF) != FrameBytes.START) {
            if ((buffer[start] & 0xFF) != FrameBytes.WAKE_UP) {
                noise++;
            }
            start++;
        }
        return noise == 0 ? null : reject.of(
                noise + " byte(s) before a frame that are neither wake-up bytes (FE) nor a frame start (68)", noise);
    }

    /**
     * Checks the end of the complete frame at the current position, with {@code length} data bytes and its checksum
     * at {@code cs}: a wrong end byte or checksum costs the frame its first byte.
     *
     * @return the rejection, or {@code null} when the frame is right
     */
    public <R> R checkEnd(int length, int cs, Rejection<R> reject) {
        if (at(cs + 1) != FrameBytes.END) {
            int found = at(cs + 1);
            start++;
            return reject.of(String.format("a frame with %d data bytes must end in 16, found %02X", length, found), 1);
        }
        byte computed = checksum(0, cs);
        if (computed != buffer[start + cs]) {
            int given = at(cs);
            start++;
            return reject.of(String.format("checksum %02X given, %02X computed", given, computed & 0xFF), 1);
        }
        return null;
    }

    /**
     * The decoder's {@code finish()}: what {@code next} still finds, else the rest of the input rejected as an
     * incomplete frame; {@code null} when nothing is left.
     */
    public <R> R finish(Supplier<R> next, Rejection<R> reject) {
        R last = next.get();
        if (last != null) {
            return last;
        }
        int left = end - start;
        start = end;
        return left == 0 ? null : reject.of(left + " byte(s) of an incomplete frame at the end of the input", left);
    }
}
