package io.parkpulse.protocols.cjt188;

import io.parkpulse.protocols.FrameBuffer;
import io.parkpulse.protocols.FrameDecoder;
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
public final class Cjt188Decoder implements FrameDecoder<Cjt188Decoder.Result> {

    /** What the decoder made of the next bytes. */
    public sealed interface Result permits Decoded, Rejected {
    }

    /** A frame with a right checksum. */
    public record Decoded(Cjt188Frame frame) implements Result {
    }

    /** Bytes that are not a frame, and why. */
    public record Rejected(String reason, int bytes) implements Result {
    }

    private final FrameBuffer buffer = new FrameBuffer();

    @Override
    public void append(byte[] bytes, int offset, int length) {
        buffer.append(bytes, offset, length);
    }

    /** The next frame or rejection, or {@code null} when more bytes are needed to tell. */
    @Override
    public Result next() {
        Result noise = buffer.skipToStart(Rejected::new);
        if (noise != null) {
            return noise;
        }
        if (buffer.available() <= Cjt188Frame.LENGTH_INDEX) {
            return null;
        }
        int length = buffer.at(Cjt188Frame.LENGTH_INDEX);
        int total = Cjt188Frame.OVERHEAD + length;
        if (buffer.available() < total) {
            return abandonForCompleteFrameInside(length);
        }
        int cs = Cjt188Frame.LENGTH_INDEX + 1 + length;
        Result badEnd = buffer.checkEnd(length, cs, Rejected::new);
        if (badEnd != null) {
            return badEnd;
        }
        int meterType = buffer.at(1);
        byte[] address = buffer.copy(2, 9);
        int control = buffer.at(9);
        byte[] data = buffer.copy(Cjt188Frame.LENGTH_INDEX + 1, cs);
        buffer.skip(total);
        return new Decoded(new Cjt188Frame(meterType, address, control, data));
    }

    /** Rejects the incomplete candidate at the start when a complete, valid frame starts inside it; else null. */
    private Result abandonForCompleteFrameInside(int promised) {
        for (int p = 1; p < buffer.available(); p++) {
            if (buffer.at(p) == Cjt188Frame.START && isCompleteFrameAt(p)) {
                buffer.skip(p);
                return new Rejected(String.format("a 68 promising %d data bytes, given up because a complete frame starts"
                        + " %d byte(s) after it", promised, p), p);
            }
        }
        return null;
    }

    private boolean isCompleteFrameAt(int p) {
        if (buffer.available() - p <= Cjt188Frame.LENGTH_INDEX) {
            return false;
        }
        int length = buffer.at(p + Cjt188Frame.LENGTH_INDEX);
        int cs = p + Cjt188Frame.LENGTH_INDEX + 1 + length;
        return cs + 1 < buffer.available() && buffer.at(cs + 1) == Cjt188Frame.END
                && (buffer.checksum(p, cs) & 0xFF) == buffer.at(cs);
    }

    /** What is left once the input has ended: an incomplete frame is rejected; {@code null} when nothing is left. */
    @Override
    public Result finish() {
        return buffer.finish(this::next, Rejected::new);
    }

    /** Everything in {@code bytes}, in order, as if they were the whole input. */
    public static List<Result> decodeAll(byte[] bytes) {
        return FrameDecoder.decodeAll(new Cjt188Decoder(), bytes);
    }
}
