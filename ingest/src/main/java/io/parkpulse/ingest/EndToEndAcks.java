package io.parkpulse.ingest;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.SeqRanges;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.ReportPublisher;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.vertx.core.Context;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end acknowledgements to gateways (docs/protocol.md, "End-to-end acknowledgements"): told of each telemetry message at the
 * moment ingest acknowledges it to the broker — after the InfluxDB write that stored its readings, and after its
 * rejection report, if any, settled — it publishes on {@code dp/v1/{park}/{gateway}/ack}, QoS 1, the seqs settled
 * together: one {@link Acknowledgement} per gateway per write (per event-loop turn, which is one write's completion or
 * one report's settling), split at {@link SeqRanges#MAX_PER_ACK} ranges. A message without a seq is never acknowledged.
 *
 * <p>An ack that cannot be published is logged and counted, never retried: the gateway sends the message again after
 * its timeout, and the reading written again is the same InfluxDB point.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} acks await their PUBACK at a time (well below the broker's receive maximum, which
 * Paho enforces by refusing a publish): a write that settles messages of many gateways queues the rest, up to
 * {@link #MAX_QUEUED}; an ack beyond that is counted as failed.
 *
 * <p>Event-loop confined: {@link #settled} must be called on {@code context}.
 */
final class EndToEndAcks {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndAcks.class);
    private static final long WARN_EVERY_MS = 10_000;
    static final int MAX_IN_FLIGHT = 100;
    static final int MAX_QUEUED = 100_000;

    private record Outgoing(String topic, List<SeqRanges.Range> done) {
    }

    private final Context context;
    private final ReportPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    /** Ack topic to the seqs settled in this event-loop turn, in the order gateways came. */
    private Map<String, List<Long>> pending = new LinkedHashMap<>();
    private final ArrayDeque<Outgoing> queued = new ArrayDeque<>();
    private int inFlight;
    private long lastWarnMs;

    EndToEndAcks(Context context, ReportPublisher publisher, IngestMetrics metrics, Clock clock) {
        this.context = context;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** {@code message} is settled and being acknowledged to the broker: acknowledge its seq to its gateway too. */
    void settled(PreparedMessage message) {
        Topics.Address from = message.address();
        if (message.seq() == null || from == null || from.channel() != Channel.TELEMETRY) {
            return;
        }
        if (pending.isEmpty()) {
            context.runOnContext(v -> flush()); // after every message this write (or report) settled
        }
        pending.computeIfAbsent(Topics.ack(from.park(), from.gateway()), t -> new ArrayList<>()).add(message.seq());
    }

    private void flush() {
        Map<String, List<Long>> settled = pending;
        pending = new LinkedHashMap<>();
        settled.forEach((topic, seqs) -> {
            for (List<SeqRanges.Range> done : SeqRanges.split(SeqRanges.of(seqs), SeqRanges.MAX_PER_ACK)) {
                if (queued.size() < MAX_QUEUED) {
                    queued.add(new Outgoing(topic, done));
                } else {
                    failed(topic, SeqRanges.count(done));
                }
            }
        });
        pump();
    }

    private void pump() {
        while (inFlight < MAX_IN_FLIGHT && !queued.isEmpty()) {
            Outgoing next = queued.poll();
            long seqs = SeqRanges.count(next.done());
            inFlight++;
            byte[] payload = new Acknowledgement(next.done(), clock.millis()).toJson();
            publisher.publish(next.topic(), payload).thenAccept(confirmed -> context.runOnContext(v -> {
                inFlight--;
                if (confirmed) {
                    metrics.ack(true, seqs);
                } else {
                    failed(next.topic(), seqs);
                }
                pump();
            }));
        }
    }

    private void failed(String topic, long seqs) {
        metrics.ack(false, seqs);
        long now = System.currentTimeMillis();
        if (now - lastWarnMs >= WARN_EVERY_MS) {
            lastWarnMs = now;
            LOG.warn("an ack of {} seqs to {} was not confirmed by the broker; the gateway will resend them "
                    + "(further failures within {} s are only counted: parkpulse_ingest_acks_total{{result=\"failed\"}})",
                    seqs, topic, WARN_EVERY_MS / 1000);
        }
    }
}
