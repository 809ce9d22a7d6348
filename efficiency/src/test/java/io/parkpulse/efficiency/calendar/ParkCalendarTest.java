package io.parkpulse.efficiency.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.efficiency.counter.BucketGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ParkCalendarTest {

    private final ParkCalendar shanghai = new ParkCalendar(ZoneId.of("Asia/Shanghai"));

    @Test
    void a_shanghai_day_runs_from_16_00_utc_the_day_before() {
        Period day = Period.parse("2026-10-05");
        assertThat(shanghai.start(day)).isEqualTo(Instant.parse("2026-10-04T16:00:00Z"));
        assertThat(shanghai.end(day)).isEqualTo(Instant.parse("2026-10-05T16:00:00Z"));
        assertThat(shanghai.dayOf(Instant.parse("2026-10-04T15:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 10, 4));
        assertThat(shanghai.dayOf(Instant.parse("2026-10-04T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void a_month_starts_at_local_midnight_on_the_first() {
        Period october = Period.parse("2026-10");
        assertThat(shanghai.start(october)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(shanghai.end(october)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        BucketGrid days = shanghai.dailyGrid(october);
        assertThat(days.size()).isEqualTo(31);
        assertThat(days.bucketOf(Instant.parse("2026-10-31T15:59:00Z").toEpochMilli())).isEqualTo(30);
        assertThat(days.bucketOf(Instant.parse("2026-10-31T16:00:00Z").toEpochMilli())).isEqualTo(-1);
    }

    @Test
    void periods_read_and_print_in_one_form() {
        assertThat(Period.parse("2026-Q4")).isEqualTo(Period.quarter(2026, 4));
        assertThat(Period.parse("2026-Q4").start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Period.parse("2026").days()).isEqualTo(365);
        assertThat(Period.parse("2026-10-YTD")).isEqualTo(Period.yearToDate(YearMonth.of(2026, 10)));
        assertThat(Period.parse("2026-10-YTD").days()).isEqualTo(304);
        for (String text : new String[] {"2026-10-05", "2026-10", "2026-Q4", "2026", "2026-10-YTD"}) {
            assertThat(Period.parse(text)).hasToString(text);
        }
    }

    @Test
    void year_earlier_keeps_the_kind_and_handles_leap_days() {
        assertThat(Period.parse("2026-10").yearEarlier()).isEqualTo(Period.parse("2025-10"));
        assertThat(Period.parse("2026-10-YTD").yearEarlier()).isEqualTo(Period.parse("2025-10-YTD"));
        assertThat(Period.parse("2028-02-29").yearEarlier()).isEqualTo(Period.parse("2027-02-28"));
    }

    @Test
    void bad_periods_are_refused_with_the_accepted_forms() {
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("\"2026-13\" is not a period");
        assertThatThrownBy(() -> Period.parse("Oct 2026")).hasMessageContaining("expected 2026-10-05, 2026-10, 2026-Q4, 2026 or 2026-10-YTD");
    }
}
