package io.parkpulse.protocols.dlt645;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds DL/T 645 frames in the bytes a serial-to-TCP converter delivers: any number of {@code FE} wake-up bytes, noise
 * before a frame, a frame split over several reads or two in one. A frame ends where its length byte says — never by
 * looking for {@code 16}, which can be the checksum itself — and counts only when its second {@code 68}, end byte
 * and checksum are right. A bad frame costs its first byte and the search goes on, so a good frame right behind it
 * is still found. Never throws on input.
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public final class Dlt645Decoder {

    /** What the decoder made of the next bytes. */
    public sealed interface Result permits Decoded, Rejected {
    }

    /** A frame with a right checksum. */
    public record Decoded(Dlt645Frame frame) implements Result {
    }

    /** Bytes that are not a frame, and why. */
    public record Rejected(String reason, int bytes) implements Result {
    }

    private byte[] buffer = new byte[512];
    private int start;
    private int end;

    public void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

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

    /** The next frame or rejection, or {@code null} when more bytes are needed to tell. */
    public Result next() {
        int noise = 0;
        while (start < end && (buffer[start] & 0xFF) != Dlt645Frame.START) {
            if ((buffer[start] & 0xFF) != 0xFE) {
                noise++;
            }
            start++;
        }
        if (noise > 0) {
            return new Rejected(noise + " byte(s) before a frame that are neither wake-up bytes (FE) nor a frame start (68)",
                    noise);
        }
        int available = end - start;
        if (available < 10) {
            return null;
        }
        if ((buffer[start + 7] & 0xFF) != Dlt645Frame.START) {
            start++;
            return new Rejected(String.format("68 not followed by a second 68 after the 6 address bytes (found %02X)",
                    buffer[start + 6] & 0xFF), 1);
        }
        int length = buffer[start + 9] & 0xFF;
        int total = Dlt645Frame.OVERHEAD + length;
        if (available < total) {
            return null;
        }
        int cs = start + 10 + length;
        if ((buffer[cs + 1] & 0xFF) != Dlt645Frame.END) {
            start++;
            return new Rejected(String.format("a frame with %d data bytes must end in 16, found %02X", length,
                    buffer[cs + 1] & 0xFF), 1);
        }
        byte computed = Dlt645Frame.checksum(buffer, start, cs);
        if (computed != buffer[cs]) {
            start++;
            return new Rejected(String.format("checksum %02X given, %02X computed", buffer[cs] & 0xFF, computed & 0xFF), 1);
        }
        byte[] address = Arrays.copyOfRange(buffer, start + 1, start + 7);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (buffer[start + 10 + i] - Dlt645Frame.OFFSET);
        }
        int control = buffer[start + 8] & 0xFF;
        start += total;
        return new Decoded(new Dlt645Frame(address, control, data));
    }

    /** What is left once the input has ended: an incomplete frame is rejected; {@code null} when nothing is left. */
    public Result finish() {
        Result last = next();
        if (last != null) {
            return last;
        }
        int left = end - start;
        start = end;
        return left == 0 ? null : new Rejected(left + " byte(s) of an incomplete frame at the end of the input", left);
    }

    /** Everything in {@code bytes}, in order, as if they were the whole input. */
    public static List<Result> decodeAll(byte[] bytes) {
        Dlt645Decoder decoder = new Dlt645Decoder();
        decoder.append(bytes);
        List<Result> results = new ArrayList<>();
        for (Result r = decoder.next(); r != null; r = decoder.next()) {
            results.add(r);
        }
        for (Result r = decoder.finish(); r != null; r = decoder.finish()) {
            results.add(r);
        }
        return results;
    }
}
