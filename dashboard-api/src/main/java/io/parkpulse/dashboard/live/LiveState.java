package io.parkpulse.dashboard.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of each park, merged from the rollup parts every ingest instance publishes (docs/live.md#merging):
 * per meter the newest device time of any reading is when it was last seen, and the live values of the reading with
 * the newest device time that had any win, whichever instance sent them (an equipment's state keeps the time it began
 * while newer readings repeat it); per gateway the status with the newest {@code since}. An older value
 * arriving late (a re-delivered message, an instance's full rollup) never replaces a newer one.
 *
 * <p>Thread-safe: rollups are applied on the MQTT callback thread, snapshots read on event loops. Listeners run on
 * the thread that applied the rollup and must only hand work off.
 */
public final class LiveState implements LiveView {

    private static final Logger LOG = LoggerFactory.getLogger(LiveState.class);

    /** Undoes a {@link #addListener} registration. */
    public interface Registration {
        void cancel();
    }

    private final Map<String, ParkState> parks = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;

    public LiveState() {
        this(System::currentTimeMillis);
    }

    /** @param clock when a rollup counts as arrived (epoch ms) */
    public LiveState(LongSupplier clock) {
        this.clock = clock;
    }

    /** Merges one rollup part; tells the listeners of its park when anything changed. */
    void apply(Rollup rollup) {
        boolean changed = parks.computeIfAbsent(rollup.park(), ParkState::new).merge(rollup, clock.getAsLong());
        if (changed) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(rollup.park());
                } catch (RuntimeException e) {
                    LOG.error("a live listener failed on park {}", rollup.park(), e);
                }
            }
        }
    }

    /** Calls {@code onPark} with the park's id whenever a park's live state changed. */
    public Registration addListener(Consumer<String> onPark) {
        listeners.add(onPark);
        return () -> listeners.remove(onPark);
    }

    @Override
    public Optional<Snapshot> snapshot(String park) {
        ParkState state = parks.get(park);
        return state == null ? Optional.empty() : Optional.of(state.snapshot());
    }

    /** One park's merged state; its own lock, so parks never wait for each other. */
    private static final class ParkState {
        private final String park;
        private final Map<String, MeterLive> meters = new HashMap<>();
        private final Map<String, GatewayLive> gateways = new HashMap<>();
        private long atMs;
        private Snapshot cached;

        ParkState(String park) {
            this.park = park;
        }

        synchronized boolean merge(Rollup rollup, long nowMs) {
            boolean changed = false;
            for (MeterLive m : rollup.meters().values()) {
                MeterLive before = meters.get(m.meter());
                MeterLive after = before == null ? withStateSince(m, null) : merged(before, m);
                if (!after.equals(before)) {
                    meters.put(m.meter(), after);
                    changed = true;
                }
            }
            for (GatewayLive g : rollup.gateways().values()) {
                GatewayLive before = gateways.get(g.gateway());
                if (before == null || g.sinceMs() > before.sinceMs()) {
                    gateways.put(g.gateway(), g);
                    changed = true;
                }
            }
            atMs = nowMs;
            if (changed) {
                cached = null;
            }
            return changed;
        }

        /**
         * The newest of both: last seen at the later of the two times; the live values of the reading with the newer
         * device time (a part that only saw the meter's cumulative register keeps the other part's power).
         */
        private static MeterLive merged(MeterLive before, MeterLive m) {
            long seen = Math.max(before.lastSeenMs(), m.lastSeenMs());
            boolean newerValues = m.valuesAtMs() != null && (before.valuesAtMs() == null || m.valuesAtMs() > before.valuesAtMs());
            MeterLive values = newerValues ? withStateSince(m, before) : before;
            return new MeterLive(m.meter(), seen, values.valuesAtMs(), values.powerKw(), values.flowM3h(), values.state(),
                    values.stateSinceMs());
        }

        /** {@code m} with since when its state holds: kept from before while the state stays the same, else its own time. */
        private static MeterLive withStateSince(MeterLive m, MeterLive before) {
            if (m.state() == null) {
                return m;
            }
            boolean same = before != null && m.state().equals(before.state()) && before.stateSinceMs() != null;
            return new MeterLive(m.meter(), m.lastSeenMs(), m.valuesAtMs(), m.powerKw(), m.flowM3h(), m.state(),
                    same ? before.stateSinceMs() : m.valuesAtMs());
        }

        /** Copied once per change, shared by every reader until the next. */
        synchronized Snapshot snapshot() {
            if (cached == null || cached.atMs() != atMs) {
                cached = new Snapshot(park, atMs, Map.copyOf(meters), Map.copyOf(gateways));
            }
            return cached;
        }
    }
}
