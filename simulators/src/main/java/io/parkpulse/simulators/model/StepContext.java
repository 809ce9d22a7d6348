package io.parkpulse.simulators.model;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;

/**
 * What every meter needs to know during one step, reused from step to step (no allocation).
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
final class StepContext {

    final FaultPlan faults;
    final long parkKey;
    StepTime time;
    /** Hours since the previous step; 0 on the first step. */
    double dtHours;
    /** Whether readings are published (false while warming up). */
    boolean publishing;
    ReadingEmitter out;
    double frequencyHz;
    /** Extra water drawn by leaks behind enterprise meters this step, m³/h, for the park inlet. */
    double leakM3h;

    StepContext(FaultPlan faults, long parkKey) {
        this.faults = faults;
        this.parkKey = parkKey;
    }

    void begin(StepTime time, double dtHours, boolean publishing, ReadingEmitter out) {
        this.time = time;
        this.dtHours = dtHours;
        this.publishing = publishing && out != null;
        this.out = out;
        this.leakM3h = 0;
        this.frequencyHz = Rounding.round(50 + 0.03 * SeededNoise.centred(parkKey, Streams.FREQUENCY, time.epochMs() / 1000), 2);
    }

    /** Sends a reading through its meter's gateway, with the gateway's clock error if it has one. */
    void emit(MeterModel meter, Reading reading) {
        long skew = faults.skewMs(meter.gateway, time.epochMs());
        out.emit(meter.gateway, skew == 0 ? reading : new Reading(reading.meter(), reading.timeMs() + skew, reading.values()));
    }

    void rollover(MeterModel meter, Quantity quantity, double before, double after, double modulus) {
        if (publishing) {
            faults.record(FaultType.ROLLOVER, meter.gateway, meter.meter.id().value(), time.epochMs(), time.epochMs(),
                    FaultEvent.details("quantity", quantity.wireName(), "modulus", modulus, "last_before", before, "first_after", after));
        }
    }
}
