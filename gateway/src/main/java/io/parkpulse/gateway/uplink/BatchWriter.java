package io.parkpulse.gateway.uplink;

import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.gateway.buffer.AppendResult;
import io.parkpulse.gateway.buffer.StoreAndForwardBuffer;
import io.parkpulse.gateway.status.GatewayMetrics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of readings (one poll cycle, or one NB-IoT push) into telemetry messages of at most
 * {@code readingsPerMessage} readings, each with the gateway's next sequence number, and stores them in
 * the buffer. Everything goes through the buffer, connected or not, so there is one path to the broker
 * and a restart loses nothing that was read.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final StoreAndForwardBuffer buffer;
    private final int readingsPerMessage;
    private final GatewayMetrics metrics;
    private final TelemetryEncoder encoder = new TelemetryEncoder();

    public BatchWriter(StoreAndForwardBuffer buffer, int readingsPerMessage, GatewayMetrics metrics) {
        this.buffer = buffer;
        this.readingsPerMessage = readingsPerMessage;
        this.metrics = metrics;
    }

    /** Stores {@code readings}; thread-safe (the buffer orders the appends). */
    public synchronized void write(List<Reading> readings) {
        for (int from = 0; from < readings.size(); from += readingsPerMessage) {
            List<Reading> part = readings.subList(from, Math.min(readings.size(), from + readingsPerMessage));
            long seq = buffer.nextSeq();
            AppendResult result = buffer.append(seq, part.size(), encoder.encode(new TelemetryMessage(seq, part)));
            if (result.droppedReadings() > 0) {
                metrics.dropped(result.droppedReadings());
                LOG.warn(result.reason());
            }
            if (result.isStored()) {
                metrics.buffered(part.size());
            }
        }
    }
}
