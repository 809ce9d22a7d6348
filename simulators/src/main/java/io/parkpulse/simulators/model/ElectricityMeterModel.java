package io.parkpulse.simulators.model;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * An electricity meter on its CT/PT: its energy register advances by the trapezoidal integral of
 * the primary power between consecutive steps, divided by CT×PT, so that
 * Δregister × CT × PT = (P_prev + P_now) / 2 × Δt up to the register's two decimals. Everything is
 * reported on the secondary side: power ÷ CT×PT, current ÷ CT, voltage ÷ PT.
 */
final class ElectricityMeterModel extends MeterModel {

    private static final Quantity[] ENERGY = {Quantity.ENERGY_KWH};
    private static final Quantity[] NONE = {};

    private final DoubleSupplier primaryKw;
    private final double ratio;
    private final double lineKv;
    private final double basePowerFactor;
    private final double ratedKw;
    private final double ceilingKw;
    private Register[] registers = {};
    private double previousKw = Double.NaN;

    /**
     * @param primaryKw  the power this meter sees this step (computed by its enterprise or the park before meters step)
     * @param ceilingKw  the most it can ever see; sizes the register start
     */
    ElectricityMeterModel(Meter meter, long key, int gateway, DoubleSupplier primaryKw, double powerFactor, double ceilingKw) {
        super(meter, key, gateway);
        this.primaryKw = primaryKw;
        this.ratio = meter.ctRatio() * meter.ptRatio();
        this.lineKv = ElectricalRating.lineKv(meter);
        this.ratedKw = ElectricalRating.ratedKw(meter);
        this.basePowerFactor = Math.min(0.99, powerFactor + 0.03 * SeededNoise.centred(key, Streams.POWER_FACTOR, -1));
        this.ceilingKw = ceilingKw;
    }

    @Override
    void initialise(RegisterStart start) {
        if (meter.metering() == Metering.CUMULATIVE) {
            registers = new Register[] {start.create(key, 0, Register.SIX_DIGITS, 2, ceilingKw / ratio)};
        }
    }

    @Override
    Register[] registers() {
        return registers;
    }

    @Override
    Quantity[] registerQuantities() {
        return registers.length == 0 ? NONE : ENERGY;
    }

    @Override
    void step(StepContext ctx) {
        double kw = Math.max(0, Math.min(ceilingKw, primaryKw.getAsDouble()));
        if (registers.length > 0 && !Double.isNaN(previousKw) && ctx.dtHours > 0) {
            advance(ctx, 0, (previousKw + kw) / 2 * ctx.dtHours / ratio);
        }
        previousKw = kw;
        replaceIfDue(ctx);
        if (!speaks(ctx)) {
            return;
        }
        long second = ctx.time.epochMs() / 1000;
        double load = kw / ratedKw;
        // power factor sags at light load, as motor-heavy sites' does
        double pf = Math.max(0.5, Math.min(0.995, basePowerFactor * (0.9 + 0.1 * Math.min(1, 4 * load))
                + 0.008 * SeededNoise.centred(key, Streams.POWER_FACTOR, second)));
        double kvNow = lineKv * (1.02 + 0.01 * SeededNoise.centred(key, Streams.VOLTAGE, second));
        double phaseVolts = kvNow * 1000 / ElectricalRating.SQRT3 / meter.ptRatio();
        double amps = kw / (ElectricalRating.SQRT3 * kvNow * pf) / meter.ctRatio();
        List<Value> values = new ArrayList<>(6);
        if (registers.length > 0) {
            values.add(Value.of(Quantity.ENERGY_KWH, registers[0].reading()));
        }
        values.add(Value.of(Quantity.POWER_KW, Rounding.round(kw / ratio, 4)));
        values.add(Value.of(Quantity.VOLTAGE_V, Rounding.round(phaseVolts, 1)));
        values.add(Value.of(Quantity.CURRENT_A, Rounding.round(amps, 3)));
        values.add(Value.of(Quantity.POWER_FACTOR, Rounding.round(pf, 3)));
        values.add(Value.of(Quantity.FREQUENCY_HZ, ctx.frequencyHz));
        ctx.emit(this, new Reading(meter.id().value(), ctx.time.epochMs(), values));
    }
}
