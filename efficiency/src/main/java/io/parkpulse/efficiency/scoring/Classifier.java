package io.parkpulse.efficiency.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/** Puts scored enterprises into classes. */
public final class Classifier {

    private Classifier() {
    }

    /**
     * By percentile an enterprise ranked {@code r} of {@code n} falls in the first class its rank reaches under the
     * rule's {@link ClassRule.ShareRule}: by default the first class whose cumulative share exceeds the share of the
     * group ranked strictly above it, (r − 1) ÷ n — of 20 firms under 20/60/95/100 ranks 1–4 are A, 5–12 B, 13–19 C,
     * 20 D, and the best of any group is in the first class. Equal scores share the better rank, so ties never split
     * across a class boundary. By score it falls in the first class whose least score it reaches (the last class
     * takes the rest).
     *
     * @return enterprise → class name, in the order given
     */
    public static Map<String, String> classify(Map<String, Double> scores, ClassRule rule) {
        Map<String, String> classes = new LinkedHashMap<>();
        int n = scores.size();
        double[] ascending = scores.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            double score = e.getValue();
            if (rule.kind() == ClassRule.Kind.SCORE) {
                classes.put(e.getKey(), byScore(score, rule));
            } else {
                classes.put(e.getKey(), byRank(strictlyAbove(ascending, score) + 1, n, rule));
            }
        }
        return classes;
    }

    /** How many of the sorted scores are greater than {@code score}. */
    private static int strictlyAbove(double[] ascending, double score) {
        int low = 0;
        int high = ascending.length;
        while (low < high) { // first index whose score is greater
            int mid = (low + high) >>> 1;
            if (ascending[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return ascending.length - low;
    }

    private static String byScore(double score, ClassRule rule) {
        for (ClassRule.Band band : rule.bands()) {
            if (score >= band.limit()) {
                return band.name();
            }
        }
        return rule.bands().get(rule.bands().size() - 1).name();
    }

    /** The class of rank {@code rank} (1 is the best) of {@code n} under the rule's share rule. */
    static String byRank(int rank, int n, ClassRule rule) {
        for (ClassRule.Band band : rule.bands()) {
            if (reaches(rank, n, band.limit(), rule.share())) {
                return band.name();
            }
        }
        return rule.bands().get(rule.bands().size() - 1).name();
    }

    private static boolean reaches(int rank, int n, double limitPercent, ClassRule.ShareRule share) {
        double cumulative = limitPercent * n / 100.0;
        return switch (share) {
            case RANKED_ABOVE -> 100.0 * (rank - 1) / n < limitPercent - 1e-9;
            case RANK -> 100.0 * rank / n <= limitPercent + 1e-9;
            case COUNT_UP -> rank <= Math.ceil(cumulative - 1e-9);
            case COUNT_DOWN -> rank <= Math.floor(cumulative + 1e-9);
            case COUNT_NEAREST -> rank <= Math.floor(cumulative + 0.5 + 1e-9);
        };
    }
}
