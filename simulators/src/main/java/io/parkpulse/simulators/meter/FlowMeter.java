package io.parkpulse.simulators.meter;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A water, gas or steam meter: a volume (or mass) register advancing by the integral of its flow,
 * with a night-time minimum flow that never reaches zero on a water network.
 */
final class FlowMeter implements SimulatedMeter {

    private final Meter meter;
    private final LoadProfile profile;
    private final Random random;
    private final boolean nbIot;
    private final double peakFlow;
    private final double nightMinimum;
    private double register;
    private ZonedDateTime last;

    FlowMeter(Meter meter, LoadProfile profile, Random random, boolean nbIot) {
        this.meter = meter;
        this.profile = profile;
        this.random = random;
        this.nbIot = nbIot;
        this.peakFlow = switch (meter.kind()) {
            case WATER -> meter.isParkLevel() ? 120 : 3 + 20 * random.nextDouble();
            case GAS -> 40 + 200 * random.nextDouble();
            default -> 1 + 6 * random.nextDouble();
        };
        this.nightMinimum = peakFlow * 0.05;
        this.register = 100 + random.nextInt(20_000);
    }

    @Override
    public String id() {
        return meter.id();
    }

    @Override
    public Reading read(ZonedDateTime time) {
        double flow = Math.max(nightMinimum, peakFlow * profile.activity(time) * (1 + 0.08 * random.nextGaussian()));
        if (last != null) {
            double hours = Math.max(0, (time.toInstant().toEpochMilli() - last.toInstant().toEpochMilli()) / 3_600_000.0);
            register += flow * hours / meter.multiplier();
        }
        last = time;
        List<Value> values = new ArrayList<>(5);
        double sentFlow = ElectricityMeter.round(flow / meter.multiplier(), 3);
        switch (meter.kind()) {
            case WATER -> {
                values.add(Value.of(Quantity.VOLUME_M3, ElectricityMeter.round(register, 3)));
                values.add(Value.of(Quantity.FLOW_M3H, sentFlow));
            }
            case GAS -> {
                values.add(Value.of(Quantity.GAS_M3, ElectricityMeter.round(register, 2)));
                values.add(Value.of(Quantity.FLOW_M3H, sentFlow));
                values.add(Value.of(Quantity.PRESSURE_MPA, ElectricityMeter.round(0.2 + 0.01 * random.nextGaussian(), 3)));
            }
            default -> {
                values.add(Value.of(Quantity.STEAM_T, ElectricityMeter.round(register, 3)));
                values.add(Value.of(Quantity.STEAM_FLOW_TH, sentFlow));
                values.add(Value.of(Quantity.PRESSURE_MPA, ElectricityMeter.round(0.8 + 0.02 * random.nextGaussian(), 3)));
                values.add(Value.of(Quantity.TEMPERATURE_C, ElectricityMeter.round(175 + 2 * random.nextGaussian(), 1)));
            }
        }
        if (nbIot && meter.kind() != MeterKind.STEAM) {
            values.add(Value.of(Quantity.BATTERY_V, ElectricityMeter.round(3.55 + 0.05 * random.nextDouble(), 2)));
            values.add(Value.of(Quantity.SIGNAL_DBM, -90 - random.nextInt(20)));
        }
        return new Reading(meter.id(), time.toInstant().toEpochMilli(), values);
    }
}
