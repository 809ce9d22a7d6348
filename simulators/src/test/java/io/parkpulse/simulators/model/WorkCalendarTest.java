package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    final WorkCalendar china = WorkCalendar.china();

    @Test
    void knowsTheStateCouncilSchedulesOf2025And2026() {
        assertThat(china.coveredYears()).containsExactly(2025, 2026);
        assertThat(holidays(2025)).as("2025: 1 + 8 + 3 + 5 + 3 + 8 days").isEqualTo(28);
        assertThat(holidays(2026)).as("2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 days").isEqualTo(33);
        assertThat(china.dayType(LocalDate.of(2025, 1, 28))).as("除夕 2025").isEqualTo(DayType.HOLIDAY);
        assertThat(china.dayType(LocalDate.of(2026, 2, 23))).as("正月初七 2026").isEqualTo(DayType.HOLIDAY);
        assertThat(china.dayType(LocalDate.of(2026, 10, 7))).isEqualTo(DayType.HOLIDAY);
        assertThat(china.dayType(LocalDate.of(2026, 10, 8))).isEqualTo(DayType.WORKDAY);
    }

    @Test
    void adjustedWorkingDaysAreWeekendDaysTurnedIntoWorkdays() {
        for (int year : china.coveredYears()) {
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (weekend && china.dayType(d) == DayType.WORKDAY) {
                    assertThat(WorkCalendar.weekendsOnly().dayType(d)).isEqualTo(DayType.WEEKEND);
                }
                if (!weekend && china.dayType(d) == DayType.WEEKEND) {
                    throw new AssertionError(d + " is a weekday but typed weekend");
                }
            }
        }
        assertThat(china.dayType(LocalDate.of(2026, 2, 14))).as("Saturday 2026-02-14, 春节调休上班").isEqualTo(DayType.WORKDAY);
        assertThat(china.dayType(LocalDate.of(2026, 10, 10))).as("Saturday 2026-10-10, 国庆调休上班").isEqualTo(DayType.WORKDAY);
        assertThat(china.dayType(LocalDate.of(2025, 1, 26))).as("Sunday 2025-01-26").isEqualTo(DayType.WORKDAY);
    }

    @Test
    void yearsWithoutASchedulefallBackToWeekends() {
        assertThat(china.dayType(LocalDate.of(2027, 10, 1))).as("Friday, no 2027 schedule yet").isEqualTo(DayType.WORKDAY);
        assertThat(china.dayType(LocalDate.of(2027, 10, 2))).isEqualTo(DayType.WEEKEND);
        assertThat(china.dayType(LocalDate.of(2024, 12, 31))).isEqualTo(DayType.WORKDAY);
    }

    @Test
    void holidaysAndWeekendsLowerDayShiftActivity() {
        for (double hour : new double[] {9, 10.5, 15}) {
            double workday = ShiftPattern.DAY_SHIFT.activity(hour, DayType.WORKDAY);
            assertThat(workday).isEqualTo(1.0);
            assertThat(ShiftPattern.DAY_SHIFT.activity(hour, DayType.WEEKEND)).isLessThan(workday);
            assertThat(ShiftPattern.DAY_SHIFT.activity(hour, DayType.HOLIDAY)).isLessThan(workday);
            assertThat(ShiftPattern.TWO_SHIFTS.activity(hour, DayType.HOLIDAY)).isLessThan(ShiftPattern.TWO_SHIFTS.activity(hour, DayType.WORKDAY));
            assertThat(ShiftPattern.OFFICE.activity(hour + 1, DayType.WEEKEND)).isLessThan(ShiftPattern.OFFICE.activity(hour + 1, DayType.WORKDAY));
        }
        assertThat(ShiftPattern.CONTINUOUS.activity(3, DayType.HOLIDAY)).as("kilns keep burning").isGreaterThan(0.8);
        assertThat(ShiftPattern.DAY_SHIFT.activity(3, DayType.WORKDAY)).as("lines stand at night").isZero();
    }

    private int holidays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (china.dayType(d) == DayType.HOLIDAY) {
                n++;
            }
        }
        return n;
    }
}
