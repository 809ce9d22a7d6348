package io.parkpulse.ingest.pipeline;

import io.parkpulse.config.Backoff;
import io.parkpulse.ingest.IngestMetrics;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes points to InfluxDB until each one is either stored or refused by InfluxDB itself.
 *
 * <ul>
 *   <li>While InfluxDB is unreachable, erroring or refusing credentials, the write is retried with
 *       capped exponential backoff, without limit: nothing is dropped, and because nothing is
 *       acknowledged meanwhile, the broker holds back further messages.</li>
 *   <li>A missing database is created, then the write retried.</li>
 *   <li>When InfluxDB refuses the data (HTTP 400, e.g. a field type conflict) or finds the body too
 *       large, the batch is split in halves and each half written, down to single points, so a bad
 *       point is isolated and refused alone while every good point beside it is stored.</li>
 * </ul>
 *
 * <p>The returned future completes with the refused points (usually none) once everything else is
 * stored; it fails only on a defect, and then nothing of the batch may be acknowledged.
 * Event-loop confined.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    /** Waits between attempts of a write InfluxDB could not take: 100 ms doubling to 2 s, a quarter jittered. */
    static final Backoff RETRY = Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(2)).withJitter(0.25);
    private static final long OUTAGE_LOG_EVERY_MS = 30_000;
    /** A reading's line is about 120 characters (measurement, four tags, one to five fields, time): the body's first size. */
    private static final int BYTES_PER_LINE = 128;

    /** A point InfluxDB refused, with its reason. */
    public record Refusal(PreparedPoint point, String reason) {
    }

    private record Queued(List<PreparedPoint> points, Promise<List<Refusal>> promise) {
    }

    private final Vertx vertx;
    private final InfluxClient influx;
    private final int concurrency;
    private final IngestMetrics metrics;
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    private int inFlight;
    private int inFlightPoints;
    private long outageSince = -1;
    private long lastOutageLog;

    public BatchWriter(Vertx vertx, InfluxClient influx, int concurrency, IngestMetrics metrics) {
        this.vertx = vertx;
        this.influx = influx;
        this.concurrency = concurrency;
        this.metrics = metrics;
    }

    /** Stores {@code points}; at most {@code concurrency} writes run at once, the rest wait their turn. */
    public Future<List<Refusal>> write(List<PreparedPoint> points) {
        Promise<List<Refusal>> promise = Promise.promise();
        waiting.addLast(new Queued(points, promise));
        startWaiting();
        return promise.future();
    }

    /** Points handed to this writer and not yet stored or refused. */
    public int pendingPoints() {
        int queued = 0;
        for (Queued q : waiting) {
            queued += q.points.size();
        }
        return inFlightPoints + queued;
    }

    public boolean idle() {
        return inFlight == 0 && waiting.isEmpty();
    }

    /** True while writes are failing for a reason other than bad data. */
    public boolean inOutage() {
        return outageSince >= 0;
    }

    private void startWaiting() {
        while (inFlight < concurrency && !waiting.isEmpty()) {
            Queued next = waiting.pollFirst();
            inFlight++;
            inFlightPoints += next.points.size();
            metrics.batch(next.points.size());
            store(next.points).onComplete(done -> {
                inFlight--;
                inFlightPoints -= next.points.size();
                next.promise.handle(done);
                startWaiting();
            });
        }
    }

    private Future<List<Refusal>> store(List<PreparedPoint> points) {
        Promise<List<Refusal>> promise = Promise.promise();
        attempt(points, body(points), 1, promise);
        return promise.future();
    }

    private void attempt(List<PreparedPoint> points, Buffer body, int attempt, Promise<List<Refusal>> promise) {
        long started = System.nanoTime();
        influx.write(body).onComplete(result -> {
            metrics.write(Duration.ofNanos(System.nanoTime() - started));
            if (result.succeeded()) {
                recovered();
                int marks = 0;
                for (PreparedPoint p : points) {
                    marks += p.kind() == PreparedPoint.Kind.LATE_MARK ? 1 : 0;
                }
                metrics.stored(points.size() - marks, marks);
                promise.complete(List.of());
                return;
            }
            InfluxException failure = result.cause() instanceof InfluxException e ? e
                    : new InfluxException(InfluxException.Kind.UNAVAILABLE, 0, String.valueOf(result.cause()), result.cause());
            metrics.writeFailed(failure.kind());
            if (!failure.kind().retriable()) {
                split(points, failure).onComplete(promise);
                return;
            }
            noteOutage(failure);
            if (failure.kind() == InfluxException.Kind.DATABASE_NOT_FOUND) {
                influx.createDatabase().onComplete(created -> retryLater(points, body, attempt, promise));
            } else {
                retryLater(points, body, attempt, promise);
            }
        });
    }

    private void retryLater(List<PreparedPoint> points, Buffer body, int attempt, Promise<List<Refusal>> promise) {
        vertx.setTimer(RETRY.delayMs(attempt), id -> attempt(points, body, attempt + 1, promise));
    }

    /** Isolates what InfluxDB refuses (a kind retrying cannot fix) by halving; single points it still refuses are reported. */
    private Future<List<Refusal>> split(List<PreparedPoint> points, InfluxException failure) {
        if (points.size() == 1) {
            LOG.warn("InfluxDB refused point of meter {} at {}: {}", points.get(0).meter(), points.get(0).timeMs(), failure.getMessage());
            return Future.succeededFuture(List.of(new Refusal(points.get(0), failure.getMessage())));
        }
        // one half after the other: the split runs inside the write slot of the batch it splits, so
        // refused points never multiply the requests beyond the configured write concurrency
        int half = points.size() / 2;
        return store(points.subList(0, half)).compose(left -> store(points.subList(half, points.size())).map(right -> {
            List<Refusal> all = new ArrayList<>(left);
            all.addAll(right);
            return all;
        }));
    }

    private void noteOutage(InfluxException failure) {
        long now = System.currentTimeMillis();
        if (outageSince < 0) {
            outageSince = now;
            lastOutageLog = now;
            LOG.warn("InfluxDB writes failing ({}); holding messages unacknowledged and retrying: {}", failure.kind(), failure.getMessage());
        } else if (now - lastOutageLog >= OUTAGE_LOG_EVERY_MS) {
            lastOutageLog = now;
            LOG.warn("InfluxDB writes still failing after {} s ({}): {}", (now - outageSince) / 1000, failure.kind(), failure.getMessage());
        }
    }

    private void recovered() {
        if (outageSince >= 0) {
            LOG.info("InfluxDB writes succeed again after {} ms", System.currentTimeMillis() - outageSince);
            outageSince = -1;
        }
    }

    /** The request body: each point rendered straight into it, one line each. */
    static Buffer body(List<PreparedPoint> points) {
        StringBuilder sb = new StringBuilder(points.size() * BYTES_PER_LINE);
        for (PreparedPoint p : points) {
            p.point().appendTo(sb).append('\n');
        }
        return Buffer.buffer(sb.toString());
    }
}
