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
}
