package io.parkpulse.protocols;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What DL/T 645 and CJ/T 188 frames share on the wire: both start with {@code 68}, end with {@code 16} after a
 * checksum that is the sum of every byte from the {@code 68} on, modulo 256, and may be preceded by {@code FE}
 * wake-up bytes. Also their hexadecimal spelling in {@code toString}.
 */
public final class FrameBytes {

    /** The byte a frame starts with. */
    public static final int START = 0x68;
    /** The byte a frame ends with. */
    public static final int END = 0x16;
    /** A wake-up byte, sent before a frame. */
    public static final int WAKE_UP = 0xFE;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private FrameBytes() {
    }

    /** Sum of {@code bytes[from..to)} modulo 256. */
    public static byte checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (byte) sum;
    }

    /** A frame of {@code frameLength} bytes to fill, after {@code preamble} wake-up bytes. */
    public static byte[] withPreamble(int preamble, int frameLength) {
        byte[] out = new byte[preamble + frameLength];
        Arrays.fill(out, 0, preamble, (byte) WAKE_UP);
        return out;
    }

    /** Ends the frame that starts at {@code from}: its checksum at {@code cs}, then {@code 16}. */
    public static void seal(byte[] frame, int from, int cs) {
        frame[cs] = checksum(frame, from, cs);
        frame[cs + 1] = (byte) END;
    }

    /** {@code bytes} as upper-case hexadecimal pairs separated by spaces. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** One byte as two upper-case hexadecimal digits. */
    public static String hex(int oneByte) {
        return String.format("%02X", oneByte);
    }
}
