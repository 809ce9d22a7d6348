package io.parkpulse.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.ToLongFunction;

/**
 * What the suite reads from the real gateway's {@code GET /status}, with the life of the process it came from: the
 * gateway's counters start again at zero when it is restarted.
 *
 * @param life                which start of the gateway process answered (1 for the first)
 * @param failedReads         failed reads of all its devices in this life
 * @param resends             messages sent again for want of an end-to-end ack in this life
 * @param unconfirmedMessages messages sent and awaiting ingest's end-to-end ack now
 * @param bufferedReadings    readings in its on-disk buffer now (unconfirmed ones included)
 */
record GatewayStatus(int life, long failedReads, long resends, long unconfirmedMessages, long bufferedReadings) {

    static GatewayStatus of(int life, JsonNode status) {
        long failures = 0;
        for (JsonNode device : status.path("devices")) {
            failures += device.path("failures").asLong();
        }
        JsonNode acks = status.path("acks");
        return new GatewayStatus(life, failures, acks.path("resends").asLong(), acks.path("unconfirmed_messages").asLong(),
                status.path("buffer").path("readings").asLong(-1));
    }

    /**
     * How far a counter grew from {@code earlier} to {@code later}; if the gateway was restarted in between, the later
     * life's count only (a lower bound); -1 if either status is unknown.
     */
    static long grown(GatewayStatus earlier, GatewayStatus later, ToLongFunction<GatewayStatus> counter) {
        if (earlier == null || later == null) {
            return -1;
        }
        long now = counter.applyAsLong(later);
        return later.life() == earlier.life() ? now - counter.applyAsLong(earlier) : now;
    }
}
