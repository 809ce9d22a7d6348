package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.efficiency.counter.BucketGrid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters of the data and report endpoints, checked before anything is read: each is parsed into a value
 * of a fixed list or a date/time type, so what reaches InfluxQL is built from those values, never from the text. A
 * wrong one is a 400 naming the parameter and what it may be.
 */
public final class QueryParams {

    /** The most points one series answer carries. */
    public static final int MAX_POINTS = 5_000;
    /** Longer parameter values are refused without parsing (and never echoed whole). */
    private static final int MAX_LENGTH = 64;

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private QueryParams() {
    }

    /** A required value of a fixed list, e.g. the quantity or step. */
    public static <T> T oneOf(String name, String text, Function<String, Optional<T>> byId, List<String> ids) {
        String value = required(name, text, "one of " + ids);
        return byId.apply(value).orElseThrow(() -> ApiError.badRequest(name, name + ": " + shown(value)
                + " is not one of " + ids));
    }

    /** An optional value of a fixed list, {@code fallback} when absent. */
    public static <T> T oneOf(String name, String text, Function<String, Optional<T>> byId, List<String> ids, T fallback) {
        return text == null || text.isEmpty() ? fallback : oneOf(name, text, byId, ids);
    }

    /** A required ISO-8601 instant with an offset: {@code 2026-09-01T00:00:00Z} or {@code 2026-09-01T08:00:00+08:00}. */
    public static Instant instant(String name, String text) {
        String value = required(name, text, "an ISO-8601 instant such as 2026-09-01T00:00:00+08:00");
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw ApiError.badRequest(name, name + ": " + shown(value)
                    + " is not an ISO-8601 instant with an offset, such as 2026-09-01T00:00:00+08:00 or 2026-09-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ApiError.badRequest(name, name + ": " + shown(value) + " is outside the years 1970 to 9999");
        }
        return instant;
    }

    /** A required local day, {@code 2026-09-30}. */
    public static LocalDate day(String name, String text) {
        String value = required(name, text, "a day such as 2026-09-30");
        try {
            return LocalDate.parse(value, DAY);
        } catch (DateTimeException e) {
            throw ApiError.badRequest(name, name + ": " + shown(value) + " is not a day such as 2026-09-30");
        }
    }

    /** A required month, {@code 2026-09}. */
    public static YearMonth month(String name, String text) {
        String value = required(name, text, "a month such as 2026-09");
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeException e) {
            throw ApiError.badRequest(name, name + ": " + shown(value) + " is not a month such as 2026-09");
        }
    }

    /**
     * The steps covering [from, to): from the start of the step holding {@code from} on the park's clock to the end of
     * the step holding the last instant before {@code to}. At most {@link #MAX_POINTS} steps.
     */
    public static BucketGrid grid(Instant from, Instant to, SeriesStep step, ZoneId zone) {
        if (!to.isAfter(from)) {
            throw ApiError.badRequest("to", "to (" + to + ") must be after from (" + from + ")");
        }
        long start = step.floor(from.toEpochMilli(), zone);
        long steps = -Math.floorDiv(start - to.toEpochMilli(), step.millis()); // rounded up
        if (steps > MAX_POINTS) {
            throw ApiError.badRequest("to", "from " + from + " to " + to + " in steps of " + step.id() + " is " + steps
                    + " points; at most " + MAX_POINTS + " points per answer: shorten the range or take a longer step");
        }
        return new BucketGrid(start, start + steps * step.millis(), step.millis());
    }

    private static String required(String name, String text, String what) {
        if (text == null || text.isEmpty()) {
            throw ApiError.badRequest(name, name + " is required: " + what);
        }
        if (text.length() > MAX_LENGTH) {
            throw ApiError.badRequest(name, name + ": " + text.length() + " characters is too long; expected " + what);
        }
        return text;
    }

    /** The value for a message: quoted, control characters made visible. */
    static String shown(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
