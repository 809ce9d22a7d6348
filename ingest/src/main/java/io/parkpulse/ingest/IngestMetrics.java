package io.parkpulse.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.storage.InfluxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ingest's own metrics, named {@code parkpulse_ingest_*} in the Prometheus scrape. Meters are
 * created once here so the hot path only increments.
 *
 * <p>Thread-safe (Micrometer meters are).
 */
public final class IngestMetrics {

    /** How a message ended. */
    public enum Outcome { STORED, PARTIAL, REJECTED }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> messages = new EnumMap<>(Outcome.class);
    private final Map<RejectReason, Counter> rejections = new EnumMap<>(RejectReason.class);
    private final Map<InfluxException.Kind, Counter> writeFailures = new EnumMap<>(InfluxException.Kind.class);
    private final Counter pointsStored;
    private final Counter lateMarks;
    private final DistributionSummary batchPoints;
    private final Timer writeLatency;
    private final Counter reportsPublished;
    private final Counter reportsFailed;
    private final Counter reloadFailures;
    private final Counter acksPublished;
    private final Counter acksFailed;
    private final Counter seqsAcked;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome o : Outcome.values()) {
            messages.put(o, Counter.builder("parkpulse.ingest.messages").tag("outcome", o.name().toLowerCase())
                    .description("Messages taken from the broker, by how they ended").register(registry));
        }
        for (RejectReason r : RejectReason.values()) {
            rejections.put(r, Counter.builder("parkpulse.ingest.rejections").tag("reason", r.code())
                    .description("Rejected messages, readings or values, by reason").register(registry));
        }
        for (InfluxException.Kind k : InfluxException.Kind.values()) {
            writeFailures.put(k, Counter.builder("parkpulse.ingest.write.failures").tag("kind", k.name().toLowerCase())
                    .description("Failed InfluxDB write attempts, by kind").register(registry));
        }
        pointsStored = Counter.builder("parkpulse.ingest.points.stored").description("Points InfluxDB confirmed").register(registry);
        lateMarks = Counter.builder("parkpulse.ingest.late.marks").description("Late-reading marks InfluxDB confirmed")
                .register(registry);
        batchPoints = DistributionSummary.builder("parkpulse.ingest.batch.points").description("Points per InfluxDB write")
                .publishPercentiles(0.5, 0.99).register(registry);
        writeLatency = Timer.builder("parkpulse.ingest.write.latency").description("Duration of one InfluxDB write request")
                .publishPercentiles(0.5, 0.99).register(registry);
        reportsPublished = Counter.builder("parkpulse.ingest.rejection.reports").tag("result", "published")
                .description("Rejection reports to gateways: confirmed by the broker (published), or not sent, refused or unconfirmed (failed)")
                .register(registry);
        reportsFailed = Counter.builder("parkpulse.ingest.rejection.reports").tag("result", "failed")
                .description("Rejection reports to gateways: confirmed by the broker (published), or not sent, refused or unconfirmed (failed)")
                .register(registry);
        acksPublished = Counter.builder("parkpulse.ingest.acks").tag("result", "published")
                .description("End-to-end acks to gateways: confirmed by the broker (published), or not sent, refused or unconfirmed (failed)")
                .register(registry);
        acksFailed = Counter.builder("parkpulse.ingest.acks").tag("result", "failed")
                .description("End-to-end acks to gateways: confirmed by the broker (published), or not sent, refused or unconfirmed (failed)")
                .register(registry);
        seqsAcked = Counter.builder("parkpulse.ingest.acked.seqs").description("Telemetry seqs named in end-to-end acks the broker confirmed")
                .register(registry);
        reloadFailures = Counter.builder("parkpulse.ingest.parks.reload.failures").description("Park file reloads that found errors").register(registry);
    }

    public void message(Outcome outcome) {
        messages.get(outcome).increment();
    }

    public void rejected(RejectReason reason) {
        rejections.get(reason).increment();
    }

    /** @param points readings and gateway status points; @param marks late-reading marks written beside them */
    public void stored(int points, int marks) {
        pointsStored.increment(points);
        lateMarks.increment(marks);
    }

    public void batch(int points) {
        batchPoints.record(points);
    }

    public void write(Duration latency) {
        writeLatency.record(latency);
    }

    public void writeFailed(InfluxException.Kind kind) {
        writeFailures.get(kind).increment();
    }

    public void report(boolean published) {
        (published ? reportsPublished : reportsFailed).increment();
    }

    /** An end-to-end ack naming {@code seqs} seqs was confirmed by the broker, or failed. */
    public void ack(boolean published, long seqs) {
        if (published) {
            acksPublished.increment();
            seqsAcked.increment(seqs);
        } else {
            acksFailed.increment();
        }
    }

    public void reloadFailed() {
        reloadFailures.increment();
    }

    /** Registers a gauge read from {@code value} on every scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }
}
