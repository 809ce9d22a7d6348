package io.parkpulse.simulators.model;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import java.util.ArrayList;
import java.util.List;

/**
 * A production machine with its controller: running whenever its enterprise produces, idle between
 * shifts, off on days its enterprise does not work, and now and then in fault (breakdowns start at
 * hour boundaries as a Poisson process, repair times are exponential). It carries a fixed share of
 * its enterprise's production; a machine in fault produces nothing, and the enterprise's variable
 * energy follows actual production, so energy per output stays consistent. Its counter and run
 * hours advance by the trapezoidal integral of its production and running state.
 */
final class MachineModel extends MeterModel {

    private static final long HOUR_MS = 3_600_000;
    private static final long LONGEST_FAULT_MS = 48 * HOUR_MS;
    private static final Quantity[] REGISTERS = {Quantity.OUTPUT_COUNT, Quantity.RUN_HOURS};
    private static final Quantity[] NONE = {};

    private final double share;
    private final double ceilingRate;
    private final double idleKw;
    private final double kwPerUnit;
    private final double faultChancePerHour;
    private final double meanFaultMs;
    private Register[] registers = {};
    private long scannedHour;
    private long faultUntil = Long.MIN_VALUE;
    private EquipmentState state = EquipmentState.IDLE;
    private double rate;
    private double previousRate = Double.NaN;
    private double previousRunning;

    /**
     * @param share       this machine's share of its enterprise's production
     * @param ceilingRate most units per hour it can make
     * @param idleKw      what it draws when idle
     * @param kwPerUnit   what it draws per unit per hour when running (its part of the variable energy)
     */
    MachineModel(Meter meter, long key, int gateway, double share, double ceilingRate, double idleKw, double kwPerUnit,
                 double faultChancePerHour, double meanFaultMs) {
        super(meter, key, gateway);
        this.share = share;
        this.ceilingRate = ceilingRate;
        this.idleKw = idleKw;
        this.kwPerUnit = kwPerUnit;
        this.faultChancePerHour = faultChancePerHour;
        this.meanFaultMs = meanFaultMs;
    }

    @Override
    void initialise(RegisterStart start) {
        if (meter.metering() == Metering.CUMULATIVE) {
            registers = new Register[] {start.create(key, 0, Register.NINE_DIGITS, 0, ceilingRate / meter.multiplier()),
                                        start.create(key, 1, Register.SIX_DIGITS, 2, 1.0)};
        }
    }

    /** Breakdowns are looked back over the longest repair time, so the state does not depend on when the run started. */
    void startScanningAt(long warmStartMs) {
        scannedHour = Math.floorDiv(warmStartMs, HOUR_MS) - LONGEST_FAULT_MS / HOUR_MS;
    }

    @Override
    Register[] registers() {
        return registers;
    }

    @Override
    Quantity[] registerQuantities() {
        return registers.length == 0 ? NONE : REGISTERS;
    }

    /**
     * Sets this step's state and production.
     *
     * @param target     what the enterprise would produce now with every machine running, units per hour
     * @param worksToday whether the enterprise works at all today
     * @param activity   the enterprise's shift activity now
     * @return what this machine produces now, units per hour
     */
    double decide(StepTime time, double target, boolean worksToday, double activity) {
        long hour = Math.floorDiv(time.epochMs(), HOUR_MS);
        while (scannedHour < hour) {
            scannedHour++;
            if (SeededNoise.uniform(key, Streams.MACHINE_FAULT, scannedHour) < faultChancePerHour) {
                long length = Math.min(LONGEST_FAULT_MS,
                        Math.max(60_000, (long) SeededNoise.exponential(key, Streams.MACHINE_FAULT_LENGTH, scannedHour, meanFaultMs)));
                faultUntil = Math.max(faultUntil, scannedHour * HOUR_MS + length);
            }
        }
        if (time.epochMs() < faultUntil) {
            state = EquipmentState.FAULT;
            rate = 0;
        } else if (activity > 0) {
            state = EquipmentState.RUNNING;
            rate = share * target;
        } else {
            state = worksToday ? EquipmentState.IDLE : EquipmentState.OFF;
            rate = 0;
        }
        return rate;
    }

    @Override
    void step(StepContext ctx) {
        double running = state == EquipmentState.RUNNING ? 1 : 0;
        if (registers.length > 0 && !Double.isNaN(previousRate) && ctx.dtHours > 0) {
            advance(ctx, 0, (previousRate + rate) / 2 * ctx.dtHours / meter.multiplier());
            advance(ctx, 1, (previousRunning + running) / 2 * ctx.dtHours);
        }
        previousRate = rate;
        previousRunning = running;
        replaceIfDue(ctx);
        if (!speaks(ctx)) {
            return;
        }
        long second = ctx.time.epochMs() / 1000;
        double noise = SeededNoise.centred(key, Streams.TEMPERATURE, second);
        double kw;
        double celsius;
        switch (state) {
            case RUNNING -> {
                kw = idleKw + kwPerUnit * rate;
                celsius = 55 + 5 * noise;
            }
            case IDLE -> {
                kw = idleKw;
                celsius = 35 + 2 * noise;
            }
            case FAULT -> {
                kw = idleKw * 0.5;
                celsius = 40 + 8 * noise;
            }
            default -> {
                kw = 0;
                celsius = 22 + 2 * noise;
            }
        }
        List<Value> values = new ArrayList<>(5);
        values.add(Value.of(state));
        if (registers.length > 0) {
            values.add(Value.of(Quantity.RUN_HOURS, registers[1].reading()));
            values.add(Value.of(Quantity.OUTPUT_COUNT, registers[0].reading()));
        }
        values.add(Value.of(Quantity.POWER_KW, Rounding.round(kw, 2)));
        values.add(Value.of(Quantity.TEMPERATURE_C, Rounding.round(celsius, 1)));
        ctx.emit(this, new Reading(meter.id().value(), ctx.time.epochMs(), values));
    }
}
