package io.parkpulse.efficiency.scoring;

import java.util.List;
import java.util.Objects;

/**
 * How scores become classes (docs/domain.md §2.5).
 *
 * @param kind  by position in the ranking, or by score thresholds
 * @param bands best class first. For {@link Kind#PERCENTILE} {@code limit} is the cumulative share of the ranked
 *              group (A 20, B 60, C 95, D 100); for {@link Kind#SCORE} it is the least score of the class (A 90,
 *              B 70, C 50, D 0)
 * @param share for {@link Kind#PERCENTILE}: how a rank becomes a share of the group. Published schemes say "the best
 *              20 %" and leave it open; they differ for groups whose size does not divide evenly
 */
public record ClassRule(Kind kind, List<Band> bands, ShareRule share) {

    public enum Kind { PERCENTILE, SCORE }

    /**
     * How the enterprise ranked {@code r} of {@code n} (equal scores share the better rank) is placed by the cumulative
     * shares of the bands. Of 10 enterprises under 20/60/95/100: {@link #RANKED_ABOVE} gives 2/4/4/0,
     * {@link #RANK} 2/4/3/1, {@link #COUNT_UP} 2/6/2/0 and so on — see docs/efficiency.md for a table.
     */
    public enum ShareRule {
        /** The share ranked strictly above it, (r − 1) ÷ n, is below the limit: the best of any group is in the first class. */
        RANKED_ABOVE("(rank − 1) ÷ n < limit"),
        /** Its own rank's share, r ÷ n, is at most the limit: the last of any group is in the last class, even alone. */
        RANK("rank ÷ n ≤ limit"),
        /** Each class holds the cumulative count limit × n, rounded up. */
        COUNT_UP("rank ≤ ⌈limit × n⌉"),
        /** Each class holds the cumulative count limit × n, rounded down. */
        COUNT_DOWN("rank ≤ ⌊limit × n⌋"),
        /** Each class holds the cumulative count limit × n, rounded half up. */
        COUNT_NEAREST("rank ≤ round(limit × n)");

        private final String formula;

        ShareRule(String formula) {
            this.formula = formula;
        }

        /** The rule as people read it, for answers and reports. */
        public String formula() {
            return formula;
        }

        /** Its name in policy files and JSON: ranked_above, rank, count_up, count_down, count_nearest. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A rule with the default share rule, {@link ShareRule#RANKED_ABOVE}. */
    public ClassRule(Kind kind, List<Band> bands) {
        this(kind, bands, ShareRule.RANKED_ABOVE);
    }

    /** @param name class name ("A"); @param limit see {@link ClassRule} */
    public record Band(String name, double limit) {
        public Band {
            Objects.requireNonNull(name, "name");
        }
    }

    public ClassRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(share, "share");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a class rule needs at least one class");
        }
    }

    /** Huai'an 2024: A top 20 %, B to 60 %, C to 95 %, D the last 5 %. */
    public static ClassRule huaian() {
        return new ClassRule(Kind.PERCENTILE, List.of(new Band("A", 20), new Band("B", 60), new Band("C", 95), new Band("D", 100)));
    }
}
