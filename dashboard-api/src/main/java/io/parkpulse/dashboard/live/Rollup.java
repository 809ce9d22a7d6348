package io.parkpulse.dashboard.live;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.Ids;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One rollup message: one ingest instance's share of a park's live values in one period (docs/live.md).
 *
 * @param park     the park
 * @param source   the ingest instance that sent it
 * @param atMs     when it was sent
 * @param meters   the meters whose live values changed (or all the instance knows, in a full rollup)
 * @param gateways gateway states the instance took
 */
record Rollup(String park, String source, long atMs, Map<String, LiveView.MeterLive> meters, Map<String, LiveView.GatewayLive> gateways) {

    static final String TOPIC_FILTER = io.parkpulse.contract.Topics.LIVE_ROLLUPS;

    /** The park a rollup topic names, or empty for another topic. */
    static Optional<String> parkOf(String topic) {
        return io.parkpulse.contract.Topics.liveRollupPark(topic);
    }

    /** Reads a rollup received on {@code topic}; throws {@link IllegalArgumentException} naming what is wrong and where. */
    static Rollup parse(String topic, byte[] payload) {
        String park = parkOf(topic).orElseThrow(() -> new IllegalArgumentException("topic " + topic + " is not live/v1/{park}/rollup"));
        JsonObject json;
        try {
            json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException(topic + ": not a JSON object: " + e.getMessage());
        }
        try {
            if (!Integer.valueOf(1).equals(json.getInteger("v"))) {
                throw new IllegalArgumentException("$.v: version " + json.getValue("v") + " is not 1");
            }
            if (!park.equals(json.getString("park"))) {
                throw new IllegalArgumentException("$.park: " + json.getValue("park") + " is not the topic's park " + park);
            }
            Map<String, LiveView.MeterLive> meters = new LinkedHashMap<>();
            JsonObject m = json.getJsonObject("meters", new JsonObject());
            for (String id : m.fieldNames()) {
                String at = "$.meters." + id;
                requireId(at, id);
                meters.put(id, meter(at, id, m.getJsonObject(id)));
            }
            Map<String, LiveView.GatewayLive> gateways = new LinkedHashMap<>();
            JsonObject g = json.getJsonObject("gateways", new JsonObject());
            for (String id : g.fieldNames()) {
                String at = "$.gateways." + id;
                requireId(at, id);
                JsonObject entry = g.getJsonObject(id);
                if (entry == null || entry.getBoolean("online") == null || entry.getLong("since") == null) {
                    throw new IllegalArgumentException(at + ": online (true or false) and since (epoch ms) are required");
                }
                gateways.put(id, new LiveView.GatewayLive(id, entry.getBoolean("online"), entry.getLong("since")));
            }
            Long sent = json.getLong("at");
            return new Rollup(park, json.getString("source", "?"), sent == null ? System.currentTimeMillis() : sent, meters, gateways);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(topic + ": a field has the wrong type: " + e.getMessage());
        }
    }

    /**
     * One meter's entry: {@code seen} (device time of its newest reading) and, when it sent live values, {@code t} (the
     * device time they are of) with them. An entry from an ingest that predates {@code seen} has {@code t} only.
     */
    private static LiveView.MeterLive meter(String at, String id, JsonObject entry) {
        if (entry == null) {
            throw new IllegalArgumentException(at + ": an object with seen (epoch ms) is required");
        }
        Long t = entry.getLong("t");
        Long seen = entry.getLong("seen", t);
        if (seen == null) {
            throw new IllegalArgumentException(at + ".seen: the device time of the newest reading is required");
        }
        Double power = finite(at + ".power_kw", entry.getDouble("power_kw"));
        Double flow = finite(at + ".flow_m3h", entry.getDouble("flow_m3h"));
        String state = state(at + ".state", entry.getString("state"));
        if (t == null && (power != null || flow != null || state != null)) {
            throw new IllegalArgumentException(at + ".t: live values need the device time they are of");
        }
        if (t != null && t > seen) {
            throw new IllegalArgumentException(at + ".t: " + t + " is after seen " + seen + ", the newest reading");
        }
        return new LiveView.MeterLive(id, seen, t, power, flow, state, null);
    }

    private static void requireId(String at, String id) {
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException(at + ": " + Ids.problem(id));
        }
    }

    /** A known equipment state or {@code null} (absent: the reading had none). */
    private static String state(String at, String state) {
        if (state != null && EquipmentState.byWireName(state).isEmpty()) {
            throw new IllegalArgumentException(at + ": \"" + state + "\" is not one of " + Arrays.toString(EquipmentState.values()));
        }
        return state;
    }

    private static Double finite(String at, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(at + ": " + value + " is not a finite number");
        }
        return value;
    }
}
