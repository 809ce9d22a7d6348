package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.ingest.IngestMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful part of ingest: batches prepared messages, writes them, reports rejections, and
 * acknowledges each message once all of its points are stored or rejected and its rejection report is
 * settled — never earlier, so a crash or an InfluxDB outage never loses an acknowledged reading.
 *
 * <p>Memory is bounded by the broker: it sends at most the client's receive maximum of
 * unacknowledged messages, and nothing is acknowledged before it is written.
 *
 * <p>Event-loop confined: every method must be called on the context that created it.
 */
public final class IngestPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private final WriteBatcher batcher;
    private final BatchWriter writer;
    private final AckSequencer sequencer;
    private volatile String stalled;
    private final RejectionSink rejectionSink;
    private int reportsUnsettled;
    private final IngestMetrics metrics;
    private final Vertx vertx;

    /**
     * @param batching     when a batch of messages is written: at most so many points or messages, or after so long
     * @param acknowledger settles each message with the broker, in arrival order
     * @param rejections   reports each finished message that has rejections; the message is acknowledged once the
     *                     report is settled
     */
    public IngestPipeline(Vertx vertx, BatchWriter writer, Batching batching, Acknowledger acknowledger, RejectionSink rejections,
                          IngestMetrics metrics) {
        this.vertx = vertx;
        this.writer = writer;
        this.rejectionSink = rejections;
        this.metrics = metrics;
        this.sequencer = new AckSequencer(acknowledger);
        this.batcher = new WriteBatcher(vertx, batching, this::write);
    }

    /** Takes a prepared message, in the order messages arrived. */
    public void accept(PreparedMessage message) {
        sequencer.admit(message);
        if (message.points().isEmpty()) {
            finish(message);
        } else {
            batcher.add(message);
        }
    }

    /** The connection that delivered some messages is gone; the broker will send them again. */
    public void connectionLost(long connection) {
        sequencer.forgetConnection(connection);
    }

    /** Why acknowledgements stopped (a batch write failed by a defect), or {@code null} while they flow. */
    public String stalled() {
        return stalled;
    }

    /** Messages received and not yet acknowledged. */
    public int unacknowledged() {
        return sequencer.size();
    }

    /** Points received and not yet stored. */
    public int pendingPoints() {
        return batcher.pendingPoints() + writer.pendingPoints();
    }

    /** Writes what is pending and completes when the writer is idle and every report settled, or {@code timeout} passed. */
    public Future<Void> drain(Duration timeout) {
        batcher.flush();
        if (idle()) {
            return Future.succeededFuture();
        }
        Promise<Void> drained = Promise.promise();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        vertx.setPeriodic(20, id -> {
            if (idle() || System.currentTimeMillis() >= deadline) {
                vertx.cancelTimer(id);
                drained.tryComplete();
            }
        });
        return drained.future();
    }

    private boolean idle() {
        return writer.idle() && reportsUnsettled == 0;
    }

    private void write(Batch batch) {
        writer.write(batch.points()).onComplete(done -> {
            if (done.failed()) {
                // A defect, not an outage (outages are retried inside the writer). Never acknowledge what
                // may not be stored: these messages stay unacknowledged, ingest stops taking more once the
                // receive window is full (/health reports DOWN), and the broker re-sends them after a restart.
                LOG.error("writing a batch of {} messages failed; holding them unacknowledged", batch.messages().size(), done.cause());
                stalled = "writing a batch of " + batch.messages().size() + " messages failed (" + done.cause()
                        + "); they and every later message stay unacknowledged until a restart";
                return;
            }
            if (!done.result().isEmpty()) {
                attach(batch, done.result());
            }
            batch.messages().forEach(this::finish);
        });
    }

    /** Adds each point InfluxDB refused to the rejections of the message it came from. */
    private static void attach(Batch batch, List<BatchWriter.Refusal> refusals) {
        Map<PreparedPoint, PreparedMessage> owner = new IdentityHashMap<>();
        for (PreparedMessage m : batch.messages()) {
            for (PreparedPoint p : m.points()) {
                owner.put(p, m);
            }
        }
        for (BatchWriter.Refusal r : refusals) {
            PreparedPoint p = r.point();
            owner.get(p).addRejection(new Rejection(RejectReason.STORAGE_REJECTED, p.path(),
                    "InfluxDB refused the reading: " + r.reason(), p.meter(), p.timeMs()));
        }
    }

    private void finish(PreparedMessage message) {
        List<Rejection> rejections = message.rejections();
        for (Rejection r : rejections) {
            metrics.rejected(r.reason());
        }
        if (rejections.isEmpty()) {
            metrics.message(IngestMetrics.Outcome.STORED);
            sequencer.complete(message);
            return;
        }
        boolean anyStored = message.points().size() > countStorageRefusals(rejections);
        metrics.message(anyStored ? IngestMetrics.Outcome.PARTIAL : IngestMetrics.Outcome.REJECTED);
        reportsUnsettled++;
        Future<Void> report;
        try {
            report = rejectionSink.report(message);
        } catch (RuntimeException e) {
            // a defect in the sink must not hold this message and every later one unacknowledged
            LOG.error("reporting the rejections of a message failed; acknowledging it without its report", e);
            report = Future.succeededFuture();
        }
        report.onComplete(settled -> {
            reportsUnsettled--;
            sequencer.complete(message);
        });
    }

    private static int countStorageRefusals(List<Rejection> rejections) {
        int n = 0;
        for (Rejection r : rejections) {
            if (r.reason() == RejectReason.STORAGE_REJECTED) {
                n++;
            }
        }
        return n;
    }
}
