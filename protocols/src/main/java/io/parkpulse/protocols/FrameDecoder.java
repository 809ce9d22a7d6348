package io.parkpulse.protocols;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoder of a byte stream into frames: bytes go in as they arrive, results ({@code R}: a frame, or bytes rejected
 * with a reason) come out one by one. Not thread-safe: one decoder per connection.
 *
 * @param <R> what the decoder makes of the next bytes
 */
public interface FrameDecoder<R> {

    default void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    void append(byte[] bytes, int offset, int length);

    /** The next frame or rejection, or {@code null} when more bytes are needed to tell. */
    R next();

    /** What is left once the input has ended: an incomplete frame is rejected; {@code null} when nothing is left. */
    R finish();

    /** Everything in {@code bytes}, in order, as if they were the whole input, by a fresh {@code decoder}. */
    static <R> List<R> decodeAll(FrameDecoder<R> decoder, byte[] bytes) {
        decoder.append(bytes);
        List<R> results = new ArrayList<>();
        for (R r = decoder.next(); r != null; r = decoder.next()) {
            results.add(r);
        }
        for (R r = decoder.finish(); r != null; r = decoder.finish()) {
            results.add(r);
        }
        return results;
    }
}
