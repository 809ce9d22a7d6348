package io.parkpulse.dashboard.live;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.park.CounterDeclaration;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Gateway;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A park's live panel, computed from its merged live state and its park file (docs/live.md#the-panel):
 *
 * <ul>
 *   <li>an enterprise's power is the sum of its billing electricity meters (sub meters, {@code role: sub}, are already
 *       counted by a main meter, and equipment meters are parts of it too); its water flow likewise over its billing
 *       water meters;</li>
 *   <li>the park's total power and water flow are the sums over its enterprises; park-level meters (the incomer, the
 *       park's water inlet) are reported beside them, not added, since they measure the same energy again;</li>
 *   <li>a sum over meters none of which has reported yet is {@code null}, not 0;</li>
 *   <li>a value older than the meter's freshness ({@link LiveFreshness}) is not summed: the meter is listed in
 *       {@code stale_meters} instead, and an equipment's state is unknown.</li>
 * </ul>
 *
 * Each equipment meter is listed with its state and power. Scoped by who asks: an operator sees everything; an
 * enterprise sees only its own entry and its own equipment — no other enterprise's id or name, no park totals (with a
 * handful of enterprises, a total less one's own is a neighbour's load) and no gateways.
 */
final class LivePanel {

    private LivePanel() {
    }

    static JsonObject of(Park park, LiveView.Snapshot snapshot, Caller caller, long nowMs) {
        Map<String, LiveView.MeterLive> live = snapshot == null ? Map.of() : snapshot.meters();
        Map<String, Sum> power = new HashMap<>();
        Map<String, Sum> water = new HashMap<>();
        Map<String, JsonArray> stale = new HashMap<>();
        JsonArray parkStale = new JsonArray();
        Sum incomer = new Sum();
        Sum inlet = new Sum();
        for (Meter meter : park.meters().values()) {
            LiveView.MeterLive values = live.get(meter.id().value());
            if (values == null || values.valuesAtMs() == null || meter.counter().role() != CounterDeclaration.Role.MAIN
                    || (meter.kind() != MeterKind.ELECTRICITY && meter.kind() != MeterKind.WATER)) {
                continue;
            }
            if (!LiveFreshness.isFresh(meter, values, nowMs)) {
                // an old value is not the present load: named, not summed
                (meter.isParkLevel() ? parkStale : stale.computeIfAbsent(meter.enterprise().value(), k -> new JsonArray()))
                        .add(meter.id().value());
                continue;
            }
            if (meter.kind() == MeterKind.ELECTRICITY) {
                (meter.isParkLevel() ? incomer : power.computeIfAbsent(meter.enterprise().value(), k -> new Sum())).add(values.powerKw());
            } else if (meter.kind() == MeterKind.WATER) {
                (meter.isParkLevel() ? inlet : water.computeIfAbsent(meter.enterprise().value(), k -> new Sum())).add(values.flowM3h());
            }
        }
        JsonObject panel = new JsonObject().put("park", park.id()).put("at", snapshot == null ? null : snapshot.atMs());
        JsonArray enterprises = new JsonArray();
        Sum totalPower = new Sum();
        Sum totalWater = new Sum();
        for (Enterprise e : park.enterprises().values()) {
            Sum p = power.getOrDefault(e.id().value(), new Sum());
            Sum w = water.getOrDefault(e.id().value(), new Sum());
            totalPower.add(p.value());
            totalWater.add(w.value());
            if (caller.maySee(e.id().value())) {
                JsonArray own = stale.getOrDefault(e.id().value(), new JsonArray());
                parkStale.addAll(own);
                enterprises.add(new JsonObject().put("id", e.id().value()).put("name", e.name()).put("power_kw", p.value())
                        .put("water_flow_m3h", w.value()).put("stale_meters", own));
            }
        }
        panel.put("enterprises", enterprises).put("equipment", equipment(park, live, caller, nowMs));
        if (!caller.isOperator()) {
            return panel;
        }
        JsonArray gateways = new JsonArray();
        for (Gateway g : park.gateways().values()) {
            LiveView.GatewayLive state = snapshot == null ? null : snapshot.gateways().get(g.id().value());
            gateways.add(new JsonObject().put("id", g.id().value()).put("online", state == null ? null : state.online())
                    .put("since", state == null ? null : state.sinceMs()));
        }
        return panel.put("total_power_kw", totalPower.value()).put("water_flow_m3h", totalWater.value())
                .put("incomer_power_kw", incomer.value()).put("inlet_water_flow_m3h", inlet.value())
                .put("gateways", gateways).put("stale_meters", parkStale);
    }

    /** The equipment meters the caller may see, in park-file order, with their state and power ({@code null}: not reported). */
    private static JsonArray equipment(Park park, Map<String, LiveView.MeterLive> live, Caller caller, long nowMs) {
        JsonArray equipment = new JsonArray();
        for (Meter meter : park.meters().values()) {
            if (meter.kind() != MeterKind.EQUIPMENT || !(meter.isParkLevel() ? caller.isOperator() : caller.maySee(meter.enterprise().value()))) {
                continue;
            }
            LiveView.MeterLive known = live.get(meter.id().value());
            // a state or power older than the meter's freshness is not its state now: unknown, with when it was seen
            LiveView.MeterLive values = LiveFreshness.isFresh(meter, known, nowMs) ? known : null;
            JsonObject entry = new JsonObject().put("id", meter.id().value()).put("name", meter.name())
                    .put("last_seen", known == null ? null : known.lastSeenMs())
                    .put("enterprise", meter.isParkLevel() ? null : meter.enterprise().value())
                    .put("state", values == null ? null : values.state()).put("power_kw", values == null ? null : values.powerKw());
            if (values != null && values.stateSinceMs() != null) {
                entry.put("since", values.stateSinceMs());
            }
            equipment.add(entry);
        }
        return equipment;
    }

    /** A sum that stays {@code null} until a value is added. */
    private static final class Sum {
        private Double value;

        void add(Double v) {
            if (v != null) {
                value = value == null ? v : value + v;
            }
        }

        Double value() {
            return value;
        }
    }
}
