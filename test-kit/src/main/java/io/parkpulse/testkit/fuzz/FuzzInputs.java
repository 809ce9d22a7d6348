package io.parkpulse.testkit.fuzz;

import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quicktheories.core.Gen;

/**
 * Fuzz inputs that reach deep into a decoder: valid samples mutated the way broken links, buggy firmware and attackers
 * mutate them (bit flips, inserted, deleted and repeated bytes, splices of two samples, truncations) and, for JSON,
 * token-aware mutations that keep most of the message well-formed so the checks behind the parser are exercised.
 * QuickTheories draws a seed; the seed determines the input, so a failure is reproducible from its seed.
 */
public final class FuzzInputs {

    /** How many inputs each decoder gets; {@code ./parkpulse fuzz} raises it to 100 000. */
    public static final int INPUTS = Integer.getInteger("parkpulse.fuzz.inputs", 5_000);
    /** QuickTheories now and then skips a drawn example, so it is asked for 1 % more to check at least {@link #INPUTS}. */
    public static final int EXAMPLES = INPUTS + INPUTS / 100 + 10;

    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x68, 0x16, 0x33, 0x99, 0xAA};
    private static final List<String> INTERESTING_JSON = List.of("0", "-1", "-0", "1", "0.5", "1e400", "-1e400",
            "NaN", "Infinity", "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "1.7976931348623157e308", "4.9e-324", "1e-400", "123456789012345678901234567890123456789012345678901234567890123456789",
            "true", "false", "null", "\"\"", "\"x\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"中文€\"", "\"%s%n\"",
            "\"2026-11-22T08:15:00+08:00\"", "\"2026-11-22T08:15:00\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00+18:00\"", "\"20170311T163657Z\"", "\"AQID\"", "\"!!!!\"", "\"0102FF\"",
            "[]", "{}", "[[[[[[[[]]]]]]]]", "{\"a\":{\"b\":{\"c\":[]}}}", "[1,2,3]", "[null]",
            "\"" + "a".repeat(70_000) + "\"", "[" + "[".repeat(40) + "]".repeat(40) + "]");
    /** Strings, numbers, literals and punctuation of JSON; whitespace is kept so the text survives rejoining. */
    private static final Pattern JSON_TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null|[{}\\[\\]:,]|\\s+|.");

    private FuzzInputs() {
    }

    /** Byte-level mutations of {@code samples}, now and then plain random bytes. */
    public static Gen<byte[]> mutatedBytes(List<byte[]> samples) {
        return longs().all().map(seed -> mutateBytes(samples, new Random(seed)));
    }

    /** Token-level mutations of the JSON {@code samples}, a quarter of them also mutated byte by byte. */
    public static Gen<byte[]> mutatedJson(List<String> samples) {
        List<List<String>> tokenised = samples.stream().map(FuzzInputs::tokens).toList();
        List<String> dictionary = dictionary(tokenised);
        List<byte[]> raw = samples.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            List<String> tokens = new ArrayList<>(tokenised.get(r.nextInt(tokenised.size())));
            for (int n = rounds(r); n > 0; n--) {
                mutateTokens(tokens, tokenised, dictionary, r);
            }
            byte[] bytes = String.join("", tokens).getBytes(StandardCharsets.UTF_8);
            return r.nextInt(4) == 0 ? mutateBytes(List.of(bytes), raw, r) : bytes;
        });
    }

    public static byte[] mutateBytes(List<byte[]> samples, Random r) {
        return mutateBytes(samples, samples, r);
    }

    private static byte[] mutateBytes(List<byte[]> from, List<byte[]> spliceWith, Random r) {
        if (r.nextInt(20) == 0) {
            byte[] noise = new byte[r.nextInt(600)];
            r.nextBytes(noise);
            return noise;
        }
        byte[] b = from.get(r.nextInt(from.size())).clone();
        for (int n = rounds(r); n > 0; n--) {
            b = mutateOnce(b, spliceWith, r);
        }
        return b;
    }

    /** 1 to 8 mutations, fewer more often, so many inputs stay close to valid. */
    private static int rounds(Random r) {
        int n = 1;
        while (n < 8 && r.nextBoolean()) {
            n++;
        }
        return n;
    }

    private static byte[] mutateOnce(byte[] b, List<byte[]> spliceWith, Random r) {
        int len = b.length;
        int at = len == 0 ? 0 : r.nextInt(len);
        switch (r.nextInt(8)) {
            case 0 -> {
                if (len > 0) {
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                if (len > 0) {
                    b[at] = (byte) INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
                }
                return b;
            }
            case 2 -> {
                byte[] inserted = new byte[1 + r.nextInt(8)];
                r.nextBytes(inserted);
                return splice(b, at, at, inserted);
            }
            case 3 -> {
                int end = Math.min(len, at + 1 + r.nextInt(16));
                return splice(b, at, end, new byte[0]);
            }
            case 4 -> {
                int end = Math.min(len, at + 1 + r.nextInt(32));
                byte[] repeated = java.util.Arrays.copyOfRange(b, at, end);
                return splice(b, end, end, repeated);
            }
            case 5 -> {
                byte[] other = spliceWith.get(r.nextInt(spliceWith.size()));
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                byte[] tail = java.util.Arrays.copyOfRange(other, from, other.length);
                return splice(b, at, len, tail);
            }
            case 6 -> {
                return java.util.Arrays.copyOf(b, at);
            }
            default -> {
                if (len > 0) {
                    b[at] = (byte) (b[at] + r.nextInt(71) - 35);
                }
                return b;
            }
        }
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] replacement) {
        byte[] out = new byte[b.length - (to - from) + replacement.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(replacement, 0, out, from, replacement.length);
        System.arraycopy(b, to, out, from + replacement.length, b.length - to);
        return out;
    }

    public static List<String> tokens(String json) {
        List<String> tokens = new ArrayList<>();
        Matcher m = JSON_TOKEN.matcher(json);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Every string and number of the samples (field names, ids, values) plus the interesting values. */
    private static List<String> dictionary(List<List<String>> tokenised) {
        Set<String> words = new LinkedHashSet<>(INTERESTING_JSON);
        for (List<String> tokens : tokenised) {
            for (String t : tokens) {
                if (t.length() > 1 && !t.isBlank()) {
                    words.add(t);
                }
            }
        }
        return List.copyOf(words);
    }

    private static void mutateTokens(List<String> tokens, List<List<String>> samples, List<String> dictionary, Random r) {
        if (tokens.isEmpty()) {
            tokens.add(dictionary.get(r.nextInt(dictionary.size())));
            return;
        }
        int at = r.nextInt(tokens.size());
        switch (r.nextInt(7)) {
            case 0, 1 -> tokens.set(at, dictionary.get(r.nextInt(dictionary.size())));
            case 2 -> tokens.set(at, INTERESTING_JSON.get(r.nextInt(INTERESTING_JSON.size())));
            case 3 -> tokens.subList(at, Math.min(tokens.size(), at + 1 + r.nextInt(6))).clear();
            case 4 -> {
                int end = Math.min(tokens.size(), at + 1 + r.nextInt(24));
                tokens.addAll(end, new ArrayList<>(tokens.subList(at, end)));
            }
            case 5 -> {
                int other = r.nextInt(tokens.size());
                String t = tokens.get(at);
                tokens.set(at, tokens.get(other));
                tokens.set(other, t);
            }
            default -> {
                List<String> donor = samples.get(r.nextInt(samples.size()));
                int from = r.nextInt(donor.size());
                int end = Math.min(donor.size(), from + 1 + r.nextInt(40));
                tokens.addAll(at, donor.subList(from, end));
            }
        }
    }
}
