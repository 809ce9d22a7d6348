package io.parkpulse.ingest.live;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What this ingest instance knows live of one park: the newest values of each meter it took a reading of, the last
 * status of each gateway it took one of, and which of them changed since the last rollup.
 *
 * <p>Bounded by the park file: only readings of declared meters and statuses of declared gateways get this far.
 * Event-loop confined.
 */
final class ParkLive {

    private final Map<String, MeterValues> meters = new HashMap<>();
    private final Map<String, GatewayState> gateways = new HashMap<>();
    private final Set<String> changedMeters = new LinkedHashSet<>();
    private final Set<String> changedGateways = new LinkedHashSet<>();

    void meter(String id, MeterValues values) {
        MeterValues before = meters.get(id);
        MeterValues after = before == null ? values : before.then(values);
        if (after != before) {
            meters.put(id, after);
            changedMeters.add(id);
        }
    }

    void gateway(String id, GatewayState state) {
        GatewayState before = gateways.get(id);
        if (before == null || state.sinceMs() >= before.sinceMs()) {
            gateways.put(id, state);
            changedGateways.add(id);
        }
    }

    boolean hasChanges() {
        return !changedMeters.isEmpty() || !changedGateways.isEmpty();
    }

    /** The changed entries (or, when {@code everything}, all known ones), and starts the next period with none changed. */
    Part take(boolean everything) {
        Map<String, MeterValues> m = new java.util.LinkedHashMap<>();
        for (String id : everything ? meters.keySet() : changedMeters) {
            m.put(id, meters.get(id));
        }
        Map<String, GatewayState> g = new java.util.LinkedHashMap<>();
        for (String id : everything ? gateways.keySet() : changedGateways) {
            g.put(id, gateways.get(id));
        }
        changedMeters.clear();
        changedGateways.clear();
        return new Part(m, g);
    }

    /** One period's share of a park's rollup. */
    record Part(Map<String, MeterValues> meters, Map<String, GatewayState> gateways) {
    }
}
