package io.parkpulse.simulators.model;

import io.parkpulse.contract.Quantity;
import io.parkpulse.park.Meter;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulated meter: keeps its registers, advances them each step from the quantity it measures,
 * and emits what a real meter of its kind would report. Subclasses know their physics; this class
 * handles what all meters share: silent periods and meter exchanges.
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
abstract class MeterModel {

    final Meter meter;
    final long key;
    final int gateway;
    private long silentUntil = Long.MIN_VALUE;

    MeterModel(Meter meter, long key, int gateway) {
        this.meter = meter;
        this.key = key;
        this.gateway = gateway;
    }

    /** Creates the registers with their values at the start of the simulation. */
    abstract void initialise(RegisterStart start);

    /** Advances to {@code ctx.time} and emits this step's readings, if any. */
    abstract void step(StepContext ctx);

    /** The cumulative registers, in a fixed order (empty for transducers). */
    abstract Register[] registers();

    /** The quantity each register reports, aligned with {@link #registers()}. */
    abstract Quantity[] registerQuantities();

    /**
     * Whether the meter reports at this step: false while warming up and during a silent period.
     * Call exactly once per step: it also decides whether a silent period starts now.
     */
    final boolean speaks(StepContext ctx) {
        if (!ctx.publishing) {
            return false;
        }
        long now = ctx.time.epochMs();
        if (now < silentUntil) {
            return false;
        }
        long end = ctx.faults.gapStarting(key, ctx.time, ctx.dtHours);
        if (end > now) {
            silentUntil = end;
            ctx.faults.record(FaultType.GAP, gateway, meter.id().value(), now, end,
                    FaultEvent.details("planned_hours", Rounding.round((end - now) / 3_600_000.0, 3)));
            return false;
        }
        return true;
    }

    /** Exchanges the meter if a replacement falls on this step: its registers restart near zero. */
    final void replaceIfDue(StepContext ctx) {
        Register[] registers = registers();
        if (registers.length == 0 || !ctx.faults.replacementNow(key, ctx.time, ctx.dtHours)) {
            return;
        }
        Quantity[] quantities = registerQuantities();
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < registers.length; i++) {
            double old = registers[i].reading();
            double fresh = Math.min(registers[i].modulus() / 2, ctx.faults.newRegisterStart(key, i, ctx.time.epochMs()));
            if (quantities[i] == Quantity.OUTPUT_COUNT) {
                fresh = Math.floor(fresh);
            }
            registers[i].reset(fresh);
            details.put(quantities[i].wireName(), FaultEvent.details("old_final", old, "new_start", registers[i].reading()));
        }
        ctx.faults.record(FaultType.METER_REPLACEMENT, gateway, meter.id().value(), ctx.time.epochMs(), ctx.time.epochMs(),
                FaultEvent.details("registers", details));
    }

    /** Advances register {@code i} and records a rollover if it wrapped. */
    final void advance(StepContext ctx, int i, double amount) {
        Register r = registers()[i];
        double before = r.reading();
        if (r.advance(amount)) {
            ctx.rollover(this, registerQuantities()[i], before, r.reading(), r.modulus());
        }
    }
}
