package io.parkpulse.protocols.dlt645;

import io.parkpulse.protocols.FrameBuffer;
import io.parkpulse.protocols.FrameDecoder;
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
public final class Dlt645Decoder implements FrameDecoder<Dlt645Decoder.Result> {

    /** What the decoder made of the next bytes. */
    public sealed interface Result permits Decoded, Rejected {
    }

    /** A frame with a right checksum. */
    public record Decoded(Dlt645Frame frame) implements Result {
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
        int available = buffer.available();
        if (available < 10) {
            return null;
        }
        if (buffer.at(7) != Dlt645Frame.START) {
            buffer.skip(1);
            return new Rejected(String.format("68 not followed by a second 68 after the 6 address bytes (found %02X)",
                    buffer.at(6)), 1);
        }
        int length = buffer.at(9);
        int total = Dlt645Frame.OVERHEAD + length;
        if (available < total) {
            return null;
        }
        Result badEnd = buffer.checkEnd(length, 10 + length, Rejected::new);
        if (badEnd != null) {
            return badEnd;
        }
        byte[] address = buffer.copy(1, 7);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (buffer.at(10 + i) - Dlt645Frame.OFFSET);
        }
        int control = buffer.at(8);
        buffer.skip(total);
        return new Decoded(new Dlt645Frame(address, control, data));
    }

    /** What is left once the input has ended: an incomplete frame is rejected; {@code null} when nothing is left. */
    @Override
    public Result finish() {
        return buffer.finish(this::next, Rejected::new);
    }

    /** Everything in {@code bytes}, in order, as if they were the whole input. */
    public static List<Result> decodeAll(byte[] bytes) {
        return FrameDecoder.decodeAll(new Dlt645Decoder(), bytes);
    }
}
