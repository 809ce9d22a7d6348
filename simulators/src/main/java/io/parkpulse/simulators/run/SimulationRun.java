package io.parkpulse.simulators.run;

import io.parkpulse.contract.Limits;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.model.ReadingEmitter;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Drives a park model through time and sends its readings: warms the model up (unpublished) so
 * that the first published step finds complete state, then steps at the pace of the time mode,
 * sending each gateway's readings as messages. While the run is behind the simulated present
 * (a backfill, a realtime run started in the past) messages are filled up across steps, as a
 * gateway replaying its buffer would; once it has caught up, every step's readings go out at once.
 *
 * <p>Not thread-safe; {@link #run} runs on the calling thread. {@link #stop} may be called from any
 * thread (a shutdown hook) and makes {@code run} finish its step, send what it holds and return.
 */
public final class SimulationRun {

    private final ParkModel model;
    private final RunSettings settings;
    private final Pace pace;
    private final MessageSink sink;
    private final RunStats stats;
    private volatile boolean stopRequested;
    private LongConsumer stepListener = nanos -> { };
    private Set<Integer> skippedGateways = Set.of();
    private long skipFromMs = Long.MAX_VALUE;
    private long historyStepMs;
    private long historyUntilMs = Long.MIN_VALUE;
    private java.time.ZoneId historyZone = java.time.ZoneOffset.UTC;
    private Set<Integer> everyStepGateways = Set.of();

    public SimulationRun(ParkModel model, RunSettings settings, Pace pace, MessageSink sink, RunStats stats) {
        this.model = model;
        this.settings = settings;
        this.pace = pace;
        this.sink = sink;
        this.stats = stats;
        model.checkStep(settings.step());
        model.checkStep(settings.catchUpStep());
    }

    /** Receives the wall-clock nanoseconds of each published step (model and message encoding), for measurements. */
    public void onStep(LongConsumer listener) {
        this.stepListener = listener;
    }

    /**
     * Leaves the readings of these gateways (indexes into the model's gateways) out from {@code fromMs} on, because
     * something else — a real gateway reading emulated meters — publishes them then; steps before it are still sent.
     */
    public void skipGateways(Set<Integer> gateways, long fromMs) {
        this.skippedGateways = Set.copyOf(gateways);
        this.skipFromMs = fromMs;
    }

    /**
     * Before {@code untilMs}, sends the readings of wired meters only at instants on a coarser grid — multiples of
     * {@code step} from local midnight in {@code zone} (P1D: one reading a day at midnight) — while the model keeps
     * stepping at the run's interval, so registers are exactly those of a full-rate run. Cumulative registers keep the
     * consumption between two readings exact; only its spread in time is coarser. Gateways listed in
     * {@code everyStep} (NB-IoT platforms, whose meters send frozen hourly values anyway) are not thinned.
     */
    public void thinHistory(java.time.Duration step, long untilMs, java.time.ZoneId zone, Set<Integer> everyStep) {
        this.historyStepMs = step.toMillis();
        this.historyUntilMs = untilMs;
        this.historyZone = zone;
        this.everyStepGateways = Set.copyOf(everyStep);
    }

    private boolean thinned(long t) {
        if (t >= historyUntilMs || historyStepMs <= 0) {
            return false;
        }
        long offsetMs = historyZone.getRules().getOffset(java.time.Instant.ofEpochMilli(t)).getTotalSeconds() * 1000L;
        return Math.floorMod(t + offsetMs, historyStepMs) != 0;
    }

    public void stop() {
        stopRequested = true;
    }

    /** Runs to the end (or until stopped), then closes the sink, which waits for delivery. */
    public void run() {
        long step = settings.step().toMillis();
        long coarse = settings.catchUpStep().toMillis();
        boolean catchingUp = coarse > step && pace.simulatedNow() > settings.fromMs();
        long grid = catchingUp ? coarse : step;
        long from = ceil(settings.fromMs(), grid);
        long warm = Math.min(from, Math.floorDiv(model.warmUpStart(from), grid) * grid);
        MessageAssembler assembler = new MessageAssembler(model.gateways(), settings.readingsPerMessage(), Limits.DEFAULT,
                model.faults(), sink, stats);
        ReadingEmitter withoutSkipped = (gateway, reading) -> {
            if (!skippedGateways.contains(gateway)) {
                assembler.emit(gateway, reading);
            }
        };
        ReadingEmitter everyStepOnly = (gateway, reading) -> {
            if (everyStepGateways.contains(gateway)) {
                assembler.emit(gateway, reading);
            }
        };
        boolean interrupted = false;
        try {
            model.start(warm, from);
            for (long t = warm; t < from; t += grid) {
                model.step(t, false, null);
            }
            long t = from;
            pace.begin();
            while ((settings.toMs() == null || t < settings.toMs()) && !stopRequested) {
                pace.awaitSimulated(t);
                long started = System.nanoTime();
                assembler.at(t);
                model.step(t, true, t >= skipFromMs ? withoutSkipped : thinned(t) ? everyStepOnly : assembler);
                stats.simulatedTime(t);
                long next = t + (catchingUp && t % coarse == 0 && t + coarse <= pace.simulatedNow() ? coarse : step);
                catchingUp &= next - t == coarse;
                if (pace.isAhead(next)) {
                    assembler.flush();
                }
                stepListener.accept(System.nanoTime() - started);
                t = next;
            }
            assembler.flush();
            if (settings.toMs() != null && t == settings.toMs()) {
                // the interval up to the end counts towards output (a month ending at --to is complete); readings at --to are not sent
                model.step(t, true, null);
            }
        } catch (InterruptedException | MessageAssembler.RunInterruptedException e) {
            // stopped hard: what was handed over is still delivered by close(), so the interrupt is restored after it
            interrupted = true;
        } finally {
            model.finish();
            sink.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long ceil(long ms, long grid) {
        return Math.floorDiv(ms + grid - 1, grid) * grid;
    }
}
