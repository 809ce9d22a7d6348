package io.parkpulse.simulators.meter;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/**
 * A machine's controller: running while its enterprise produces, idle otherwise, now and then in
 * fault for a while; run hours and the production counter advance only while it runs.
 */
final class EquipmentMeter implements SimulatedMeter {

    private static final double FAULT_PER_HOUR = 0.02;

    private final Meter meter;
    private final LoadProfile profile;
    private final Random random;
    private final double unitsPerHour;
    private double runHours;
    private double counter;
    private long faultUntil;
    private ZonedDateTime last;

    EquipmentMeter(Meter meter, LoadProfile profile, Random random) {
        this.meter = meter;
        this.profile = profile;
        this.random = random;
        this.unitsPerHour = 20 + 400 * random.nextDouble();
        this.runHours = 2_000 + random.nextInt(20_000);
        this.counter = random.nextInt(1_000_000);
    }

    @Override
    public String id() {
        return meter.id();
    }

    @Override
    public Reading read(ZonedDateTime time) {
        long now = time.toInstant().toEpochMilli();
        double hours = last == null ? 0 : Math.max(0, (now - last.toInstant().toEpochMilli()) / 3_600_000.0);
        last = time;
        if (now >= faultUntil && random.nextDouble() < FAULT_PER_HOUR * hours) {
            faultUntil = now + (long) (600_000 + random.nextInt(3_000_000));
        }
        EquipmentState state = now < faultUntil ? EquipmentState.FAULT : profile.producing(time) ? EquipmentState.RUNNING : EquipmentState.IDLE;
        if (state == EquipmentState.RUNNING) {
            runHours += hours;
            counter += unitsPerHour * hours / meter.multiplier();
        }
        double temperature = state == EquipmentState.RUNNING ? 55 + 5 * random.nextGaussian() : 28 + random.nextGaussian();
        return new Reading(meter.id(), now, List.of(Value.of(state),
                Value.of(Quantity.RUN_HOURS, ElectricityMeter.round(runHours, 2)),
                Value.of(Quantity.OUTPUT_COUNT, Math.floor(counter)),
                Value.of(Quantity.TEMPERATURE_C, ElectricityMeter.round(temperature, 1))));
    }
}
