package io.parkpulse.ingest;

import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.MqttSource;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a gateway what of its message was rejected and why, on its {@code rejected} topic, and logs
 * it — at a bounded rate, so a gateway sending garbage cannot flood the log.
 *
 * <p>Event-loop confined.
 */
final class RejectionReporter implements Consumer<PreparedMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionReporter.class);
    private static final int LOG_LINES_PER_WINDOW = 20;
    private static final long WINDOW_MS = 10_000;

    private final MqttSource mqtt;
    private final IngestMetrics metrics;
    private long windowStart;
    private int loggedInWindow;
    private long suppressed;

    RejectionReporter(MqttSource mqtt, IngestMetrics metrics) {
        this.mqtt = mqtt;
        this.metrics = metrics;
    }

    @Override
    public void accept(PreparedMessage message) {
        Topics.Address at = message.address();
        log(message);
        if (at == null) {
            return;
        }
        RejectionReport report = RejectionReport.of(message.seq(), message.source().receivedAtMs(), message.rejections());
        metrics.report(mqtt.publish(Topics.rejected(at.park(), at.gateway()), report.toJson()));
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
