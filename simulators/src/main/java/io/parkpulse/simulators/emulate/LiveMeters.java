package io.parkpulse.simulators.emulate;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.MeterValues;
import io.parkpulse.simulators.model.ParkModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated park running at wall-clock time, seen the way a gateway sees real meters: each meter's
 * display shows the latest values its simulated behaviour produced ({@link MeterValues}), and NB-IoT
 * meters hand over their uplinks (a day's frozen values) when the model sends them.
 *
 * <p>The model steps on its own thread every {@code step}; emulator threads read the latest values.
 */
public final class LiveMeters implements MeterValues, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMeters.class);

    private final ParkModel model;
    private final long stepMs;
    private final Set<String> nbIotMeters;
    private final BiConsumer<String, List<Reading>> nbIotUplinks;
    private final Map<String, Map<Quantity, Double>> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-meters");
        t.setDaemon(true);
        return t;
    });
    private long next;

    /**
     * @param nbIotMeters  meters whose readings are uplinks (pushed by {@code nbIotUplinks}) rather than display values
     * @param nbIotUplinks receives each NB-IoT uplink: the meter and its readings, oldest first
     */
    public LiveMeters(ParkModel model, Duration step, Set<String> nbIotMeters, BiConsumer<String, List<Reading>> nbIotUplinks) {
        model.checkStep(step);
        this.model = model;
        this.stepMs = step.toMillis();
        this.nbIotMeters = Set.copyOf(nbIotMeters);
        this.nbIotUplinks = nbIotUplinks;
    }

    /** Warms the model up to now (displays filled), then keeps it stepping with the wall clock. */
    public LiveMeters start() {
        long now = System.currentTimeMillis();
        long from = Math.floorDiv(now, stepMs) * stepMs;
        long warm = Math.min(from - stepMs, Math.floorDiv(model.warmUpStart(from), stepMs) * stepMs);
        model.start(warm, from - stepMs);
        for (long t = warm; t < from - stepMs; t += stepMs) {
            model.step(t, false, null);
        }
        next = from - stepMs;
        return runLive();
    }

    /**
     * Runs the model from {@code fromMs} up to now on a {@code catchUp} grid, then live: the registers then
     * continue from where a simulator run with the same park, seed, {@code --from} and catch-up interval left
     * them, so a gateway taking over a simulated gateway's meters shows no jump. Readings of the catch-up are
     * shown, not uplinked: they are history the simulator already sent.
     */
    public LiveMeters startFrom(long fromMs, Duration catchUp) {
        long coarse = catchUp.toMillis();
        if (coarse % stepMs != 0) {
            throw new IllegalArgumentException("the catch-up interval must be a multiple of the step " + Duration.ofMillis(stepMs));
        }
        long from = Math.floorDiv(fromMs + coarse - 1, coarse) * coarse;
        long warm = Math.min(from, Math.floorDiv(model.warmUpStart(from), coarse) * coarse);
        model.start(warm, from);
        for (long t = warm; t < from; t += coarse) {
            model.step(t, false, null);
        }
        long t = from;
        boolean catchingUp = true;
        long now = System.currentTimeMillis();
        while (t <= now) {
            model.step(t, true, (gateway, reading) -> show(reading));
            long step = catchingUp && t % coarse == 0 && t + coarse <= now ? coarse : stepMs;
            catchingUp &= step == coarse;
            t += step;
            now = System.currentTimeMillis();
        }
        next = t;
        return runLive();
    }

    private LiveMeters runLive() {
        advance();
        clock.scheduleAtFixedRate(this::advance, stepMs - Math.floorMod(System.currentTimeMillis(), stepMs), stepMs,
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Steps up to the wall clock; every reading updates its meter's display, NB-IoT ones are uplinked. */
    private void advance() {
        try {
            long now = System.currentTimeMillis();
            while (next <= now) {
                Map<String, List<Reading>> uplinks = new LinkedHashMap<>();
                model.step(next, true, (gateway, reading) -> {
                    if (nbIotMeters.contains(reading.meter())) {
                        uplinks.computeIfAbsent(reading.meter(), m -> new ArrayList<>()).add(reading);
                    }
                    show(reading);
                });
                uplinks.forEach((meter, readings) -> {
                    try {
                        nbIotUplinks.accept(meter, List.copyOf(readings));
                    } catch (RuntimeException e) {
                        LOG.warn("NB-IoT uplink of {} failed: {}", meter, e.toString());
                    }
                });
                next += stepMs;
            }
        } catch (RuntimeException e) {
            LOG.error("the simulated park failed to advance", e);
        }
    }

    /** Sets a meter's display directly; for tests that want exact values. */
    public void show(Reading reading) {
        Map<Quantity, Double> display = latest.computeIfAbsent(reading.meter(), m -> new ConcurrentHashMap<>());
        for (Value v : reading.values()) {
            if (v.quantity().isNumeric()) {
                display.put(v.quantity(), v.number());
            }
        }
    }

    @Override
    public OptionalDouble latest(String meter, Quantity quantity) {
        Map<Quantity, Double> display = latest.get(meter);
        Double value = display == null ? null : display.get(quantity);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
