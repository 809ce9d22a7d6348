package io.parkpulse.dashboard.live;

import java.util.Map;
import java.util.Optional;

/**
 * The latest live state of each park, merged from the rollups every ingest instance publishes
 * (docs/live.md). What the live panels and the live alarms read.
 */
public interface LiveView {

    /** The park's state now; empty when no rollup of it has arrived yet. */
    Optional<Snapshot> snapshot(String park);

    /**
     * One park at one moment.
     *
     * @param atMs     when the newest rollup part arrived
     * @param meters   latest values per meter id
     * @param gateways connection state per gateway id
     */
    record Snapshot(String park, long atMs, Map<String, MeterLive> meters, Map<String, GatewayLive> gateways) {
    }

    /**
     * A meter's latest live values, and when it was last heard from.
     *
     * @param lastSeenMs   device time of its newest reading of any kind (cumulative registers too): how silent it is
     * @param valuesAtMs   device time of the reading its live values come from, null while it sent none (a meter
     *                     that reports only cumulative registers)
     * @param powerKw      latest active power (primary side, kW), null if it reports none
     * @param flowM3h      latest flow (m³/h), null if it reports none
     * @param state        latest equipment state ({@code running}, {@code idle}, {@code fault}, {@code off}), null if
     *                     its newest reading had none
     * @param stateSinceMs device time of the first reading in that state this dashboard merged (after a restart: the
     *                     first it saw), null while the state is unknown
     */
    record MeterLive(String meter, long lastSeenMs, Long valuesAtMs, Double powerKw, Double flowM3h, String state,
                     Long stateSinceMs) {

        /** Values as one reading with live values gives them: since when its state holds is only known once merged. */
        public MeterLive(String meter, long lastSeenMs, Double powerKw, Double flowM3h, String state) {
            this(meter, lastSeenMs, lastSeenMs, powerKw, flowM3h, state, null);
        }

        /** Whether its live values are no older than {@code maxAgeMs} at {@code nowMs}: judged, summed, shown as now. */
        public boolean isFresh(long nowMs, long maxAgeMs) {
            return valuesAtMs != null && nowMs - valuesAtMs <= maxAgeMs;
        }
    }

    /** A gateway's state and since when. */
    record GatewayLive(String gateway, boolean online, long sinceMs) {
    }
}
