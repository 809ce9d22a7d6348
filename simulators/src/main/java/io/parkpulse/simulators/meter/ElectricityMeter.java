package io.parkpulse.simulators.meter;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An electricity meter whose energy register advances by the integral of the power it reports, so
 * register increments and power agree. Values are sent as the meter sees them: divided by CT×PT.
 */
final class ElectricityMeter implements SimulatedMeter {

    private static final double SQRT3 = Math.sqrt(3);

    private final Meter meter;
    private final LoadProfile profile;
    private final Random random;
    private final double peakKw;
    private final double lineKv;
    private double registerKwh;
    private double powerFactor;
    private ZonedDateTime last;

    ElectricityMeter(Meter meter, LoadProfile profile, Random random) {
        this.meter = meter;
        this.profile = profile;
        this.random = random;
        double ratio = meter.ctRatio() * meter.ptRatio();
        // rated secondary: 5 A on 100 V (PT) or 400 V lines; a site runs at 20-45 % of what its transformers allow
        double ratedKw = ratio == 1 ? 60 : SQRT3 * 5 * (meter.ptRatio() > 1 ? 0.1 : 0.4) * ratio;
        this.peakKw = ratedKw * (meter.isParkLevel() ? 0.06 : 0.2 + 0.25 * random.nextDouble());
        this.lineKv = meter.ptRatio() > 1 ? 0.1 * meter.ptRatio() : 0.4;
        this.registerKwh = 1_000 + random.nextInt(90_000);
        this.powerFactor = 0.9 + 0.08 * random.nextDouble();
    }

    @Override
    public String id() {
        return meter.id();
    }

    @Override
    public Reading read(ZonedDateTime time) {
        double primaryKw = peakKw * profile.activity(time) * (1 + 0.04 * random.nextGaussian());
        primaryKw = Math.max(0.02 * peakKw, primaryKw);
        if (last != null) {
            double hours = Math.max(0, (time.toInstant().toEpochMilli() - last.toInstant().toEpochMilli()) / 3_600_000.0);
            registerKwh += primaryKw * hours / (meter.ctRatio() * meter.ptRatio());
        }
        last = time;
        powerFactor = Math.min(0.99, Math.max(0.85, powerFactor + 0.003 * random.nextGaussian()));
        double primaryAmps = primaryKw / (SQRT3 * lineKv * powerFactor);

        List<Value> values = new ArrayList<>(6);
        if (meter.metering() == Metering.CUMULATIVE) {
            values.add(Value.of(Quantity.ENERGY_KWH, round(registerKwh, 2)));
        }
        values.add(Value.of(Quantity.POWER_KW, round(primaryKw / (meter.ctRatio() * meter.ptRatio()), 4)));
        values.add(Value.of(Quantity.VOLTAGE_V, round(lineKv * 1000 / SQRT3 / meter.ptRatio() * (1 + 0.01 * random.nextGaussian()), 1)));
        values.add(Value.of(Quantity.CURRENT_A, round(primaryAmps / meter.ctRatio(), 3)));
        values.add(Value.of(Quantity.POWER_FACTOR, round(powerFactor, 3)));
        values.add(Value.of(Quantity.FREQUENCY_HZ, round(50 + 0.02 * random.nextGaussian(), 2)));
        return new Reading(meter.id(), time.toInstant().toEpochMilli(), values);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
