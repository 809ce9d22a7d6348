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
 */
public record ClassRule(Kind kind, List<Band> bands) {

    public enum Kind { PERCENTILE, SCORE }

    /** @param name class name ("A"); @param limit see {@link ClassRule} */
    public record Band(String name, double limit) {
        public Band {
            Objects.requireNonNull(name, "name");
        }
    }

    public ClassRule {
        Objects.requireNonNull(kind, "kind");
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
