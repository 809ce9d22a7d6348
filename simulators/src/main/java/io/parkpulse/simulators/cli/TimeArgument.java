package io.parkpulse.simulators.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Reads a time given on the command line: {@code now}, {@code now-P30D} (or any ISO-8601 period or
 * duration after {@code now-}), an instant with offset ({@code 2026-11-01T08:00+08:00},
 * {@code ...Z}), or a local date or date-time taken in the park's time zone ({@code 2026-11-01} is
 * local midnight).
 */
final class TimeArgument {

    private TimeArgument() {
    }

    static long parse(String option, String text, ZoneId zone, long nowMs) {
        String t = text.trim();
        try {
            if (t.equalsIgnoreCase("now")) {
                return nowMs;
            }
            if (t.toLowerCase(Locale.ROOT).startsWith("now-")) {
                String amount = t.substring(4).toUpperCase(Locale.ROOT);
                if (amount.contains("T")) {
                    return nowMs - Duration.parse(amount).toMillis();
                }
                return Instant.ofEpochMilli(nowMs).atZone(zone).minus(Period.parse(amount)).toInstant().toEpochMilli();
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + ": cannot read \"" + text + "\" as a time; use now, now-P30D, now-PT6H, "
                    + "2026-11-01 (local midnight), 2026-11-01T08:00 (park time) or 2026-11-01T08:00+08:00", e);
        }
    }
}
