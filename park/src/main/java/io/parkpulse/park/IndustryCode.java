package io.parkpulse.park;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An industry code of GB/T 4754-2017 (国民经济行业分类): a section letter (门类) and a 2-digit division
 * (大类), optionally refined to a 3-digit group (中类) or 4-digit class (小类), for example {@code C3011}
 * (cement). Written with or without the letter; always held with it, so {@code 3011} and {@code C3011}
 * are the same code and peers group correctly.
 */
public final class IndustryCode {

    private static final Pattern SYNTAX = Pattern.compile("([A-T])?([0-9]{2,4})");
    /** First division of each section A..T in GB/T 4754-2017; a section runs to the next one's start. */
    private static final int[] SECTION_STARTS = {1, 6, 13, 44, 47, 51, 53, 61, 63, 66, 70, 71, 73, 76, 80, 83, 84, 86, 91, 97};

    private final char section;
    private final String digits;

    private IndustryCode(char section, String digits) {
        this.section = section;
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static IndustryCode parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a GB/T 4754 industry code: expected a 2-4 digit code "
                    + "with an optional section letter, e.g. C3011 or 3011");
        }
        String digits = m.group(2);
        int division = Integer.parseInt(digits.substring(0, 2));
        char section = sectionOf(division);
        if (section == 0) {
            throw new IllegalArgumentException("\"" + text + "\": division " + digits.substring(0, 2) + " does not exist in GB/T 4754-2017");
        }
        if (m.group(1) != null && m.group(1).charAt(0) != section) {
            throw new IllegalArgumentException("\"" + text + "\": division " + digits.substring(0, 2) + " belongs to section "
                    + section + ", not " + m.group(1));
        }
        return new IndustryCode(section, digits);
    }

    private static char sectionOf(int division) {
        if (division < 1 || division > 97) {
            return 0;
        }
        for (int i = SECTION_STARTS.length - 1; i >= 0; i--) {
            if (division >= SECTION_STARTS[i]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    /** The section letter: C is manufacturing, D the power, heat, gas and water utilities. */
    public char section() {
        return section;
    }

    /** The 2-digit division (大类), e.g. 30 for non-metallic mineral products. */
    public String division() {
        return digits.substring(0, 2);
    }

    /** The code as written in reports: section letter and digits, e.g. {@code C3011}. */
    public String code() {
        return section + digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndustryCode other && section == other.section && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(section, digits);
    }

    @Override
    public String toString() {
        return code();
    }
}
