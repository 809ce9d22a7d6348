package io.parkpulse.efficiency.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static Map<String, Double> scores(double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("e" + (i + 1), values[i]);
        }
        return m;
    }

    @Test
    void twenty_enterprises_split_20_60_95_100() {
        double[] values = new double[20];
        for (int i = 0; i < 20; i++) {
            values[i] = 100 - i;
        }
        Map<String, String> c = Classifier.classify(scores(values), ClassRule.huaian());
        assertThat(c.values()).containsExactly("A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B", "B",
                "C", "C", "C", "C", "C", "C", "C", "D");
    }

    @Test
    void tied_scores_share_the_better_class() {
        // ten firms; 2nd and 3rd tie at the A/B boundary (top 20 % = two firms): both are A
        Map<String, String> c = Classifier.classify(scores(99, 90, 90, 80, 70, 60, 50, 40, 30, 20), ClassRule.huaian());
        assertThat(c).containsEntry("e2", "A").containsEntry("e3", "A").containsEntry("e4", "B");
        // the last two tie for the bottom: 8 of 10 rank above them (80 %), both C; no one is D
        Map<String, String> bottom = Classifier.classify(scores(99, 90, 80, 70, 60, 50, 40, 30, 20, 20), ClassRule.huaian());
        assertThat(bottom).containsEntry("e9", "C").containsEntry("e10", "C");
        assertThat(bottom.values()).doesNotContain("D");
    }

    @Test
    void all_equal_scores_are_all_in_the_first_class() {
        assertThat(Classifier.classify(scores(50, 50, 50, 50), ClassRule.huaian()).values()).containsOnly("A");
    }

    @Test
    void score_thresholds_take_the_first_class_reached() {
        ClassRule rule = new ClassRule(ClassRule.Kind.SCORE, List.of(new ClassRule.Band("A", 90),
                new ClassRule.Band("B", 70), new ClassRule.Band("C", 50), new ClassRule.Band("D", 0)));
        assertThat(Classifier.classify(scores(94.143, 90, 69.99, 12), rule).values()).containsExactly("A", "A", "C", "D");
    }

    private static ClassRule huaian(ClassRule.ShareRule share) {
        return new ClassRule(ClassRule.Kind.PERCENTILE, ClassRule.huaian().bands(), share);
    }

    /** Counts of A/B/C/D for distinct scores 1..n under a share rule. */
    private static List<Long> counts(int n, ClassRule.ShareRule share) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = n - i;
        }
        Map<String, String> c = Classifier.classify(scores(values), huaian(share));
        return List.of("A", "B", "C", "D").stream().map(k -> c.values().stream().filter(k::equals).count()).toList();
    }

    @Test
    void ten_enterprises_under_each_share_rule() {
        assertThat(counts(10, ClassRule.ShareRule.RANKED_ABOVE)).containsExactly(2L, 4L, 4L, 0L);
        assertThat(counts(10, ClassRule.ShareRule.RANK)).containsExactly(2L, 4L, 3L, 1L);
        assertThat(counts(10, ClassRule.ShareRule.COUNT_UP)).containsExactly(2L, 4L, 4L, 0L);
        assertThat(counts(10, ClassRule.ShareRule.COUNT_DOWN)).containsExactly(2L, 4L, 3L, 1L);
        assertThat(counts(10, ClassRule.ShareRule.COUNT_NEAREST)).containsExactly(2L, 4L, 4L, 0L);
    }

    @Test
    void a_lone_enterprise_is_first_class_but_under_the_rank_rule_and_rounding_down() {
        assertThat(counts(1, ClassRule.ShareRule.RANKED_ABOVE)).containsExactly(1L, 0L, 0L, 0L);
        assertThat(counts(1, ClassRule.ShareRule.RANK)).containsExactly(0L, 0L, 0L, 1L);
        assertThat(counts(1, ClassRule.ShareRule.COUNT_UP)).containsExactly(1L, 0L, 0L, 0L);
        assertThat(counts(1, ClassRule.ShareRule.COUNT_DOWN)).containsExactly(0L, 0L, 0L, 1L);
    }

    @Test
    void every_group_size_from_1_to_60_gets_the_counts_its_rule_computes_directly() {
        double[] limits = {20, 60, 95, 100};
        for (ClassRule.ShareRule share : ClassRule.ShareRule.values()) {
            for (int n = 1; n <= 60; n++) {
                long[] expected = new long[4];
                for (int rank = 1; rank <= n; rank++) {
                    int k = 0;
                    while (k < 3 && !inClass(rank, n, limits[k], share)) {
                        k++;
                    }
                    expected[k]++;
                }
                assertThat(counts(n, share)).as("%s, %d enterprises", share, n)
                        .containsExactly(expected[0], expected[1], expected[2], expected[3]);
            }
        }
    }

    /** The rule computed on integers, independently of the classifier's arithmetic. */
    private static boolean inClass(int rank, int n, double limitPercent, ClassRule.ShareRule share) {
        int limit = (int) limitPercent; // 20, 60, 95: whole percents
        return switch (share) {
            case RANKED_ABOVE -> 100 * (rank - 1) < limit * n;
            case RANK -> 100 * rank <= limit * n;
            case COUNT_UP -> 100 * rank <= 100 * ((limit * n + 99) / 100);
            case COUNT_DOWN -> rank <= limit * n / 100;
            case COUNT_NEAREST -> rank <= (limit * n + 50) / 100;
        };
    }
}
