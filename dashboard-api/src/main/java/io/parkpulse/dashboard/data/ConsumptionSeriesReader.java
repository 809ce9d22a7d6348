package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.efficiency.counter.BucketConsumption;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.efficiency.counter.ConsumptionCalculator;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.counter.MeterConsumption;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumption per step of a set of billing meters, summed, by the efficiency engine's counter rules
 * ({@link ConsumptionCalculator}: glitches ignored, declared exchanges and ratio changes honoured, rollovers only when
 * the park file makes them provable, an undeclared reset leaving its interval unknown, gaps spread linearly) — the
 * same arithmetic as the efficiency figures, so a month of this series adds up to the month's figure.
 *
 * <p>A step's value is what is known of it; a step no meter knows anything of is {@code NaN}.
 */
final class ConsumptionSeriesReader {

    /** Readings this far either side are read too, so the first and last steps can be measured across a gap. */
    static final long MARGIN_MS = Duration.ofDays(1).toMillis();

    private final Vertx vertx;
    private final CounterReadingStore readings;

    ConsumptionSeriesReader(Vertx vertx, CounterReadingStore readings) {
        this.vertx = vertx;
        this.readings = readings;
    }

    Future<double[]> read(ParkModel model, Set<String> meters, BucketGrid grid) {
        if (meters.isEmpty()) {
            double[] none = new double[grid.size()];
            Arrays.fill(none, Double.NaN);
            return Future.succeededFuture(none);
        }
        return readings.read(model, meters, grid.fromMs() - MARGIN_MS, grid.toMs() + MARGIN_MS)
                .compose(raw -> vertx.executeBlocking(() -> sum(model, meters, grid, raw), false));
    }

    static double[] sum(ParkModel model, Set<String> meters, BucketGrid grid, Map<String, List<CounterReading>> raw) {
        double[] sums = new double[grid.size()];
        Arrays.fill(sums, Double.NaN);
        for (String meter : meters) {
            MeterConsumption c = ConsumptionCalculator.compute(raw.getOrDefault(meter, List.of()),
                    model.meter(meter).profile(), grid);
            List<BucketConsumption> buckets = c.buckets();
            for (int b = 0; b < sums.length; b++) {
                if (buckets.get(b).knownMs() > 0) {
                    sums[b] = Double.isNaN(sums[b]) ? buckets.get(b).value() : sums[b] + buckets.get(b).value();
                }
            }
        }
        return sums;
    }
}
