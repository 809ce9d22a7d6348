package io.parkpulse.efficiency.benchmark;

import io.parkpulse.efficiency.indicator.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers of one indicator (the park's enterprises of one industry, docs/domain.md §3.3) and where each stands:
 * frontrunner, median, mean, rank, percentile and gap.
 *
 * @param count       peers with a value
 * @param frontrunner the frontrunner value by the rule
 * @param leaders     enterprises holding the best value
 * @param median      median value
 * @param mean        arithmetic mean
 * @param standings   each enterprise's standing, best first
 */
public record PeerGroup(int count, double frontrunner, List<String> leaders, double median, double mean,
                        Map<String, PeerStanding> standings) {

    /**
     * @param values    enterprise → value; enterprises without a value are left out by the caller
     * @param direction which way is better; must not be {@link Direction#NONE}
     */
    public static PeerGroup of(Map<String, Double> values, Direction direction, FrontrunnerRule rule) {
        if (direction == Direction.NONE) {
            throw new IllegalArgumentException("an indicator without a direction cannot be benchmarked");
        }
        if (values.isEmpty()) {
            return new PeerGroup(0, Double.NaN, List.of(), Double.NaN, Double.NaN, Map.of());
        }
        Comparator<Map.Entry<String, Double>> bestFirst = Map.Entry.comparingByValue();
        if (direction == Direction.HIGHER_IS_BETTER) {
            bestFirst = bestFirst.reversed();
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(values.entrySet());
        ranked.sort(bestFirst.thenComparing(Map.Entry.comparingByKey()));
        int n = ranked.size();
        double[] sorted = ranked.stream().mapToDouble(Map.Entry::getValue).toArray();

        int top = rule.topPercent() == 0 ? 1 : Math.max(1, (int) Math.ceil(n * rule.topPercent() / 100.0));
        double frontrunner = Arrays.stream(sorted, 0, top).average().orElseThrow();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double[] ascending = sorted.clone();
        Arrays.sort(ascending);
        double median = Statistics.median(ascending);

        List<String> leaders = new ArrayList<>();
        Map<String, PeerStanding> standings = new LinkedHashMap<>();
        int rank = 1;
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted[i] != sorted[i - 1]) {
                rank = i + 1;
            }
            double value = sorted[i];
            if (rank == 1) {
                leaders.add(ranked.get(i).getKey());
            }
            // the other peers it does at least as well as: those ranked below it and those tied with it
            double percentile = n == 1 ? 100 : 100.0 * (n - rank) / (n - 1);
            double gap = value - frontrunner;
            standings.put(ranked.get(i).getKey(), new PeerStanding(value, rank, percentile, gap,
                    frontrunner == 0 ? Double.NaN : gap / Math.abs(frontrunner) * 100));
        }
        return new PeerGroup(n, frontrunner, Collections.unmodifiableList(leaders), median, mean,
                Collections.unmodifiableMap(standings));
    }
}
