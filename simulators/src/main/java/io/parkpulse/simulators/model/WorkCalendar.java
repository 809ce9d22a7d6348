package io.parkpulse.simulators.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chinese working days: the State Council's yearly holiday schedules (public holidays and the
 * adjusted working days, 调休) for the years it lists, Saturdays and Sundays off for every other year.
 *
 * <p>The schedules live in a data file ({@code cn-public-holidays.txt} beside this class) that cites
 * each notice; add a year there when its notice is published (usually in November).
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkCalendar {

    static final String RESOURCE = "cn-public-holidays.txt";

    private final Map<LocalDate, DayType> exceptions;
    private final Set<Integer> coveredYears;

    private WorkCalendar(Map<LocalDate, DayType> exceptions, Set<Integer> coveredYears) {
        this.exceptions = Map.copyOf(exceptions);
        this.coveredYears = Collections.unmodifiableSet(new TreeSet<>(coveredYears));
    }

    /** The bundled Chinese calendar. */
    public static WorkCalendar china() {
        return Holder.CHINA;
    }

    /** Weekends only, no holidays: for parks outside China or tests. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(Map.of(), Set.of());
    }

    public DayType dayType(LocalDate date) {
        DayType listed = exceptions.get(date);
        if (listed != null) {
            return listed;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayType.WEEKEND : DayType.WORKDAY;
    }

    /** Years whose official schedule is included; other years fall back to weekends. */
    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    /**
     * Parses the data file: {@code year YYYY} declares a covered year; {@code DATE[..DATE] holiday|workday label}
     * lists holidays and adjusted working days; {@code #} starts a comment.
     */
    static WorkCalendar parse(String name, BufferedReader in) throws IOException {
        Map<LocalDate, DayType> exceptions = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+");
            try {
                if (parts[0].equals("year")) {
                    years.add(Integer.parseInt(parts[1]));
                    continue;
                }
                DayType type = switch (parts[1]) {
                    case "holiday" -> DayType.HOLIDAY;
                    case "workday" -> DayType.WORKDAY;
                    default -> throw new IllegalArgumentException("expected holiday or workday, got " + parts[1]);
                };
                String[] range = parts[0].split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0]);
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
                if (!years.contains(first.getYear()) || !years.contains(last.getYear())) {
                    throw new IllegalArgumentException("dates of " + first.getYear() + " listed before its 'year' line");
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    if (exceptions.put(d, type) != null) {
                        throw new IllegalArgumentException(d + " is listed twice");
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalStateException(name + ":" + number + ": cannot read \"" + line + "\": " + e.getMessage(), e);
            }
        }
        return new WorkCalendar(exceptions, years);
    }

    private static final class Holder {
        static final WorkCalendar CHINA = load();

        private static WorkCalendar load() {
            try (InputStream stream = WorkCalendar.class.getResourceAsStream(RESOURCE)) {
                if (stream == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + WorkCalendar.class.getName());
                }
                return parse(RESOURCE, new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
