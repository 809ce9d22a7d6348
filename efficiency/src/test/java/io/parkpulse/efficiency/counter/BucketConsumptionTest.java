package io.parkpulse.efficiency.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buckets stored separately add up to the figure of one calculation over all of them. */
class BucketConsumptionTest {

    static final long QUARTER = 15 * 60_000L;
    static final long DAY = 86_400_000L;

    @Test
    void days_added_up_are_the_period_computed_at_once() {
        List<CounterReading> readings = new ArrayList<>();
        double register = 1000;
        for (long t = -DAY; t <= 8 * DAY; t += QUARTER) {
            register += 2.5;
            if (t >= 3 * DAY + 2 * 3_600_000 && t < 3 * DAY + 6 * 3_600_000) {
                continue; // a four-hour gap on the fourth day
            }
            readings.add(CounterReading.of(t, t == 5 * DAY ? 0 : register)); // and a spurious zero on the sixth
        }
        MeterConsumption week = ConsumptionCalculator.compute(readings, CounterProfile.plain(), new BucketGrid(0, 7 * DAY, DAY));
        ConsumptionFigure summed = BucketConsumption.sum(week.buckets(), QUARTER);
        assertThat(summed).isEqualTo(week.total());
        assertThat(summed.value()).isEqualTo(7 * 96 * 2.5, org.assertj.core.data.Offset.offset(1e-6));
        // spread: the 4 h 15 min across the gap and the 30 min across the rejected zero
        assertThat(summed.estimatedShare()).isEqualTo((4 * 3_600_000 + 3 * QUARTER) / (7.0 * DAY));
        // any run of days is the sum of its days
        assertThat(BucketConsumption.sum(week.buckets().subList(2, 5), QUARTER)).isEqualTo(week.total(2, 5));
    }
}
