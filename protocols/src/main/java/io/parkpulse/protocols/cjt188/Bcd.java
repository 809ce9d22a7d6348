package io.parkpulse.protocols.cjt188;

/** Packed BCD, lowest byte first, as every multi-byte CJ/T 188 number is sent. */
final class Bcd {

    private Bcd() {
    }

    /** Index of the first byte in {@code data[offset, offset+length)} with a nibble above 9, or -1. */
    static int firstInvalid(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = data[offset + i] & 0xFF;
            if ((b >> 4) > 9 || (b & 0xF) > 9) {
                return i;
            }
        }
        return -1;
    }

    /** The decimal number in valid BCD bytes, lowest first. */
    static long digits(byte[] data, int offset, int length) {
        long digits = 0;
        for (int i = length - 1; i >= 0; i--) {
            int b = data[offset + i] & 0xFF;
            digits = digits * 100 + (b >> 4) * 10 + (b & 0xF);
        }
        return digits;
    }

    /** Writes {@code digits} as {@code length} BCD bytes, lowest first. */
    static void put(long digits, byte[] out, int offset, int length) {
        if (digits < 0 || digits >= Math.pow(100, length)) {
            throw new IllegalArgumentException(digits + " does not fit in " + length + " BCD bytes");
        }
        for (int i = 0; i < length; i++) {
            int pair = (int) (digits % 100);
            digits /= 100;
            out[offset + i] = (byte) ((pair / 10) << 4 | pair % 10);
        }
    }
}
