package io.parkpulse.testkit.fuzz;

import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * Fuzz inputs for YAML files: a valid file mutated line by line (lines dropped, repeated, swapped, re-indented),
 * value by value (each scalar after a {@code key:} replaced by one of YAML's awkward values: tags, anchors and aliases,
 * flow collections, special floats, huge numbers, odd dates) and character by character (insertions, deletions,
 * truncation), so most inputs still parse as YAML and reach the checks behind the parser. QuickTheories draws a seed;
 * the seed determines the input.
 */
public final class YamlInputs {

    /** How many inputs each reader gets (as for byte decoders). */
    public static final int INPUTS = FuzzInputs.INPUTS;
    /** What QuickTheories is asked for to check at least {@link #INPUTS}. */
    public static final int EXAMPLES = FuzzInputs.EXAMPLES;


    private static final List<String> AWKWARD_VALUES = List.of("", "~", "null", "true", "no", "yes", "0", "-1", "-0",
            "1e400", "-1e400", ".nan", ".inf", "-.inf", "0x1F", "0o17", "1_000", "9223372036854775808",
            "123456789012345678901234567890", "1.7976931348623157e308", "4.9e-324", "2026-11-21", "2026-02-30",
            "2026-11-21T08:15:00+08:00", "PT0S", "PT-1M", "P99999999999D", "-PT15M", "0s", "99999999999h", "x",
            "\"\"", "''", "\"\\u0000\"", "\"中文€\"", "[]", "{}", "[1, [2, [3]]]", "{a: {b: c}}", "&a x", "*a", "*missing",
            "!!binary AQID", "!!python/object:os.system x", "!!int x", "!!float 1", "!!timestamp 2026-11-21", "!!set {a}",
            "!!omap [a: 1]", "|\n  block", ">-\n  folded", "? complex\n: key", "'unterminated", "\"unterminated",
            "@reserved", "`backtick", "%TAG", "a: b: c", "- item", "\t", "x".repeat(5000), "1".repeat(400));
    private static final List<String> AWKWARD_LINES = List.of("---", "...", "%YAML 1.1", "<<: *a", "a: &a [x, y]",
            "b: [*a, *a, *a, *a, *a, *a, *a, *a]", "? [x]", "\t- tab", "{", "]", "- ", ":", "key:", "!!map", "&anchor",
            "# comment", "\uFEFF", "\u0000", "\r");

    private static final String YAML_SYNTAX = "\"'{}[]&*!|>:-#%@`\t\n ,?";

    private YamlInputs() {
    }

    public static Gen<String> mutated(String sample) {
        List<String> lines = Arrays.asList(sample.split("\n", -1));
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            List<String> out = new ArrayList<>(lines);
            int rounds = 1;
            while (rounds < 8 && r.nextBoolean()) {
                rounds++;
            }
            for (int n = 0; n < rounds; n++) {
                mutateOnce(out, lines, r);
            }
            String text = String.join("\n", out);
            return r.nextInt(4) == 0 ? mutateCharacters(text, r) : text;
        });
    }

    private static void mutateOnce(List<String> out, List<String> sample, Random r) {
        if (out.isEmpty()) {
            out.add(AWKWARD_LINES.get(r.nextInt(AWKWARD_LINES.size())));
            return;
        }
        int at = r.nextInt(out.size());
        String line = out.get(at);
        switch (r.nextInt(8)) {
            case 0, 1, 2 -> out.set(at, replaceValue(line, r));
            case 3 -> out.subList(at, Math.min(out.size(), at + 1 + r.nextInt(4))).clear();
            case 4 -> {
                int end = Math.min(out.size(), at + 1 + r.nextInt(12));
                out.addAll(end, new ArrayList<>(out.subList(at, end)));
            }
            case 5 -> out.set(at, r.nextBoolean() ? "  " + line : line.stripLeading());
            case 6 -> out.add(at, AWKWARD_LINES.get(r.nextInt(AWKWARD_LINES.size())));
            default -> out.set(at, sample.get(r.nextInt(sample.size())));
        }
    }

    /** The line with the value after its {@code key:} (or its list dash) replaced by an awkward one. */
    private static String replaceValue(String line, Random r) {
        String value = AWKWARD_VALUES.get(r.nextInt(AWKWARD_VALUES.size()));
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        if (line.endsWith(":")) {
            return line + " " + value;
        }
        int dash = line.indexOf("- ");
        return dash >= 0 ? line.substring(0, dash + 2) + value : line + value;
    }

    private static String mutateCharacters(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
        switch (r.nextInt(4)) {
            case 0 -> sb.insert(at, YAML_SYNTAX.charAt(r.nextInt(YAML_SYNTAX.length())));
            case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(20)));
            case 2 -> sb.setLength(at);
            default -> sb.insert(at, (char) r.nextInt(0x3000));
        }
        return sb.toString();
    }
}
