package io.parkpulse.ingest.live;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes one park's part as rollup messages (docs/live.md): JSON, at most {@code maxMetersPerMessage} meters each,
 * so a park with many meters becomes several messages of a bounded size rather than one huge one; gateways ride in
 * the first.
 */
final class RollupEncoder {

    static final int VERSION = 1;

    private final String source;
    private final int maxMetersPerMessage;

    /** @param source who publishes: the ingest instance's client id, for tracing a part back to its instance */
    RollupEncoder(String source, int maxMetersPerMessage) {
        if (maxMetersPerMessage < 1) {
            throw new IllegalArgumentException("maxMetersPerMessage must be at least 1, not " + maxMetersPerMessage);
        }
        this.source = source;
        this.maxMetersPerMessage = maxMetersPerMessage;
    }

    /** The topic a park's rollups go to. */
    static String topic(String park) {
        return io.parkpulse.contract.Topics.liveRollup(park);
    }

    List<byte[]> encode(String park, ParkLive.Part part, long atMs, boolean full) {
        List<byte[]> messages = new ArrayList<>();
        JsonObject meters = new JsonObject();
        JsonObject gateways = new JsonObject();
        for (Map.Entry<String, GatewayState> g : part.gateways().entrySet()) {
            gateways.put(g.getKey(), new JsonObject().put("online", g.getValue().online()).put("since", g.getValue().sinceMs()));
        }
        for (Map.Entry<String, MeterValues> m : part.meters().entrySet()) {
            MeterValues v = m.getValue();
            JsonObject entry = new JsonObject().put("seen", v.seenMs());
            if (v.timeMs() != null) {
                entry.put("t", v.timeMs());
            }
            if (v.powerKw() != null) {
                entry.put("power_kw", v.powerKw());
            }
            if (v.flowM3h() != null) {
                entry.put("flow_m3h", v.flowM3h());
            }
            if (v.state() != null) {
                entry.put("state", v.state());
            }
            meters.put(m.getKey(), entry);
            if (meters.size() == maxMetersPerMessage) {
                messages.add(message(park, atMs, full, meters, gateways));
                meters = new JsonObject();
                gateways = new JsonObject();
            }
        }
        if (!meters.isEmpty() || !gateways.isEmpty()) {
            messages.add(message(park, atMs, full, meters, gateways));
        }
        return messages;
    }

    private byte[] message(String park, long atMs, boolean full, JsonObject meters, JsonObject gateways) {
        JsonObject message = new JsonObject().put("v", VERSION).put("park", park).put("source", source).put("at", atMs)
                .put("full", full).put("meters", meters);
        if (!gateways.isEmpty()) {
            message.put("gateways", gateways);
        }
        return message.toBuffer().getBytes();
    }
}
