package io.parkpulse.simulators.meter;

import io.parkpulse.park.IndustryCode;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * How busy an enterprise is at a local time, 0..1, by the way its industry works: continuous
 * process plants run around the clock, factories on day shifts idle at night and at weekends.
 */
public enum LoadProfile {
    /** Kilns, reactors, dye houses, water treatment: three shifts, every day. */
    CONTINUOUS,
    /** Two shifts, 06:00-22:00 on weekdays. */
    TWO_SHIFTS,
    /** One shift, 08:00-18:00 on weekdays; offices too. */
    DAY_SHIFT;

    /** The usual profile of an industry: divisions with continuous processes, else day work. */
    public static LoadProfile of(IndustryCode industry) {
        return switch (industry.division()) {
            case "17", "25", "26", "30", "31", "32", "44", "45", "46" -> CONTINUOUS;
            case "39", "40" -> TWO_SHIFTS;
            default -> DAY_SHIFT;
        };
    }

    /** The share of its busiest load a site draws at {@code time} (local). */
    public double activity(ZonedDateTime time) {
        double hour = time.getHour() + time.getMinute() / 60.0;
        boolean weekend = time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
        return switch (this) {
            case CONTINUOUS -> 0.92 + 0.06 * Math.sin((hour - 6) / 24 * 2 * Math.PI);
            case TWO_SHIFTS -> weekend ? 0.35 : within(hour, 6, 22) ? 0.95 : 0.3;
            case DAY_SHIFT -> weekend ? 0.2 : within(hour, 8, 12) || within(hour, 13, 18) ? 1.0 : within(hour, 12, 13) ? 0.6 : 0.15;
        };
    }

    /** Whether production lines run at {@code time}. */
    public boolean producing(ZonedDateTime time) {
        return activity(time) > 0.5;
    }

    private static boolean within(double hour, double from, double to) {
        return hour >= from && hour < to;
    }
}
