package io.parkpulse.dashboard.readings;

import io.parkpulse.dashboard.readings.MeterDayStore.StoredDay;
import io.parkpulse.dashboard.readings.MeterDayStore.StoredDays;
import java.util.Collections;
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

    /**
     * A park-day: meter → its stored day, and whether every stored meter of it is here. The map is replaced, never
     * changed, so what {@link #get} hands out is read without copying or locking.
     */
    private static final class ParkDay {
        Map<String, StoredDay> meters = Map.of();
        boolean loaded;

        void add(Map<String, StoredDay> more) {
            Map<String, StoredDay> next = new HashMap<>(meters);
            next.putAll(more);
            meters = Collections.unmodifiableMap(next);
        }
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

    /**
     * The stored days of all of {@code dayStarts}, or {@code null} when any of them is not loaded: a view of the kept
     * park-days as they are now (one map per day, not copied; later writes replace the maps and do not show in it).
     */
    synchronized StoredDays get(String park, List<Long> dayStarts) {
        Map<Long, Map<String, StoredDay>> result = new HashMap<>(dayStarts.size() * 2);
        for (long start : dayStarts) {
            ParkDay day = days.get(new Key(park, start));
            if (day == null || !day.loaded) {
                return null;
            }
            result.put(start, day.meters);
        }
        return new StoredDays(result);
    }

    /** What InfluxDB held for these days, read whole. */
    synchronized void putLoaded(String park, List<Long> dayStarts, Map<String, Map<Long, StoredDay>> read) {
        Map<Long, Map<String, StoredDay>> byDay = new HashMap<>();
        read.forEach((meter, ofMeter) -> ofMeter.forEach((start, d) -> byDay.computeIfAbsent(start, k -> new HashMap<>()).put(meter, d)));
        for (long start : dayStarts) {
            ParkDay day = days.computeIfAbsent(new Key(park, start), k -> new ParkDay());
            day.loaded = true;
            day.add(byDay.getOrDefault(start, Map.of()));
        }
    }

    /** Days just computed and written. */
    synchronized void put(String park, Map<String, List<StoredDay>> byMeter) {
        Map<Long, Map<String, StoredDay>> byDay = new HashMap<>();
        byMeter.forEach((meter, list) -> {
            for (StoredDay d : list) {
                byDay.computeIfAbsent(d.bucket().startMs(), k -> new HashMap<>()).put(meter, d);
            }
        });
        byDay.forEach((start, meters) -> days.computeIfAbsent(new Key(park, start), k -> new ParkDay()).add(meters));
    }
}
