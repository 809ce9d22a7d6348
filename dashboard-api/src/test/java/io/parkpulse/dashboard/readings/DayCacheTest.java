package io.parkpulse.dashboard.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.readings.MeterDayStore.StoredDay;
import io.parkpulse.efficiency.counter.BucketConsumption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayCacheTest {

    static final long DAY = 86_400_000L;

    static StoredDay day(long start, double value) {
        return new StoredDay(new BucketConsumption(start, DAY, value, DAY, 0, 96), List.of(), 1, 0);
    }

    @Test
    void only_days_read_whole_can_answer_alone() {
        DayCache cache = new DayCache(10);
        cache.put("p", Map.of("E-1", List.of(day(0, 5))));
        assertThat(cache.get("p", List.of(0L))).as("written here, maybe not every meter").isNull();

        cache.putLoaded("p", List.of(0L, DAY), Map.of("E-2", Map.of(0L, day(0, 7))));
        MeterDayStore.StoredDays both = cache.get("p", List.of(0L, DAY));
        assertThat(both.get("E-1", 0L).bucket().value()).isEqualTo(5);
        assertThat(both.get("E-2", 0L).bucket().value()).isEqualTo(7);
        assertThat(both.get("E-1", DAY)).isNull();
        // what was handed out does not change when more is written
        cache.put("p", Map.of("E-1", List.of(day(0, 9))));
        assertThat(both.get("E-1", 0L).bucket().value()).isEqualTo(5);
        assertThat(cache.get("p", List.of(0L)).get("E-1", 0L).bucket().value()).isEqualTo(9);
        assertThat(cache.get("p", List.of(0L, DAY, 2 * DAY))).as("a day not read").isNull();
        assertThat(cache.get("q", List.of(0L))).as("another park").isNull();
    }

    @Test
    void the_least_recently_used_park_days_go_first() {
        DayCache cache = new DayCache(2);
        cache.putLoaded("p", List.of(0L), Map.of());
        cache.putLoaded("p", List.of(DAY), Map.of());
        assertThat(cache.get("p", List.of(0L))).isNotNull(); // day 0 used: day 1 is now the eldest
        cache.putLoaded("p", List.of(2 * DAY), Map.of());
        assertThat(cache.get("p", List.of(DAY))).isNull();
        assertThat(cache.get("p", List.of(0L, 2 * DAY))).isNotNull();
    }
}
