package io.parkpulse.simulators.faults;

import java.util.Arrays;

/**
 * Garbles a JSON payload the way broken gateways do, so that no JSON parser accepts it: a message
 * cut off in the middle, or the colon after the first key replaced. Never adds a line break (dry-run
 * files keep one message per line).
 */
public final class PayloadCorruption {

    /** What was done, for the fault log. */
    public record Corrupted(byte[] payload, String description) {
    }

    private PayloadCorruption() {
    }

    /** @param choice random bits that pick the kind and place of the damage */
    public static Corrupted corrupt(byte[] json, long choice) {
        long c = choice & Long.MAX_VALUE;
        if (json.length > 8 && (c & 1) == 0) {
            int cut = json.length / 4 + (int) ((c >>> 1) % Math.max(1, json.length / 2));
            return new Corrupted(Arrays.copyOf(json, cut), "truncated after " + cut + " of " + json.length + " bytes");
        }
        int colon = indexOf(json, (byte) ':');
        if (colon >= 0) {
            byte[] copy = json.clone();
            copy[colon] = ';';
            return new Corrupted(copy, "the ':' at byte " + colon + " replaced by ';'");
        }
        return new Corrupted(Arrays.copyOf(json, Math.max(1, json.length / 2)), "truncated to half");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
