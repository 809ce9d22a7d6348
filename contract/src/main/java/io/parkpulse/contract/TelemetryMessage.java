package io.parkpulse.contract;

import java.util.List;

/**
 * One telemetry message: a batch of readings from one gateway. Park and gateway come from the topic.
 *
 * @param seq      the gateway's message sequence number, echoed in rejection reports so the gateway
 *                 can tell which message they concern
 * @param readings the readings, in any order
 */
public record TelemetryMessage(long seq, List<Reading> readings) {

    public TelemetryMessage {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0");
        }
        readings = List.copyOf(readings);
    }
}
