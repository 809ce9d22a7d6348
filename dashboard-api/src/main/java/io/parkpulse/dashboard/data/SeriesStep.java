package io.parkpulse.dashboard.data;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The steps a series may be asked in, a fixed list of ISO-8601 durations. */
public enum SeriesStep {
    PT15M(Duration.ofMinutes(15)),
    PT1H(Duration.ofHours(1)),
    P1D(Duration.ofDays(1));

    private final Duration length;

    SeriesStep(Duration length) {
        this.length = length;
    }

    public String id() {
        return name();
    }

    public long millis() {
        return length.toMillis();
    }

    /**
     * The start of the step holding {@code timeMs} on the park's local clock: the quarter hour, the hour, or the local
     * midnight. Steps are fixed lengths from there on, so a P1D series crossing a daylight-saving change is an hour off
     * local midnights after it (Chinese parks have none).
     */
    public long floor(long timeMs, ZoneId zone) {
        ZonedDateTime t = java.time.Instant.ofEpochMilli(timeMs).atZone(zone);
        ZonedDateTime start = switch (this) {
            case PT15M -> t.truncatedTo(ChronoUnit.MINUTES).withMinute(t.getMinute() / 15 * 15);
            case PT1H -> t.truncatedTo(ChronoUnit.HOURS);
            case P1D -> t.truncatedTo(ChronoUnit.DAYS);
        };
        return start.toInstant().toEpochMilli();
    }

    public static Optional<SeriesStep> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SeriesStep::id).toList();
    }
}
