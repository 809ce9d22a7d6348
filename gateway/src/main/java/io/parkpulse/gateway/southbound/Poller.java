package io.parkpulse.gateway.southbound;

import io.parkpulse.contract.Reading;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.Protocol;
import io.parkpulse.gateway.status.GatewayMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the polled devices on their intervals and hands each cycle's readings over as one batch.
 *
 * <p>Cycles start on wall-clock multiples of the interval (a 15-minute poll reads at :00, :15, :30, :45),
 * so readings of different meters line up. Devices behind one TCP endpoint share a bus and are read one
 * after the other under that bus's lock; different buses are read in parallel on a small pool. A reading
 * carries the time its device answered. When the buffer is nearly full the poller stops reading points
 * below the importance {@code minimumImportance} gives (store-and-forward's shedding policy).
 */
public final class Poller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final int MAX_BUS_THREADS = 4;

    private final Map<Duration, List<DeviceConfig>> byInterval = new LinkedHashMap<>();
    private final Map<String, ReentrantLock> busLocks = new HashMap<>();
    private final Map<String, PolledDevice> devices = new LinkedHashMap<>();
    private final Function<DeviceConfig, DeviceReader> readers;
    private final Consumer<List<Reading>> cycleReadings;
    private final Supplier<Importance> minimumImportance;
    private final GatewayMetrics metrics;
    private final ScheduledExecutorService clock;
    private final ExecutorService buses;
    private volatile boolean closed;

    /**
     * @param configured        every device; NB-IoT ones are skipped (they push)
     * @param readers           opens a reader for a device (its points possibly filtered by importance)
     * @param cycleReadings     receives each cycle's readings, on the poller's thread
     * @param minimumImportance the least important points still to read now
     */
    public Poller(List<DeviceConfig> configured, Function<DeviceConfig, DeviceReader> readers,
                  Consumer<List<Reading>> cycleReadings, Supplier<Importance> minimumImportance, GatewayMetrics metrics) {
        this.readers = readers;
        this.cycleReadings = cycleReadings;
        this.minimumImportance = minimumImportance;
        this.metrics = metrics;
        for (DeviceConfig d : configured) {
            if (d.protocol() == Protocol.NBIOT) {
                continue;
            }
            byInterval.computeIfAbsent(d.interval(), i -> new ArrayList<>()).add(d);
            busLocks.computeIfAbsent(d.endpoint().toString(), b -> new ReentrantLock(true));
            devices.put(d.meter(), new PolledDevice(d));
        }
        long busCount = busLocks.size();
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("poll-clock"));
        this.buses = Executors.newFixedThreadPool((int) Math.max(1, Math.min(MAX_BUS_THREADS, busCount)), daemon("poll-bus"));
    }

    /** Schedules every interval group's cycles, the first at the next multiple of its interval. */
    public void start() {
        for (Map.Entry<Duration, List<DeviceConfig>> group : byInterval.entrySet()) {
            long interval = group.getKey().toMillis();
            long now = System.currentTimeMillis();
            long firstDelay = interval - Math.floorMod(now, interval);
            clock.scheduleAtFixedRate(() -> cycle(group.getValue()), firstDelay, interval, TimeUnit.MILLISECONDS);
            LOG.info("polling {} device(s) every {}, first cycle in {} ms", group.getValue().size(), group.getKey(), firstDelay);
        }
    }

    /** Reads {@code group} once and hands over what it gave. Public so tests and the benchmark can drive cycles. */
    public void cycle(List<DeviceConfig> group) {
        if (closed) {
            return;
        }
        Importance minimum = minimumImportance.get();
        Map<String, List<DeviceConfig>> byBus = new LinkedHashMap<>();
        for (DeviceConfig d : group) {
            byBus.computeIfAbsent(d.endpoint().toString(), b -> new ArrayList<>()).add(d);
        }
        List<Future<List<Reading>>> results = new ArrayList<>();
        for (Map.Entry<String, List<DeviceConfig>> bus : byBus.entrySet()) {
            results.add(buses.submit(() -> readBus(bus.getKey(), bus.getValue(), minimum)));
        }
        List<Reading> readings = new ArrayList<>();
        for (Future<List<Reading>> result : results) {
            try {
                readings.addAll(result.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("a bus read failed unexpectedly", e.getCause());
            }
        }
        if (!readings.isEmpty()) {
            try {
                cycleReadings.accept(Collections.unmodifiableList(readings));
            } catch (RuntimeException e) {
                LOG.error("could not hand over {} readings", readings.size(), e);
            }
        }
    }

    /** Every device of this poller, grouped by interval, for {@link #cycle}. */
    public List<List<DeviceConfig>> groups() {
        return List.copyOf(byInterval.values());
    }

    private List<Reading> readBus(String bus, List<DeviceConfig> group, Importance minimum) {
        List<Reading> readings = new ArrayList<>();
        ReentrantLock lock = busLocks.get(bus);
        lock.lock();
        try {
            for (DeviceConfig d : group) {
                if (closed) {
                    break;
                }
                Reading r = devices.get(d.meter()).read(minimum);
                if (r != null) {
                    readings.add(r);
                }
            }
        } finally {
            lock.unlock();
        }
        return readings;
    }

    /** A device with its open reader, rebuilt when the shedding level changes which points it reads. */
    private final class PolledDevice {
        private final DeviceConfig config;
        private DeviceReader reader;
        private Importance readerLevel;

        PolledDevice(DeviceConfig config) {
            this.config = config;
        }

        Reading read(Importance minimum) {
            DeviceConfig kept = config.keepingAtLeast(minimum);
            int shed = config.settings().points().size() - kept.settings().points().size();
            if (readerLevel != minimum) {
                closeReader();
                readerLevel = minimum;
                if (shed > 0) {
                    LOG.warn("{}: buffer nearly full, not reading {} point(s) below {} importance", config.meter(), shed, minimum);
                }
            }
            if (shed > 0) {
                metrics.shed(shed);
            }
            if (kept.settings().points().isEmpty()) {
                return null;
            }
            if (reader == null) {
                try {
                    reader = readers.apply(kept);
                } catch (RuntimeException e) {
                    // a device that cannot even be set up must not stop the other devices on its bus
                    metrics.readFailed(config.meter(), System.currentTimeMillis(), "cannot set up the reader: " + e.getMessage());
                    return null;
                }
            }
            try {
                Readout readout = reader.read();
                long at = System.currentTimeMillis();
                metrics.readSucceeded(config.meter(), at, readout.values().size(), readout.problems());
                if (!readout.problems().isEmpty()) {
                    LOG.debug("{}: {}", config.meter(), readout.problems());
                }
                return readout.values().isEmpty() ? null : new Reading(config.meter(), at, readout.values());
            } catch (IOException | RuntimeException e) {
                metrics.readFailed(config.meter(), System.currentTimeMillis(), String.valueOf(e.getMessage()));
                LOG.debug("{} at {}: {}", config.meter(), config.endpoint(), e.toString());
                closeReader();
                return null;
            }
        }

        void closeReader() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing reader of {}: {}", config.meter(), e.toString());
                }
                reader = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        clock.shutdownNow();
        buses.shutdown();
        try {
            buses.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        buses.shutdownNow();
        for (PolledDevice d : devices.values()) {
            d.closeReader();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
