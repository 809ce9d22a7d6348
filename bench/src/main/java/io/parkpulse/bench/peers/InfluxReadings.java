package io.parkpulse.bench.peers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The benchmark's view of InfluxDB: a fresh database per run, how many points were written to it (InfluxDB's own
 * counters, cheap to read often) and how many distinct readings of a time range are queryable (a count query, read
 * only when the counters say the run may be complete).
 */
final class InfluxReadings {

    /** How often the write counters are read while waiting: the resolution of a run's end. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** Count queries at most this often once the counters say enough was written (rewrites make them run ahead). */
    private static final Duration COUNT_EVERY = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI influx;
    private final String database;
    private final String measurement;
    private final String field;

    /** Readings queryable, and when they were seen to be ({@link System#nanoTime()}). */
    record Stored(long count, long atNanos) {
    }

    /** @param measurement the readings' measurement; {@code field} one field every reading has */
    InfluxReadings(URI influx, String database, String measurement, String field) {
        this.influx = influx;
        this.database = database;
        this.measurement = measurement;
        this.field = field;
    }

    URI url() {
        return influx;
    }

    String database() {
        return database;
    }

    /** Drops the database and creates it empty. */
    void recreate() throws IOException, InterruptedException {
        post("DROP DATABASE \"" + database + "\"");
        post("CREATE DATABASE \"" + database + "\"");
    }

    /** Distinct readings with a time in {@code [fromMs, toMs)}. */
    long count(long fromMs, long toMs) throws IOException, InterruptedException {
        return countWhere(" WHERE time >= " + fromMs + "ms AND time < " + toMs + "ms");
    }

    /** Distinct readings in the database. */
    long countAll() throws IOException, InterruptedException {
        return countWhere("");
    }

    private long countWhere(String where) throws IOException, InterruptedException {
        String q = "SELECT count(\"" + field + "\") FROM \"" + measurement + "\"" + where;
        JsonObject result = new JsonObject(send(HttpRequest.newBuilder(query(q)).GET()));
        JsonArray series = result.getJsonArray("results").getJsonObject(0).getJsonArray("series");
        return series == null ? 0 : series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
    }

    /** Points InfluxDB accepted into this database's shards since it was created ({@code /debug/vars}, writePointsOk). */
    long pointsWritten() throws IOException, InterruptedException {
        JsonObject vars = new JsonObject(send(HttpRequest.newBuilder(influx.resolve("/debug/vars")).GET()));
        long points = 0;
        for (String key : vars.fieldNames()) {
            if (vars.getValue(key) instanceof JsonObject stat && "shard".equals(stat.getString("name"))
                    && stat.getJsonObject("tags") != null && database.equals(stat.getJsonObject("tags").getString("database"))) {
                points += stat.getJsonObject("values").getLong("writePointsOk", 0L);
            }
        }
        return points;
    }

    /**
     * Waits until {@code expected} distinct readings of {@code [fromMs, toMs)} are queryable, or until no point was
     * written for {@code stall}; returns the count and when it was reached (or when the last progress was seen).
     *
     * @param writtenBefore {@link #pointsWritten()} before the readings were sent
     */
    Stored awaitStored(long expected, long fromMs, long toMs, long writtenBefore, Duration stall) throws IOException, InterruptedException {
        long lastWritten = writtenBefore;
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        long nextCount = 0;
        while (true) {
            long now = System.nanoTime();
            long written = pointsWritten();
            if (written > lastWritten) {
                lastWritten = written;
                lastProgress = now;
            }
            if (written - writtenBefore >= expected && now >= nextCount) {
                lastCount = count(fromMs, toMs);
                nextCount = now + COUNT_EVERY.toNanos();
                if (lastCount >= expected) {
                    return new Stored(lastCount, now);
                }
            }
            if (now - lastProgress > stall.toNanos()) {
                return new Stored(count(fromMs, toMs), lastProgress);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private URI query(String q) {
        return influx.resolve("/query?db=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private void post(String q) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(influx.resolve("/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("InfluxDB answered " + response.statusCode() + " to " + response.uri() + ": " + response.body());
        }
        return response.body();
    }
}
