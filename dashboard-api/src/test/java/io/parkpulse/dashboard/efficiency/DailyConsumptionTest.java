package io.parkpulse.dashboard.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.readings.MeterDayStore.StoredDay;
import io.parkpulse.dashboard.readings.MeterDayStore.StoredDays;
import io.parkpulse.efficiency.counter.BucketConsumption;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.park.ParkFileReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stored days can answer and which must be computed again. */
class DailyConsumptionTest {

    static final long DAY = 86_400_000L;
    static final long START = 1_790_784_000_000L; // 2026-10-01 local (Asia/Shanghai)
    static final BucketGrid THREE_DAYS = new BucketGrid(START, START + 3 * DAY, DAY);
    static final ParkModel MODEL = new ParkModel(new ParkFileReader().read("p1.yaml", ParkModelTest.PARK));
    static final long LATER = START + 10 * DAY;

    static StoredDay day(long start, long computedAt, long lateSeen) {
        return new StoredDay(new BucketConsumption(start, DAY, 1, DAY, 0, 96), List.of(), computedAt, lateSeen);
    }

    static Map<String, Map<Long, StoredDay>> stored(String meter, StoredDay... days) {
        Map<Long, StoredDay> byDay = new HashMap<>();
        for (StoredDay d : days) {
            byDay.put(d.bucket().startMs(), d);
        }
        return Map.of(meter, byDay);
    }

    @Test
    void settled_days_stored_with_the_marks_still_in_force_need_nothing() {
        Map<String, Map<Long, StoredDay>> stored = new HashMap<>(stored("E-1", day(START, LATER, 0), day(START + DAY, LATER, 0),
                day(START + 2 * DAY, LATER, 0)));
        stored.putAll(stored("W-1", day(START, LATER, 0), day(START + DAY, LATER, 0), day(START + 2 * DAY, LATER, 0)));
        assertThat(DailyConsumption.neededDays(MODEL, THREE_DAYS, StoredDays.byMeter(stored), Map.of(), LATER)).isEmpty();
    }

    @Test
    void missing_days_and_days_not_yet_settled_are_computed() {
        Map<String, Map<Long, StoredDay>> stored = stored("E-1", day(START, LATER, 0), day(START + 2 * DAY, LATER, 0));
        Map<String, int[]> needed = DailyConsumption.neededDays(MODEL, THREE_DAYS, StoredDays.byMeter(stored), Map.of(), LATER);
        assertThat(needed.get("E-1")).containsExactly(1, 1);
        assertThat(needed.get("W-1")).containsExactly(0, 2);

        // the last day ended an hour ago: not settled, so always computed from readings
        long anHourAfter = START + 3 * DAY + 3_600_000;
        Map<String, Map<Long, StoredDay>> all = stored("E-1", day(START, LATER, 0), day(START + DAY, LATER, 0));
        assertThat(DailyConsumption.neededDays(MODEL, THREE_DAYS, StoredDays.byMeter(all), Map.of(), anHourAfter).get("E-1")).containsExactly(2, 2);
    }

    @Test
    void a_late_mark_on_a_day_or_its_neighbours_makes_the_day_stale_until_computed_with_it() {
        Map<String, Map<Long, StoredDay>> stored = stored("E-1", day(START, LATER, 0), day(START + DAY, LATER, 0),
                day(START + 2 * DAY, LATER, 0));
        // a late reading on the third day: the second (its neighbour) and the third are stale
        Map<String, Map<Long, Long>> late = Map.of("E-1", Map.of(START + 2 * DAY, 123L));
        assertThat(DailyConsumption.neededDays(MODEL, THREE_DAYS, StoredDays.byMeter(stored), late, LATER).get("E-1")).containsExactly(1, 2);
        // computed again with that mark in view: good again
        Map<String, Map<Long, StoredDay>> recomputed = stored("E-1", day(START, LATER, 0), day(START + DAY, LATER, 123),
                day(START + 2 * DAY, LATER, 123));
        assertThat(DailyConsumption.neededDays(MODEL, THREE_DAYS, StoredDays.byMeter(recomputed), late, LATER)).doesNotContainKey("E-1");
    }

    @Test
    void the_marks_around_a_day_add_up_so_a_change_of_any_shows() {
        Map<Long, Long> late = Map.of(START - DAY, 5L, START, 7L, START + DAY, 11L, START + 2 * DAY, 13L);
        assertThat(DailyConsumption.lateAround(late, START, DAY)).isEqualTo(23);
        assertThat(DailyConsumption.lateAround(late, START + 2 * DAY, DAY)).isEqualTo(24);
        assertThat(DailyConsumption.lateAround(Map.of(), START, DAY)).isZero();
    }
}
