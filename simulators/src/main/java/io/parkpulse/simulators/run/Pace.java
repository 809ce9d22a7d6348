package io.parkpulse.simulators.run;

/**
 * Where simulated time stands on the wall clock, and waiting for it.
 *
 * <p>Thread-safe. An accelerated clock starts at {@link #begin()}, when stepping starts, so that
 * connecting to the broker does not count as simulated time.
 */
public final class Pace {

    private final TimeMode mode;
    private final double speed;
    private final long startSimulatedMs;
    private volatile long startWallMs = -1;

    private Pace(TimeMode mode, double speed, long startSimulatedMs) {
        this.mode = mode;
        this.speed = speed;
        this.startSimulatedMs = startSimulatedMs;
    }

    /** Starts an accelerated clock (once); no effect on the others. */
    public void begin() {
        if (startWallMs < 0) {
            startWallMs = System.currentTimeMillis();
        }
    }

    public static Pace realtime() {
        return new Pace(TimeMode.REALTIME, 1, 0);
    }

    /** Simulated time starts at {@code fromMs} now and runs {@code speed} times faster than the wall clock. */
    public static Pace accelerated(long fromMs, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        return new Pace(TimeMode.ACCELERATED, speed, fromMs);
    }

    public static Pace backfill() {
        return new Pace(TimeMode.BACKFILL, Double.POSITIVE_INFINITY, 0);
    }

    public TimeMode mode() {
        return mode;
    }

    /** The simulated present; for a backfill, the end of time. */
    public long simulatedNow() {
        return switch (mode) {
            case REALTIME -> System.currentTimeMillis();
            case ACCELERATED -> startWallMs < 0 ? startSimulatedMs
                    : startSimulatedMs + (long) ((System.currentTimeMillis() - startWallMs) * speed);
            case BACKFILL -> Long.MAX_VALUE;
        };
    }

    /** Whether simulated time {@code ms} is still ahead, i.e. stepping to it would wait. */
    public boolean isAhead(long ms) {
        return ms > simulatedNow();
    }

    /** Sleeps until simulated time reaches {@code ms}. */
    public void awaitSimulated(long ms) throws InterruptedException {
        while (true) {
            long ahead = ms - simulatedNow();
            if (ahead <= 0) {
                return;
            }
            Thread.sleep(Math.max(1, Math.min(1_000, (long) Math.ceil(ahead / speed))));
        }
    }
}
