package io.parkpulse.efficiency.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Daily figures follow Asia/Shanghai midnight, and late readings change a closed day when it is next asked for. */
class LocalDaysAndLateDataTest {

    private static final long Q = 15 * 60_000L;
    private final ParkCalendar shanghai = new ParkCalendar(ZoneId.of("Asia/Shanghai"));

    @Test
    void consumption_is_cut_at_local_midnight_not_utc_midnight() {
        // 10 kWh per quarter-hour from 2026-10-04T12:00Z to 2026-10-05T20:00Z, and 1 kWh per quarter between 15:00Z and 17:00Z
        List<CounterReading> readings = new ArrayList<>();
        long t = Instant.parse("2026-10-04T12:00:00Z").toEpochMilli();
        long end = Instant.parse("2026-10-05T20:00:00Z").toEpochMilli();
        long slowFrom = Instant.parse("2026-10-04T15:00:00Z").toEpochMilli();
        long slowTo = Instant.parse("2026-10-04T17:00:00Z").toEpochMilli();
        double register = 0;
        for (; t <= end; t += Q) {
            readings.add(CounterReading.of(t, register));
            register += t >= slowFrom && t < slowTo ? 1 : 10;
        }
        BucketGrid days = shanghai.dailyGrid(Period.parse("2026-10-05")); // [04T16:00Z, 05T16:00Z)
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), days);

        // 04T16:00Z-17:00Z at 1 kWh per quarter (4), then 23 hours at 10 (920)
        assertThat(c.total().value()).isCloseTo(924, within(1e-9));
        assertThat(c.total().completeness()).isEqualTo(1.0);
    }

    @Test
    void late_nbiot_values_change_a_closed_day_the_next_time_it_is_asked_for() {
        BucketGrid day = shanghai.dailyGrid(Period.parse("2026-10-05"));
        long start = day.fromMs();
        // hourly water register: before the uplink only midnight and the next midnight are known
        List<CounterReading> known = new ArrayList<>(List.of(CounterReading.of(start, 100), CounterReading.of(start + 24 * 4 * Q, 148)));
        MeterConsumption before = ConsumptionCalculator.compute(known, CounterProfile.plain().withExpectedInterval(4 * Q), day);
        assertThat(before.total().value()).isCloseTo(48, within(1e-9));
        assertThat(before.total().estimatedShare()).isEqualTo(1.0);
        assertThat(before.total().completeness()).isCloseTo(1.0 / 24, within(1e-12));

        // the daily uplink brings the frozen hourly values: 1 m³ an hour at night, 3 m³ an hour 08:00-20:00 local
        List<CounterReading> withUplink = new ArrayList<>(known);
        double register = 100;
        for (int hour = 1; hour < 24; hour++) {
            register += hour - 1 >= 8 && hour - 1 < 20 ? 3 : 1;
            withUplink.add(CounterReading.of(start + hour * 4 * Q, register));
        }
        MeterConsumption after = ConsumptionCalculator.compute(withUplink, CounterProfile.plain().withExpectedInterval(4 * Q), day);
        assertThat(after.total().value()).isCloseTo(48, within(1e-9)); // the day's total was exact already
        assertThat(after.total().estimatedShare()).isZero();           // but it is now measured, not spread
        assertThat(after.total().completeness()).isEqualTo(1.0);

        BucketGrid hours = new BucketGrid(start, start + 24 * 4 * Q, 4 * Q);
        MeterConsumption hourly = ConsumptionCalculator.compute(withUplink, CounterProfile.plain().withExpectedInterval(4 * Q), hours);
        assertThat(hourly.value(3)).isCloseTo(1, within(1e-9));
        assertThat(hourly.value(12)).isCloseTo(3, within(1e-9));
    }

    @Test
    void late_readings_inside_a_closed_day_move_consumption_between_days() {
        BucketGrid twoDays = shanghai.grid(new Period(Period.Kind.DAY, java.time.LocalDate.of(2026, 10, 5),
                java.time.LocalDate.of(2026, 10, 7)), 24 * 4 * Q);
        long d5 = twoDays.fromMs();
        // known: midnight before day 5 and the end of day 6; the meter was offline in between
        List<CounterReading> readings = new ArrayList<>(List.of(CounterReading.of(d5, 0), CounterReading.of(d5 + 2 * 96 * Q, 200)));
        MeterConsumption spread = ConsumptionCalculator.compute(readings, CounterProfile.plain(), twoDays);
        assertThat(spread.value(0)).isCloseTo(100, within(1e-9));

        // the gateway's buffer arrives: day 5 used 150, day 6 used 50
        readings.add(CounterReading.of(d5 + 96 * Q, 150));
        MeterConsumption replayed = ConsumptionCalculator.compute(readings, CounterProfile.plain(), twoDays);
        assertThat(replayed.value(0)).isCloseTo(150, within(1e-9));
        assertThat(replayed.value(1)).isCloseTo(50, within(1e-9));
    }
}
