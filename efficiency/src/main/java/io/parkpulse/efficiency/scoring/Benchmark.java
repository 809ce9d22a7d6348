package io.parkpulse.efficiency.scoring;

/**
 * What an indicator is scored against: a published number, or a statistic of the group being scored times a
 * factor (Huai'an sets benchmarks at about twice last year's county average; docs/domain.md §2.3).
 */
public sealed interface Benchmark {

    /** A published value, such as Huangyan's 24.097 万元/亩 for tax per mu. */
    record Fixed(double value) implements Benchmark {
    }

    /** {@code factor} × a statistic of the scored group's values. */
    record OfPeers(Statistic statistic, double factor) implements Benchmark {
    }

    enum Statistic { MEAN, MEDIAN, BEST }
}
