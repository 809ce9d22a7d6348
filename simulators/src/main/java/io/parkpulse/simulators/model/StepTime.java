package io.parkpulse.simulators.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One simulated instant with the local-time facts the model needs, computed once per step.
 *
 * @param epochMs     the instant
 * @param date        local date in the park's time zone
 * @param secondOfDay local second of the day
 * @param hour        local hour with fraction
 * @param month       1..12
 * @param monthIndex  year × 12 + month − 1: consecutive months differ by one
 * @param epochDay    the local date as days since 1970-01-01
 * @param dayType     working day, weekend or holiday
 */
public record StepTime(long epochMs, LocalDate date, int secondOfDay, double hour, int month, int monthIndex,
                       long epochDay, DayType dayType) {

    public static StepTime of(long epochMs, ZoneId zone, WorkCalendar calendar) {
        Instant instant = Instant.ofEpochMilli(epochMs);
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000), 0, offset);
        LocalDate date = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        double hour = (second + Math.floorMod(epochMs, 1000) / 1000.0) / 3600.0;
        return new StepTime(epochMs, date, second, hour, date.getMonthValue(), date.getYear() * 12 + date.getMonthValue() - 1,
                date.toEpochDay(), calendar.dayType(date));
    }

    /** Whether this instant is a whole multiple of {@code seconds} into the local day (and on a whole second). */
    public boolean isLocalMultipleOf(int seconds) {
        return Math.floorMod(epochMs, 1000) == 0 && secondOfDay % seconds == 0;
    }
}
