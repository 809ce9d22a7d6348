package io.parkpulse.efficiency.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of the park's local calendar: a day, month, quarter, year or year to date. Written as
 * {@code 2026-10-05}, {@code 2026-10}, {@code 2026-Q4}, {@code 2026} and {@code 2026-10-YTD} (January to October).
 *
 * @param kind  which kind
 * @param start first local day
 * @param end   the local day after the last
 */
public record Period(Kind kind, LocalDate start, LocalDate end) {

    public enum Kind { DAY, MONTH, QUARTER, YEAR, YEAR_TO_DATE }

    private static final Pattern SYNTAX = Pattern.compile(
            "(?<year>\\d{4})(?:-(?:(?<month>\\d{2})(?:-(?<day>\\d{2})|(?<ytd>-YTD))?|Q(?<quarter>[1-4])))?");

    public Period {
        Objects.requireNonNull(kind, "kind");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period must end after it starts: " + start + " .. " + end);
        }
    }

    public static Period day(LocalDate day) {
        return new Period(Kind.DAY, day, day.plusDays(1));
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, start, start.plusMonths(3));
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    public static Period yearToDate(YearMonth through) {
        return new Period(Kind.YEAR_TO_DATE, LocalDate.of(through.getYear(), 1, 1), through.plusMonths(1).atDay(1));
    }

    /**
     * Reads the written form.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Period parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a period; expected 2026-10-05, 2026-10, 2026-Q4, 2026 or 2026-10-YTD");
        }
        int year = Integer.parseInt(m.group("year"));
        try {
            if (m.group("quarter") != null) {
                return quarter(year, Integer.parseInt(m.group("quarter")));
            }
            if (m.group("month") == null) {
                return year(year);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group("month")));
            if (m.group("day") != null) {
                return day(month.atDay(Integer.parseInt(m.group("day"))));
            }
            return m.group("ytd") != null ? yearToDate(month) : month(month);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a period: " + e.getMessage(), e);
        }
    }

    /** The same period a year earlier, for year-on-year comparison (29 February becomes 28 February). */
    public Period yearEarlier() {
        return switch (kind) {
            case DAY -> day(start.minusYears(1));
            case MONTH -> month(YearMonth.from(start).minusYears(1));
            case QUARTER -> quarter(start.getYear() - 1, (start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(start.getYear() - 1);
            case YEAR_TO_DATE -> yearToDate(YearMonth.from(end.minusDays(1)).minusYears(1));
        };
    }

    /** Number of local days. */
    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay());
    }

    /** The calendar months the period covers (a day covers its month). */
    public YearMonth firstMonth() {
        return YearMonth.from(start);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(end.minusDays(1));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
            case YEAR_TO_DATE -> lastMonth() + "-YTD";
        };
    }
}
