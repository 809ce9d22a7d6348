package io.parkpulse.protocols.modbus;

import java.util.Locale;

/**
 * Turns register words into values and back. A word is one 16-bit register as read, highest byte first (Modbus
 * sends bytes big-endian); 32-bit values take two words whose order the {@link WordOrder} gives.
 *
 * <p>{@link #decode} never throws: short input, a word that is not 16 bits, a NaN or infinite float (what many
 * meters answer for "no value") come back as {@link DecodedValue.Rejected} with the reason.
 *
 * <p>{@link #encode} is for emulators: it divides by the scale, then
 * <ul>
 *   <li>integer types round to the nearest raw number (halves towards +∞, as {@link Math#round(double)}) and
 *       saturate at the type's limits, so 70000 in an int16 becomes 32767 and −∞ becomes −32768;</li>
 *   <li>float32 takes the nearest float, keeping IEEE semantics: beyond ±3.4·10³⁸ it becomes ±∞ and NaN stays NaN,
 *       so an emulator can play a meter that answers NaN.</li>
 * </ul>
 * NaN cannot be written into an integer register; that is an {@link IllegalArgumentException}.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /** Decodes {@code value} from {@code words}, which start at the value's own address. */
    public static DecodedValue decode(RegisterValue value, int[] words) {
        return decode(value, words, 0);
    }

    /** Decodes {@code value} from {@code words[offset…]}; e.g. from a block read starting below the value. */
    public static DecodedValue decode(RegisterValue value, int[] words, int offset) {
        int needed = value.type().registers();
        if (words == null || offset < 0 || offset > words.length - needed) {
            return new DecodedValue.Rejected(String.format(Locale.ROOT, "%s needs %d register(s) from word %d, got %s",
                    value.describe(), needed, offset, words == null ? "none" : words.length + " word(s)"));
        }
        for (int i = offset; i < offset + needed; i++) {
            // -32768…65535: callers may hand over words as signed shorts or as unsigned values, both are 16 bits
            if (words[i] < Short.MIN_VALUE || words[i] > 0xFFFF) {
                return new DecodedValue.Rejected(String.format(Locale.ROOT, "%s: word %d is %d, not a 16-bit register",
                        value.describe(), i, words[i]));
            }
        }
        double raw = raw(value, words, offset);
        if (!Double.isFinite(raw)) {
            return new DecodedValue.Rejected(String.format(Locale.ROOT, "%s holds %s (raw 0x%08X), not a number",
                    value.describe(), raw, bits(value.order(), words, offset)));
        }
        double scaled = raw * value.scale();
        if (!Double.isFinite(scaled)) {
            return new DecodedValue.Rejected(String.format(Locale.ROOT, "%s: %s × scale %s is beyond a double",
                    value.describe(), raw, value.scale()));
        }
        return new DecodedValue.Number(scaled);
    }

    /** The register words that show {@code number} (in the wire unit) as {@code value} describes it. */
    public static int[] encode(RegisterValue value, double number) {
        double raw = number / value.scale();
        return switch (value.type()) {
            case INT16 -> new int[] {(int) saturatedRound(raw, Short.MIN_VALUE, Short.MAX_VALUE, value) & 0xFFFF};
            case UINT16 -> new int[] {(int) saturatedRound(raw, 0, 0xFFFF, value)};
            case INT32 -> split((int) saturatedRound(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, value), value.order());
            case UINT32 -> split((int) saturatedRound(raw, 0, 0xFFFF_FFFFL, value), value.order());
            case FLOAT32 -> split(Float.floatToRawIntBits((float) raw), value.order());
        };
    }

    private static double raw(RegisterValue value, int[] words, int offset) {
        return switch (value.type()) {
            case INT16 -> (short) words[offset];
            case UINT16 -> words[offset] & 0xFFFF;
            case INT32 -> bits(value.order(), words, offset);
            case UINT32 -> bits(value.order(), words, offset) & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat(bits(value.order(), words, offset));
        };
    }

    private static int bits(WordOrder order, int[] words, int offset) {
        int first = words[offset] & 0xFFFF;
        int second = words[offset + 1] & 0xFFFF;
        return order == WordOrder.HIGH_FIRST ? first << 16 | second : second << 16 | first;
    }

    private static int[] split(int bits, WordOrder order) {
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return order == WordOrder.HIGH_FIRST ? new int[] {high, low} : new int[] {low, high};
    }

    private static long saturatedRound(double raw, long min, long max, RegisterValue value) {
        if (Double.isNaN(raw)) {
            throw new IllegalArgumentException(value.describe() + " cannot hold NaN");
        }
        if (raw <= min) {
            return min;
        }
        if (raw >= max) {
            return max;
        }
        return Math.round(raw);
    }
}
