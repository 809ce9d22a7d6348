package io.parkpulse.ingest.pipeline;

import io.vertx.core.Future;

/**
 * Where the pipeline reports what it rejected of a message, and why, to the gateway that sent it.
 *
 * <p>What is guaranteed when a message is acknowledged: its report was <em>settled</em> first — the broker confirmed it
 * (a QoS 1 PUBACK), or it could not be delivered and that was counted ({@code parkpulse_ingest_rejection_reports_total}
 * with {@code result="failed"}) and logged. Never is a report merely queued on a connection that may still be lost
 * while the message it reports on is already acknowledged. Every rejection is also counted by reason
 * ({@code parkpulse_ingest_rejections_total}), whatever happens to the report.
 *
 * <p>Threading: called on the pipeline's event loop, once for each finished message that has rejections, before that
 * message is acknowledged. The returned future completes on that same event loop and never fails; a sink bounds how
 * long it waits for the broker, so a hung broker cannot hold acknowledgements back for ever.
 */
public interface RejectionSink {

    /** Reports {@code message}'s rejections; completes once the report is settled. */
    Future<Void> report(PreparedMessage message);
}
