package io.parkpulse.ingest;

import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.ReportPublisher;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.parkpulse.ingest.pipeline.RejectionSink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a gateway what of its message was rejected and why, on its {@code rejected} topic at QoS 1 (through a
 * {@link ReportPublisher}, a connection of its own), and logs it — at a
 * bounded rate, so a gateway sending garbage cannot flood the log. A report is settled when the broker confirms it, or
 * when it fails or is not confirmed within {@link #SETTLE_TIMEOUT} (then counted as failed): the pipeline acknowledges
 * the message only after that ({@link RejectionSink}).
 *
 * <p>Event-loop confined: called on the pipeline's event loop, and completes there.
 */
final class RejectionReporter implements RejectionSink {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionReporter.class);
    private static final int LOG_LINES_PER_WINDOW = 20;
    private static final long WINDOW_MS = 10_000;
    /**
     * How long a report may wait for the broker's PUBACK before it counts as failed and the message is acknowledged:
     * shorter than the drain on shutdown ({@link IngestVerticle}), so a stopping ingest settles every report it began.
     */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(4);

    private final Vertx vertx;
    private final ReportPublisher publisher;
    private final IngestMetrics metrics;
    private long windowStart;
    private int loggedInWindow;
    private long suppressed;

    RejectionReporter(Vertx vertx, ReportPublisher publisher, IngestMetrics metrics) {
        this.vertx = vertx;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public Future<Void> report(PreparedMessage message) {
        Topics.Address at = message.address();
        log(message);
        if (at == null) {
            return Future.succeededFuture(); // not a ParkPulse topic: no gateway to tell; counted and logged
        }
        RejectionReport report = RejectionReport.of(message.seq(), message.source().receivedAtMs(), message.rejections());
        Context context = vertx.getOrCreateContext();
        Promise<Void> settled = Promise.promise();
        long timer = vertx.setTimer(SETTLE_TIMEOUT.toMillis(), id -> {
            if (settled.tryComplete()) {
                metrics.report(false);
                LOG.debug("no PUBACK for the rejection report to {} within {}", at, SETTLE_TIMEOUT);
            }
        });
        publisher.publish(Topics.rejected(at.park(), at.gateway()), report.toJson()).thenAccept(confirmed -> context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            if (settled.tryComplete()) {
                metrics.report(confirmed);
            }
        }));
        return settled.future();
    }

    private void log(PreparedMessage message) {
        long now = System.currentTimeMillis();
        if (now - windowStart >= WINDOW_MS) {
            if (suppressed > 0) {
                LOG.warn("{} more rejected messages were not logged; see parkpulse_ingest_rejections_total", suppressed);
            }
            windowStart = now;
            loggedInWindow = 0;
            suppressed = 0;
        }
        if (loggedInWindow++ >= LOG_LINES_PER_WINDOW) {
            suppressed++;
            return;
        }
        Rejection first = message.rejections().get(0);
        LOG.info("rejected topic={} seq={} count={} first=[{}]", message.source().topic(), message.seq(),
                message.rejections().size(), first);
    }
}
