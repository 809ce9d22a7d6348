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
import java.util.List;
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
 * Every figure says how old it is: a sum carries the device time of its oldest value ({@code power_at},
 * {@code water_at}, {@code total_power_at}, {@code water_flow_at}), each billing meter and equipment its own
 * {@code values_at} and {@code last_seen} with the age it may reach ({@code max_age_ms}) and whether it is past it
 * ({@code stale}), each gateway when its meters were last heard from; {@code now} is the server's clock they are
 * judged against, {@code time_zone} the park's.
 *
 * <p>Each equipment meter is listed with its state and power. Scoped by who asks: an operator sees everything; an
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
        Map<String, JsonArray> meters = new HashMap<>();
        JsonArray parkStale = new JsonArray();
        Sum incomer = new Sum();
        Sum inlet = new Sum();
        for (Meter meter : park.meters().values()) {
            if (meter.kind() != MeterKind.ELECTRICITY && meter.kind() != MeterKind.WATER) {
                continue;
            }
            LiveView.MeterLive values = live.get(meter.id().value());
            if (!meter.isParkLevel()) {
                meters.computeIfAbsent(meter.enterprise().value(), k -> new JsonArray()).add(meterEntry(park, meter, values, nowMs));
            }
            if (values == null || values.valuesAtMs() == null || meter.counter().role() != CounterDeclaration.Role.MAIN) {
                continue;
            }
            if (!LiveFreshness.isFresh(meter, values, nowMs)) {
                // an old value is not the present load: not summed, and named when it is older than the meter's gateway
                // delivers in normal work (a daily NB-IoT push is hours old by design, not stale)
                if (!LiveFreshness.isOverdue(meter, park.gateways().get(meter.gateway()), values, nowMs)) {
                    continue;
                }
                (meter.isParkLevel() ? parkStale : stale.computeIfAbsent(meter.enterprise().value(), k -> new JsonArray()))
                        .add(meter.id().value());
                continue;
            }
            if (meter.kind() == MeterKind.ELECTRICITY) {
                (meter.isParkLevel() ? incomer : power.computeIfAbsent(meter.enterprise().value(), k -> new Sum()))
                        .add(values.powerKw(), values.valuesAtMs());
            } else {
                (meter.isParkLevel() ? inlet : water.computeIfAbsent(meter.enterprise().value(), k -> new Sum()))
                        .add(values.flowM3h(), values.valuesAtMs());
            }
        }
        JsonObject panel = new JsonObject().put("park", park.id()).put("time_zone", park.timeZone().getId())
                .put("now", nowMs).put("at", snapshot == null ? null : snapshot.atMs());
        JsonArray enterprises = new JsonArray();
        Sum totalPower = new Sum();
        Sum totalWater = new Sum();
        for (Enterprise e : park.enterprises().values()) {
            Sum p = power.getOrDefault(e.id().value(), new Sum());
            Sum w = water.getOrDefault(e.id().value(), new Sum());
            totalPower.add(p);
            totalWater.add(w);
            if (caller.maySee(e.id().value())) {
                JsonArray own = stale.getOrDefault(e.id().value(), new JsonArray());
                parkStale.addAll(own);
                enterprises.add(new JsonObject().put("id", e.id().value()).put("name", e.name())
                        .put("power_kw", p.value()).put("power_at", p.oldestAtMs())
                        .put("water_flow_m3h", w.value()).put("water_at", w.oldestAtMs())
                        .put("stale_meters", own).put("meters", meters.getOrDefault(e.id().value(), new JsonArray())));
            }
        }
        panel.put("enterprises", enterprises).put("equipment", equipment(park, live, caller, nowMs));
        if (!caller.isOperator()) {
            return panel;
        }
        JsonArray gateways = new JsonArray();
        for (Gateway g : park.gateways().values()) {
            LiveView.GatewayLive state = snapshot == null ? null : snapshot.gateways().get(g.id().value());
            gateways.add(gatewayEntry(park, g, state, live, nowMs));
        }
        return panel.put("total_power_kw", totalPower.value()).put("total_power_at", totalPower.oldestAtMs())
                .put("water_flow_m3h", totalWater.value()).put("water_flow_at", totalWater.oldestAtMs())
                .put("incomer_power_kw", incomer.value()).put("inlet_water_flow_m3h", inlet.value())
                .put("gateways", gateways).put("stale_meters", parkStale);
    }

    /** An enterprise's electricity or water meter: its live value while fresh, and how old what it sent is. */
    private static JsonObject meterEntry(Park park, Meter meter, LiveView.MeterLive values, long nowMs) {
        // shown while not overdue, with its age: a daily NB-IoT push's last flow is worth seeing, marked by its time
        boolean fresh = values != null && !LiveFreshness.isOverdue(meter, park.gateways().get(meter.gateway()), values, nowMs);
        JsonObject entry = new JsonObject().put("id", meter.id().value()).put("name", meter.name())
                .put("kind", meter.kind() == MeterKind.ELECTRICITY ? "electricity" : "water")
                .put("role", meter.counter().role() == CounterDeclaration.Role.MAIN ? "main" : "sub");
        if (meter.kind() == MeterKind.ELECTRICITY) {
            entry.put("power_kw", fresh ? values.powerKw() : null);
        } else {
            entry.put("flow_m3h", fresh ? values.flowM3h() : null);
        }
        return withAge(entry, park, meter, values, nowMs);
    }

    /** {@code values_at}, {@code last_seen} ({@code null} until heard), {@code max_age_ms} and {@code stale}. */
    private static JsonObject withAge(JsonObject entry, Park park, Meter meter, LiveView.MeterLive known, long nowMs) {
        Gateway gateway = park.gateways().get(meter.gateway());
        Long valuesAt = known == null ? null : known.valuesAtMs();
        return entry.put("values_at", valuesAt).put("last_seen", known == null ? null : known.lastSeenMs())
                .put("max_age_ms", LiveFreshness.overdueAfterMs(meter, gateway))
                .put("stale", LiveFreshness.isOverdue(meter, gateway, known, nowMs));
    }

    /**
     * A gateway: its connection state and since when, when any of its meters was last heard from, and whether that is
     * longer ago than {@link LiveFreshness#maxAgeMs(Gateway, List)} (online but delivering nothing).
     */
    private static JsonObject gatewayEntry(Park park, Gateway g, LiveView.GatewayLive state, Map<String, LiveView.MeterLive> live,
                                           long nowMs) {
        List<Meter> its = park.meters().values().stream().filter(m -> m.gateway().equals(g.id())).toList();
        Long lastSeen = null;
        for (Meter m : its) {
            LiveView.MeterLive known = live.get(m.id().value());
            if (known != null && (lastSeen == null || known.lastSeenMs() > lastSeen)) {
                lastSeen = known.lastSeenMs();
            }
        }
        long maxAge = LiveFreshness.maxAgeMs(g, its);
        return new JsonObject().put("id", g.id().value()).put("name", g.name())
                .put("online", state == null ? null : state.online()).put("since", state == null ? null : state.sinceMs())
                .put("last_seen", lastSeen).put("max_age_ms", maxAge)
                .put("stale", lastSeen != null && nowMs - lastSeen > maxAge);
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
                    .put("enterprise", meter.isParkLevel() ? null : meter.enterprise().value())
                    .put("state", values == null ? null : values.state()).put("power_kw", values == null ? null : values.powerKw());
            withAge(entry, park, meter, known, nowMs);
            if (values != null && values.stateSinceMs() != null) {
                entry.put("since", values.stateSinceMs());
            }
            equipment.add(entry);
        }
        return equipment;
    }

    /** A sum that stays {@code null} until a value is added, and the device time of its oldest value. */
    private static final class Sum {
        private Double value;
        private Long oldestAtMs;

        void add(Double v, long atMs) {
            if (v != null) {
                value = value == null ? v : value + v;
                oldestAtMs = oldestAtMs == null ? atMs : Math.min(oldestAtMs, atMs);
            }
        }

        void add(Sum other) {
            if (other.value != null) {
                add(other.value, other.oldestAtMs);
            }
        }

        Double value() {
            return value;
        }

        Long oldestAtMs() {
            return oldestAtMs;
        }
    }
}
