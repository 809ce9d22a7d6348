package io.parkpulse.protocols.cjt188;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds CJ/T 188 frames in the bytes a serial-to-TCP converter delivers: any number of {@code FE} wake-up bytes, noise
 * before a frame, a frame split over several reads or two in one. A frame ends where its length byte says — never by
 * looking for {@code 16}, which can be a data byte or the checksum — and counts only when its end byte and checksum
 * are right. A bad frame costs its first byte and the search goes on, so a good frame right behind it is still found.
 * Never throws on input.
 *
 * <p>CJ/T 188 has no second {@code 68} to confirm a frame start, so a stray {@code 68} can promise up to 255 data
 * bytes that never come. Rather than wait for them, a candidate that is still incomplete is given up as soon as a
 * complete frame with a right checksum starts inside it.
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public final class Cjt188Decoder {

    /** What the decoder made of the next bytes. */
    public sealed interface Result permits Decoded, Rejected {
    }

    /** A frame with a right checksum. */
    public record Decoded(Cjt188Frame frame) implements Result {
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
        while (start < end && (buffer[start] & 0xFF) != Cjt188Frame.START) {
            if ((buffer[start] & 0xFF) != 0xFE) {
                noise++;
            }
            start++;
        }
        if (noise > 0) {
            return new Rejected(noise + " byte(s) before a frame that are neither wake-up bytes (FE) nor a frame start (68)",
                    noise);
        }
        if (end - start <= Cjt188Frame.LENGTH_INDEX) {
            return null;
        }
        int length = buffer[start + Cjt188Frame.LENGTH_INDEX] & 0xFF;
        int total = Cjt188Frame.OVERHEAD + length;
        if (end - start < total) {
            return abandonForCompleteFrameInside(length);
        }
        int cs = start + Cjt188Frame.LENGTH_INDEX + 1 + length;
        if ((buffer[cs + 1] & 0xFF) != Cjt188Frame.END) {
            start++;
            return new Rejected(String.format("a frame with %d data bytes must end in 16, found %02X", length,
                    buffer[cs + 1] & 0xFF), 1);
        }
        byte computed = Cjt188Frame.checksum(buffer, start, cs);
        if (computed != buffer[cs]) {
            start++;
            return new Rejected(String.format("checksum %02X given, %02X computed", buffer[cs] & 0xFF, computed & 0xFF), 1);
        }
        int meterType = buffer[start + 1] & 0xFF;
        byte[] address = Arrays.copyOfRange(buffer, start + 2, start + 9);
        int control = buffer[start + 9] & 0xFF;
        byte[] data = Arrays.copyOfRange(buffer, start + Cjt188Frame.LENGTH_INDEX + 1, cs);
        start += total;
        return new Decoded(new Cjt188Frame(meterType, address, control, data));
    }

    /** Rejects the incomplete candidate at {@code start} when a complete, valid frame starts inside it; else null. */
    private Result abandonForCompleteFrameInside(int promised) {
        for (int p = start + 1; p < end; p++) {
            if ((buffer[p] & 0xFF) == Cjt188Frame.START && isCompleteFrameAt(p)) {
                int skipped = p - start;
                start = p;
                return new Rejected(String.format("a 68 promising %d data bytes, given up because a complete frame starts"
                        + " %d byte(s) after it", promised, skipped), skipped);
            }
        }
        return null;
    }

    private boolean isCompleteFrameAt(int p) {
        if (end - p <= Cjt188Frame.LENGTH_INDEX) {
            return false;
        }
        int length = buffer[p + Cjt188Frame.LENGTH_INDEX] & 0xFF;
        int cs = p + Cjt188Frame.LENGTH_INDEX + 1 + length;
        return cs + 1 < end && (buffer[cs + 1] & 0xFF) == Cjt188Frame.END
                && Cjt188Frame.checksum(buffer, p, cs) == buffer[cs];
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
        Cjt188Decoder decoder = new Cjt188Decoder();
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
