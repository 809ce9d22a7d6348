package io.parkpulse.efficiency.scoring;

import io.parkpulse.efficiency.benchmark.Statistics;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores a group of enterprises under one rule: data-driven, every number from the rule. */
public final class ScoreCard {

    private ScoreCard() {
    }

    /**
     * @param values enterprise → indicator → value; a missing or {@code NaN} value is scored by the missing rule
     * @return enterprise → score, in the order given
     */
    public static Map<String, Score> score(Map<String, Map<Indicator, Double>> values, ScoringRule rule) {
        Map<String, Map<Indicator, Double>> points = new LinkedHashMap<>();
        Map<String, Set<Indicator>> filled = new LinkedHashMap<>();
        values.keySet().forEach(e -> {
            points.put(e, new EnumMap<>(Indicator.class));
            filled.put(e, EnumSet.noneOf(Indicator.class));
        });
        for (ScoredIndicator line : rule.indicators()) {
            double[] present = values.values().stream().map(v -> v.get(line.indicator()))
                    .filter(x -> x != null && !Double.isNaN(x)).mapToDouble(Double::doubleValue).sorted().toArray();
            double benchmark = benchmark(line, present);
            List<String> missing = new ArrayList<>();
            double sum = 0;
            for (Map.Entry<String, Map<Indicator, Double>> e : values.entrySet()) {
                Double x = e.getValue().get(line.indicator());
                if (x == null || Double.isNaN(x)) {
                    missing.add(e.getKey());
                    continue;
                }
                double p = bounded(line, rule.method() == ScoringMethod.RATIO
                        ? ratioPoints(x, benchmark, line)
                        : minMaxPoints(x, present, line, rule.minMaxFloor()));
                points.get(e.getKey()).put(line.indicator(), p);
                sum += p;
            }
            int scored = values.size() - missing.size();
            double fill = line.missing() == MissingRule.PEER_AVERAGE && scored > 0 ? sum / scored : 0;
            for (String e : missing) {
                points.get(e).put(line.indicator(), fill);
                filled.get(e).add(line.indicator());
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        points.forEach((e, p) -> scores.put(e, new Score(p.values().stream().mapToDouble(Double::doubleValue).sum(),
                Collections.unmodifiableMap(p), Collections.unmodifiableSet(filled.get(e)))));
        return scores;
    }

    /** The line's benchmark over the group's values (ascending); only the ratio method uses it. */
    private static double benchmark(ScoredIndicator line, double[] ascending) {
        if (line.benchmark() instanceof Benchmark.Fixed fixed) {
            return fixed.value();
        }
        Benchmark.OfPeers peers = (Benchmark.OfPeers) line.benchmark();
        if (ascending.length == 0) {
            return Double.NaN;
        }
        double statistic = switch (peers.statistic()) {
            case MEAN -> java.util.Arrays.stream(ascending).average().orElseThrow();
            case MEDIAN -> Statistics.median(ascending);
            case BEST -> line.direction() == Direction.HIGHER_IS_BETTER ? ascending[ascending.length - 1] : ascending[0];
        };
        return statistic * peers.factor();
    }

    private static double ratioPoints(double x, double benchmark, ScoredIndicator line) {
        if (!(benchmark > 0)) {
            return 0;
        }
        double ratio = x / benchmark;
        return line.direction() == Direction.HIGHER_IS_BETTER ? ratio * line.weight() : Math.max(0, 2 - ratio) * line.weight();
    }

    private static double minMaxPoints(double x, double[] ascending, ScoredIndicator line, double floorPercent) {
        double min = ascending[0];
        double max = ascending[ascending.length - 1];
        double position = max == min ? 1 : (x - min) / (max - min);
        if (line.direction() == Direction.LOWER_IS_BETTER) {
            position = max == min ? 1 : (max - x) / (max - min);
        }
        return line.weight() * (floorPercent + (100 - floorPercent) * position) / 100;
    }

    private static double bounded(ScoredIndicator line, double points) {
        double p = points;
        if (!Double.isNaN(line.cap())) {
            p = Math.min(p, line.cap() * line.weight());
        }
        // no floor means 0: a negative value (a loss-making firm's value added) earns no points, never negative ones
        return Math.max(p, Double.isNaN(line.floor()) ? 0 : line.floor() * line.weight());
    }
}
