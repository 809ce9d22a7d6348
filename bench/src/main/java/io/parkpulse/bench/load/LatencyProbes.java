package io.parkpulse.bench.load;

import io.parkpulse.storage.InfluxClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures publish → queryable latency: a sample of published readings is looked for in InfluxDB
 * every few milliseconds, all outstanding ones in one query, until each is found. The latency of a
 * probe is from just before its message was published to the first query that returned it, so it
 * is an upper bound that includes up to one polling interval.
 *
 * <p>{@link #probe} may be called from any thread; polling runs on its own thread.
 */
final class LatencyProbes implements AutoCloseable {

    private static final long POLL_MS = 20;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** After close, how long outstanding probes are still looked for before they count as not found. */
    private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Probe(String meter, long timeMs, long publishedNanos) {
        String key() {
            return meter + "@" + timeMs;
        }
    }

    private final InfluxClient influx;
    private final String measurement;
    private final ConcurrentLinkedQueue<Probe> incoming = new ConcurrentLinkedQueue<>();
    private final List<Long> latenciesNanos = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long closedAt;
    private volatile int notFound;

    LatencyProbes(InfluxClient influx, String measurement) {
        this.influx = influx;
        this.measurement = measurement;
        this.poller = new Thread(this::poll, "latency-probes");
        poller.setDaemon(true);
        poller.start();
    }

    void probe(String meter, long timeMs, long publishedNanos) {
        incoming.add(new Probe(meter, timeMs, publishedNanos));
    }

    private void poll() {
        Map<String, Probe> outstanding = new HashMap<>();
        while (running || !outstanding.isEmpty() || !incoming.isEmpty()) {
            if (!running && System.nanoTime() - closedAt > CLOSE_GRACE_NANOS) {
                notFound += outstanding.size() + incoming.size();
                return;
            }
            for (Probe p; (p = incoming.poll()) != null; ) {
                outstanding.put(p.key(), p);
            }
            if (!outstanding.isEmpty()) {
                long queriedAt = System.nanoTime();
                for (String found : findStored(outstanding.values())) {
                    Probe p = outstanding.remove(found);
                    if (p != null) {
                        synchronized (latenciesNanos) {
                            latenciesNanos.add(queriedAt - p.publishedNanos);
                        }
                    }
                }
                Iterator<Probe> it = outstanding.values().iterator();
                while (it.hasNext()) {
                    if (System.nanoTime() - it.next().publishedNanos > GIVE_UP_NANOS) {
                        it.remove();
                        notFound++;
                    }
                }
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Keys of the probes InfluxDB already returns. Meters and times come from our own generator, not from outside. */
    private List<String> findStored(Iterable<Probe> probes) {
        StringBuilder meters = new StringBuilder();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Probe p : probes) {
            meters.append(meters.length() == 0 ? "" : " OR ").append("meter = '").append(p.meter).append('\'');
            min = Math.min(min, p.timeMs);
            max = Math.max(max, p.timeMs);
        }
        String q = "SELECT power_kw FROM " + measurement + " WHERE (" + meters + ") AND time >= " + min + "ms AND time <= " + max
                + "ms GROUP BY meter";
        List<String> found = new ArrayList<>();
        try {
            JsonObject result = influx.query(q).await(10, TimeUnit.SECONDS);
            JsonArray series = result.getJsonArray("results").getJsonObject(0).getJsonArray("series");
            if (series != null) {
                for (Object s : series) {
                    JsonObject one = (JsonObject) s;
                    String meter = one.getJsonObject("tags").getString("meter");
                    for (Object row : one.getJsonArray("values")) {
                        found.add(meter + "@" + ((JsonArray) row).getLong(0));
                    }
                }
            }
        } catch (Exception e) {
            // InfluxDB busy or restarting: try again next round
        }
        return found;
    }

    /** Stops taking probes and waits (at most about 30 s) until the outstanding ones are found or counted as not found. */
    @Override
    public void close() throws InterruptedException {
        closedAt = System.nanoTime();
        running = false;
        poller.join(TimeUnit.NANOSECONDS.toMillis(CLOSE_GRACE_NANOS) + 15_000);
    }

    /** Sorted latencies in milliseconds. */
    List<Double> latenciesMs() {
        synchronized (latenciesNanos) {
            return latenciesNanos.stream().sorted().map(n -> n / 1e6).toList();
        }
    }

    int notFound() {
        return notFound;
    }
}
