package io.parkpulse.dashboard.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Rollups arrive on a broker topic anyone with publish rights can write to, so their times are not trusted beyond
 * {@code maxClockSkew} ahead of this service's clock (docs/live.md#clock-skew): a meter entry or gateway status dated
 * later is dropped, counted and logged, never merged — else it would stand as "latest" until its time passed and hide
 * every real value before it.
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
    private final long maxSkewMs;
    private final AtomicLong futureDropped = new AtomicLong();

    public LiveState() {
        this(System::currentTimeMillis);
    }

    /** @param clock when a rollup counts as arrived (epoch ms) */
    public LiveState(LongSupplier clock) {
        this(clock, LiveSettings.DEFAULT_MAX_CLOCK_SKEW);
    }

    /**
     * @param clock        when a rollup counts as arrived (epoch ms)
     * @param maxClockSkew how far ahead of {@code clock} a rollup's times may be before they are dropped
     */
    public LiveState(LongSupplier clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxSkewMs = maxClockSkew.toMillis();
    }

    /** Merges one rollup part; tells the listeners of its park when anything changed. */
    void apply(Rollup rollup) {
        long now = clock.getAsLong();
        Rollup trusted = withoutFutureTimes(rollup, now);
        if (trusted != rollup && trusted.meters().isEmpty() && trusted.gateways().isEmpty()) {
            return; // nothing left of it: not even the park's "latest part arrived" time moves
        }
        boolean changed = parks.computeIfAbsent(rollup.park(), ParkState::new).merge(trusted, now);
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

    /** How many meter entries and gateway statuses were dropped for times too far ahead of this service's clock. */
    public long futureDropped() {
        return futureDropped.get();
    }

    /** The rollup without the entries dated more than the allowed skew after {@code nowMs}. */
    private Rollup withoutFutureTimes(Rollup rollup, long nowMs) {
        long latest = nowMs + maxSkewMs;
        Map<String, MeterLive> meters = new LinkedHashMap<>();
        for (MeterLive m : rollup.meters().values()) {
            long t = Math.max(m.lastSeenMs(), m.valuesAtMs() == null ? Long.MIN_VALUE : m.valuesAtMs());
            if (t > latest) {
                dropped(rollup, "meter " + m.meter(), t, nowMs);
            } else {
                meters.put(m.meter(), m);
            }
        }
        Map<String, GatewayLive> gateways = new LinkedHashMap<>();
        for (GatewayLive g : rollup.gateways().values()) {
            if (g.sinceMs() > latest) {
                dropped(rollup, "gateway " + g.gateway(), g.sinceMs(), nowMs);
            } else {
                gateways.put(g.gateway(), g);
            }
        }
        if (meters.size() == rollup.meters().size() && gateways.size() == rollup.gateways().size()) {
            return rollup;
        }
        return new Rollup(rollup.park(), rollup.source(), rollup.atMs(), meters, gateways);
    }

    private void dropped(Rollup rollup, String what, long atMs, long nowMs) {
        long n = futureDropped.incrementAndGet();
        // the first few in full, then a sample: a flood of forgeries must not flood the log too
        if (n <= 20 || n % 1000 == 0) {
            LOG.warn("live rollups: dropped park {} {} from source {}: its time {} is {} s ahead of this clock (more than {} s allowed); "
                            + "{} dropped so far", rollup.park(), what, rollup.source(), Instant.ofEpochMilli(atMs),
                    (atMs - nowMs) / 1000, maxSkewMs / 1000, n);
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
