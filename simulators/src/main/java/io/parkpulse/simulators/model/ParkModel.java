package io.parkpulse.simulators.model;

import io.parkpulse.park.Park;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole park in motion: its enterprises' production and the readings of every meter in the park
 * file, advanced step by step. Readings are reproducible from the seed: randomness is a pure
 * function of (seed, entity, time) and the model is stepped by one thread in a fixed order, so the
 * same park, seed and steps give the same readings whatever else runs.
 *
 * <p>Use: {@link #build}, {@link #start} once with the warm-up start and the first published
 * instant, then {@link #step} at increasing instants (unpublished warm-up steps first), then
 * {@link #finish}. State is a few numbers per meter (registers, previous values) plus, for NB-IoT
 * meters, two blocks of frozen values; no reading history is kept.
 *
 * <p>Not thread-safe: one thread steps a model.
 */
public final class ParkModel {

    private final Park park;
    private final ModelSettings settings;
    private final List<String> gateways;
    private final EnterpriseModel[] enterprises;
    private final MeterModel[] enterpriseMeters;
    private final MeterModel[] parkMeters;
    private final Map<String, EnterpriseModel> byEnterprise;
    private final ParkLoad parkLoad;
    private final FaultPlan faults;
    private final StepContext context;
    private final boolean hasNbIotMeters;
    private StepTime previous;
    private boolean previousPublished;
    private boolean started;

    ParkModel(Park park, ModelSettings settings, List<String> gateways, EnterpriseModel[] enterprises, MeterModel[] enterpriseMeters,
              MeterModel[] parkMeters, Map<String, EnterpriseModel> byEnterprise, ParkLoad parkLoad, FaultPlan faults,
              boolean hasNbIotMeters) {
        this.park = park;
        this.settings = settings;
        this.gateways = List.copyOf(gateways);
        this.enterprises = enterprises;
        this.enterpriseMeters = enterpriseMeters;
        this.parkMeters = parkMeters;
        this.byEnterprise = byEnterprise;
        this.parkLoad = parkLoad;
        this.faults = faults;
        this.context = new StepContext(faults, SeededNoise.key(settings.seed(), "park:" + park.id()));
        this.hasNbIotMeters = hasNbIotMeters;
    }

    /**
     * Builds the model of a park.
     *
     * @throws IllegalArgumentException when the settings do not fit the park (a leak on a meter that is not a water meter)
     */
    public static ParkModel build(Park park, ModelSettings settings) {
        return new ParkModelBuilder(park, settings).build();
    }

    public Park park() {
        return park;
    }

    public ModelSettings settings() {
        return settings;
    }

    /** Gateway ids; readings name their gateway by its index in this list. */
    public List<String> gateways() {
        return gateways;
    }

    public int meterCount() {
        return enterpriseMeters.length + parkMeters.length;
    }

    /** Decides message-level faults (duplicates, corruption) and records them. */
    public FaultPlan faults() {
        return faults;
    }

    /** The enterprise's efficiency tier (simulator ground truth). */
    public EfficiencyTier tierOf(String enterpriseId) {
        EnterpriseModel e = byEnterprise.get(enterpriseId);
        if (e == null) {
            throw new IllegalArgumentException("no enterprise " + enterpriseId + " in park " + park.id());
        }
        return e.tier;
    }

    /**
     * Where stepping must begin so that the first published instant {@code fromMs} finds complete
     * state: NB-IoT meters need the whole block whose uplink falls after {@code fromMs} (for daily
     * uplinks, the previous local day); parks without them need no warm-up.
     */
    public long warmUpStart(long fromMs) {
        if (!hasNbIotMeters) {
            return fromMs;
        }
        int block = settings.nbIot().blockSeconds();
        StepTime t = StepTime.of(fromMs - block * 1000L / 4, park.timeZone(), settings.calendar());
        long intoBlock = (t.secondOfDay() % block) * 1000L + Math.floorMod(t.epochMs(), 1000);
        return t.epochMs() - intoBlock;
    }

    /**
     * Checks that steps of this length, on the epoch-aligned grid, land on the NB-IoT freeze instants of local time.
     *
     * @throws IllegalArgumentException saying why they do not
     */
    public void checkStep(Duration step) {
        if (step.isNegative() || step.isZero() || step.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the step must be a positive whole number of seconds, got " + step);
        }
        if (!hasNbIotMeters) {
            return;
        }
        long seconds = step.getSeconds();
        int freeze = settings.nbIot().freezeSeconds();
        int offset = park.timeZone().getRules().getOffset(Instant.EPOCH.plus(Duration.ofDays(20_000))).getTotalSeconds();
        if (freeze % seconds != 0 || Math.floorMod(offset, seconds) != 0) {
            throw new IllegalArgumentException("steps of " + step + " do not land on every NB-IoT freeze instant ("
                    + settings.nbIot().freezeInterval() + " of local time in " + park.timeZone()
                    + "); use a step that divides the freeze interval, e.g. PT15M or PT5S");
        }
    }

    /**
     * Sets every register to where it stands at {@code warmStartMs}. Call once, before the first step.
     *
     * @param fromMs the first published instant (rollover meters are placed to wrap soon after it)
     */
    public void start(long warmStartMs, long fromMs) {
        if (started) {
            throw new IllegalStateException("the model of " + park.id() + " was already started");
        }
        started = true;
        RegisterStart registers = new RegisterStart(warmStartMs, fromMs, settings.faults().rolloverShare());
        for (MeterModel m : enterpriseMeters) {
            init(m, registers, warmStartMs);
        }
        for (MeterModel m : parkMeters) {
            init(m, registers, warmStartMs);
        }
    }

    private static void init(MeterModel m, RegisterStart registers, long warmStartMs) {
        m.initialise(registers);
        if (m instanceof MachineModel machine) {
            machine.startScanningAt(warmStartMs);
        }
    }

    /**
     * Advances the whole park to {@code epochMs}.
     *
     * @param publishing false while warming up: no readings, no faults, no output accounting
     * @param out        receives the readings (may be {@code null} when not publishing)
     */
    public void step(long epochMs, boolean publishing, ReadingEmitter out) {
        if (!started) {
            throw new IllegalStateException("start the model of " + park.id() + " before stepping it");
        }
        if (previous != null && epochMs <= previous.epochMs()) {
            throw new IllegalArgumentException("steps must advance: " + Instant.ofEpochMilli(epochMs) + " is not after "
                    + Instant.ofEpochMilli(previous.epochMs()));
        }
        StepTime t = StepTime.of(epochMs, park.timeZone(), settings.calendar());
        double dtHours = previous == null ? 0 : (epochMs - previous.epochMs()) / 3_600_000.0;
        boolean emitting = publishing && out != null;
        faults.setActive(emitting);
        faults.stepGateways(t, dtHours);
        context.begin(t, dtHours, emitting, out);
        StepTime accountedFrom = publishing && previousPublished ? previous : null;
        for (EnterpriseModel e : enterprises) {
            e.compute(t);
            e.account(t, accountedFrom, dtHours, park.id(), settings.outputs());
        }
        for (MeterModel m : enterpriseMeters) {
            m.step(context);
        }
        parkLoad.compute(t, context.leakM3h);
        for (MeterModel m : parkMeters) {
            m.step(context);
        }
        previous = t;
        previousPublished = publishing;
    }

    /** Emits the output of the month in progress (marked incomplete). */
    public void finish() {
        for (EnterpriseModel e : enterprises) {
            e.finish(park.id(), settings.outputs());
        }
    }
}
