package io.parkpulse.dashboard.readings;

import static io.parkpulse.storage.StorageSchema.*;

import io.parkpulse.efficiency.counter.BucketConsumption;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.QuerySeries;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Billing meters' consumption per local day, as the efficiency engine computed it, kept in InfluxDB
 * ({@code meter_day}, docs/storage.md) so a month is added up from days instead of read again from millions of raw
 * readings; and the late-reading marks ingest writes ({@code late_reading}), which say which stored days may be stale.
 */
public final class MeterDayStore {

    /**
     * A stored day of one meter: its sums, its findings, when it was computed and what the late marks around it said
     * then ({@code lateSeen}; it is stale once they say something else).
     */
    public record StoredDay(BucketConsumption bucket, List<CounterFinding> findings, long computedAtMs, long lateSeen) {
    }

    /** A late reading ingest marked: the meter, the reading's local day and when the latest such reading arrived. */
    public record LateMark(String meter, long dayMs, long arrivedMs) {
    }

    /**
     * A park's stored days over some days, read-only: day start → meter → stored day. Handed out by the cache without
     * copying (the maps in it are never changed once published), so requests on any thread share it.
     */
    public static final class StoredDays {

        private final Map<Long, Map<String, StoredDay>> byDay;

        StoredDays(Map<Long, Map<String, StoredDay>> byDay) {
            this.byDay = byDay;
        }

        /** Meter → stored day of the day starting at {@code dayStart} (empty when none), read-only. */
        public Map<String, StoredDay> day(long dayStart) {
            return byDay.getOrDefault(dayStart, Map.of());
        }

        /** The stored day of {@code meter} starting at {@code dayStart}; {@code null} when there is none. */
        public StoredDay get(String meter, long dayStart) {
            Map<String, StoredDay> day = byDay.get(dayStart);
            return day == null ? null : day.get(meter);
        }

        /** From meter → day start → stored day. */
        public static StoredDays byMeter(Map<String, Map<Long, StoredDay>> byMeter) {
            Map<Long, Map<String, StoredDay>> byDay = new HashMap<>();
            byMeter.forEach((meter, days) -> days.forEach((start, d) ->
                    byDay.computeIfAbsent(start, k -> new HashMap<>()).put(meter, d)));
            return new StoredDays(byDay);
        }
    }

    private final InfluxClient influx;
    private final DayCache cache;

    /** @param cachedDays how many park-days to keep in memory (each holds every billing meter of the park) */
    public MeterDayStore(InfluxClient influx, int cachedDays) {
        this.influx = influx;
        this.cache = new DayCache(cachedDays);
    }

    /** The stored days of the days starting at {@code dayStarts} (each day's first instant), read-only. */
    public Future<StoredDays> days(String park, List<Long> dayStarts, long dayMs) {
        StoredDays kept = cache.get(park, dayStarts);
        if (kept != null) {
            return Future.succeededFuture(kept);
        }
        long fromMs = dayStarts.get(0);
        long toMs = dayStarts.get(dayStarts.size() - 1) + dayMs;
        return read(park, fromMs, toMs).map(days -> {
            cache.putLoaded(park, dayStarts, days);
            return StoredDays.byMeter(days);
        });
    }

    private Future<Map<String, Map<Long, StoredDay>>> read(String park, long fromMs, long toMs) {
        String q = "SELECT * FROM " + MEASUREMENT_METER_DAY + " WHERE park = $park AND time >= " + fromMs + "ms AND time < "
                + toMs + "ms GROUP BY " + TAG_METER;
        // a year of a large park's days is megabytes of JSON: read on a worker, not on the event loop
        return influx.queryAndRead(q, Map.of("park", park), answer -> {
            Map<String, Map<Long, StoredDay>> days = new HashMap<>();
            for (QuerySeries s : QuerySeries.of(answer)) {
                Map<Long, StoredDay> byDay = days.computeIfAbsent(s.tags().get(TAG_METER), k -> new HashMap<>());
                int time = s.column("time");
                int value = s.column(DAY_VALUE);
                int length = s.column(DAY_LENGTH_MS);
                int known = s.column(DAY_KNOWN_MS);
                int estimated = s.column(DAY_ESTIMATED_MS);
                int readings = s.column(DAY_READINGS);
                int computed = s.column(DAY_COMPUTED_AT);
                int findings = s.column(DAY_FINDINGS);
                int lateSeen = s.column(DAY_LATE_SEEN);
                for (int i = 0; i < s.rows().size(); i++) {
                    JsonArray row = s.rows().getJsonArray(i);
                    if (!complete(row, time, value, length, known, estimated, readings, computed)) {
                        continue; // a day partly written or partly deleted is no day: it is computed again
                    }
                    long start = row.getLong(time);
                    BucketConsumption b = new BucketConsumption(start, row.getLong(length), row.getDouble(value),
                            row.getLong(known), row.getLong(estimated), row.getInteger(readings));
                    byDay.put(start, new StoredDay(b, findings(findings < 0 ? null : row.getString(findings)),
                            row.getLong(computed), lateSeen < 0 || row.getValue(lateSeen) == null ? 0 : row.getLong(lateSeen)));
                }
            }
            return days;
        });
    }

    private static boolean complete(JsonArray row, int... columns) {
        for (int c : columns) {
            if (c < 0 || !(row.getValue(c) instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    /** Late-reading marks of the park's meters for days starting in [fromMs, toMs). */
    public Future<List<LateMark>> lateMarks(String park, long fromMs, long toMs) {
        String q = "SELECT " + LATE_ARRIVED_AT + " FROM " + MEASUREMENT_LATE_READING + " WHERE park = $park AND time >= "
                + fromMs + "ms AND time < " + toMs + "ms GROUP BY " + TAG_METER;
        return influx.query(q, Map.of("park", park)).map(answer -> {
            List<LateMark> marks = new ArrayList<>();
            for (QuerySeries s : QuerySeries.of(answer)) {
                for (int i = 0; i < s.rows().size(); i++) {
                    JsonArray row = s.rows().getJsonArray(i);
                    marks.add(new LateMark(s.tags().get(TAG_METER), row.getLong(0), row.getLong(1)));
                }
            }
            return marks;
        });
    }

    /**
     * What the late-reading marks of a park over a stretch of days come to: how many marks and the sum of their
     * arrivals, as InfluxDB adds them up. Ingest rewrites a mark with each later late batch, so any late reading in the
     * stretch changes it.
     */
    public record LateFingerprint(long count, double sum) {
    }

    /**
     * The {@link LateFingerprint} of each of {@code ranges} ([fromMs, toMs) of mark days) in ONE request: one
     * statement per range, separated by {@code ;}.
     */
    public Future<List<LateFingerprint>> lateFingerprints(String park, List<long[]> ranges) {
        if (ranges.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        StringBuilder q = new StringBuilder();
        for (long[] r : ranges) {
            q.append("SELECT count(\"").append(LATE_ARRIVED_AT).append("\"), sum(\"").append(LATE_ARRIVED_AT).append("\") FROM ")
                    .append(MEASUREMENT_LATE_READING).append(" WHERE park = $park AND time >= ").append(r[0])
                    .append("ms AND time < ").append(r[1]).append("ms;");
        }
        return influx.query(q.toString(), Map.of("park", park)).map(answer -> {
            LateFingerprint[] prints = new LateFingerprint[ranges.size()];
            java.util.Arrays.fill(prints, new LateFingerprint(0, 0));
            JsonArray results = answer.getJsonArray("results", new JsonArray());
            for (int i = 0; i < results.size(); i++) {
                JsonObject result = results.getJsonObject(i);
                int statement = result.getInteger("statement_id", i);
                JsonArray series = result.getJsonArray("series");
                if (series == null || series.isEmpty() || statement < 0 || statement >= prints.length) {
                    continue; // no mark in the range
                }
                JsonArray row = series.getJsonObject(0).getJsonArray("values").getJsonArray(0);
                Number count = (Number) row.getValue(1);
                Number sum = (Number) row.getValue(2);
                prints[statement] = new LateFingerprint(count == null ? 0 : count.longValue(), sum == null ? 0 : sum.doubleValue());
            }
            return List.of(prints);
        });
    }

    /** Stores days (replacing what was stored for the same meter and day), and keeps them. */
    public Future<Void> store(String park, Map<String, List<StoredDay>> byMeter) {
        cache.put(park, byMeter);
        StringBuilder lines = new StringBuilder();
        byMeter.forEach((meter, days) -> {
            for (StoredDay d : days) {
                BucketConsumption b = d.bucket();
                Point p = Point.measurement(MEASUREMENT_METER_DAY).tag(TAG_PARK, park).tag(TAG_METER, meter)
                        .field(DAY_VALUE, b.value()).field(DAY_LENGTH_MS, (double) b.lengthMs())
                        .field(DAY_KNOWN_MS, (double) b.knownMs()).field(DAY_ESTIMATED_MS, (double) b.estimatedMs())
                        .field(DAY_READINGS, (double) b.readings()).field(DAY_COMPUTED_AT, (double) d.computedAtMs())
                        .field(DAY_LATE_SEEN, (double) d.lateSeen())
                        // always written, so a recomputed day without findings clears the old ones
                        .field(DAY_FINDINGS, findingsJson(d.findings()))
                        .time(b.startMs());
                lines.append(p.toLine()).append('\n');
            }
        });
        return lines.isEmpty() ? Future.succeededFuture() : influx.write(Buffer.buffer(lines.toString()));
    }

    private static String findingsJson(List<CounterFinding> findings) {
        JsonArray a = new JsonArray();
        for (CounterFinding f : findings) {
            a.add(new JsonObject().put("t", f.timeMs()).put("type", f.type().name()).put("detail", f.detail()));
        }
        return a.encode();
    }

    private static List<CounterFinding> findings(String json) {
        List<CounterFinding> list = new ArrayList<>();
        if (json == null || json.isEmpty()) {
            return list;
        }
        for (Object o : new JsonArray(json)) {
            JsonObject f = (JsonObject) o;
            list.add(new CounterFinding(f.getLong("t"), CounterFinding.Type.valueOf(f.getString("type")), f.getString("detail")));
        }
        return list;
    }
}
