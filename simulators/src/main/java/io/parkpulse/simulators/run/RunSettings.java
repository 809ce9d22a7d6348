package io.parkpulse.simulators.run;

import io.parkpulse.contract.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * What a run covers and how it steps.
 *
 * @param fromMs             first published instant (rounded up to the step grid)
 * @param toMs               end, exclusive; {@code null} runs until stopped
 * @param step               time between readings of a meter
 * @param catchUpStep        step used while the run is behind the simulated present (a realtime run started in the past);
 *                           a multiple of {@code step}
 * @param readingsPerMessage most readings per message (≤ 1000, the contract's limit)
 */
public record RunSettings(long fromMs, Long toMs, Duration step, Duration catchUpStep, int readingsPerMessage) {

    public RunSettings {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(catchUpStep, "catchUpStep");
        if (step.isNegative() || step.isZero() || step.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the interval must be a positive whole number of seconds, got " + step);
        }
        if (catchUpStep.toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException("the catch-up interval " + catchUpStep + " must be a multiple of the interval " + step);
        }
        int most = Limits.DEFAULT.maxReadingsPerMessage();
        if (readingsPerMessage < 1 || readingsPerMessage > most) {
            throw new IllegalArgumentException("readings per message must be 1.." + most + " (the contract's limit), got "
                    + readingsPerMessage);
        }
        if (toMs != null && toMs <= fromMs) {
            throw new IllegalArgumentException("the end must be after the start");
        }
    }

    public static RunSettings between(long fromMs, long toMs, Duration step, int readingsPerMessage) {
        return new RunSettings(fromMs, toMs, step, step, readingsPerMessage);
    }
}
