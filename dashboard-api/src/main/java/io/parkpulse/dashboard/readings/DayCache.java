package io.parkpulse.dashboard.readings;

import io.parkpulse.dashboard.readings.MeterDayStore.StoredDay;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored meter-days kept in memory, by park and day, the least recently used park-days dropped first. A park-day is
 * "loaded" once it was read whole from InfluxDB: only then can it answer alone (a day merely written here may lack
 * meters stored by another instance). Thread-safe.
 */
final class DayCache {

    private record Key(String park, long dayStart) {
    }

    /** A park-day: meter → its stored day, and whether every stored meter of it is here. */
    private static final class ParkDay {
        final Map<String, StoredDay> meters = new HashMap<>();
        boolean loaded;
    }

    private final LinkedHashMap<Key, ParkDay> days;

    DayCache(int maxDays) {
        this.days = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ParkDay> eldest) {
                return size() > maxDays;
            }
        };
    }

    /** Meter → day → stored day for all of {@code dayStarts}, or {@code null} when any of them is not loaded. */
    synchronized Map<String, Map<Long, StoredDay>> get(String park, List<Long> dayStarts) {
        Map<String, Map<Long, StoredDay>> result = new HashMap<>();
        for (long start : dayStarts) {
            ParkDay day = days.get(new Key(park, start));
            if (day == null || !day.loaded) {
                return null;
            }
            day.meters.forEach((meter, d) -> result.computeIfAbsent(meter, k -> new HashMap<>()).put(start, d));
        }
        return result;
    }

    /** What InfluxDB held for these days, read whole. */
    synchronized void putLoaded(String park, List<Long> dayStarts, Map<String, Map<Long, StoredDay>> read) {
        for (long start : dayStarts) {
            ParkDay day = days.computeIfAbsent(new Key(park, start), k -> new ParkDay());
            day.loaded = true;
        }
        read.forEach((meter, byDay) -> byDay.forEach((start, d) -> {
            ParkDay day = days.get(new Key(park, start));
            if (day != null) {
                day.meters.put(meter, d);
            }
        }));
    }

    /** Days just computed and written. */
    synchronized void put(String park, Map<String, List<StoredDay>> byMeter) {
        byMeter.forEach((meter, list) -> {
            for (StoredDay d : list) {
                days.computeIfAbsent(new Key(park, d.bucket().startMs()), k -> new ParkDay()).meters.put(meter, d);
            }
        });
    }
}
