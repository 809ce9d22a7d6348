package io.parkpulse.simulators.model;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A water, gas or steam meter: its register advances by the trapezoidal integral of the flow it
 * sees (divided by the meter's multiplier). Water meters may carry a leak (configured or injected)
 * that adds a constant flow, which is what raises the night minimum. On an NB-IoT gateway, water
 * and gas meters report only through their daily uplink of frozen values.
 */
final class FlowMeterModel extends MeterModel {

    /** Enthalpy of saturated steam at about 0.8 MPa(g): ≈ 2.77 GJ/t (steam tables), for the heat register. */
    static final double STEAM_GJ_PER_T = 2.77;
    /** 1 GJ/h = 10⁹ J / 3 600 s = 277.8 kW. */
    static final double KW_PER_GJ_H = 1e6 / 3600;

    private final MeterKind kind;
    private final DoubleSupplier primaryFlow;
    private final double ceilingPerHour;
    private final double nightMinimum;
    private final boolean enterpriseMeter;
    private final FrozenValues frozen;
    private Register[] registers = {};
    private Quantity[] quantities = {};
    private double previousFlow = Double.NaN;
    private long leakFromMs = Long.MAX_VALUE;
    private double leakM3h;
    private boolean leakRecorded;

    /**
     * @param primaryFlow    the flow this meter sees this step, before leaks (units per hour)
     * @param ceilingPerHour the most it can ever see (units per hour)
     * @param nightMinimum   the flow it sees at night with nothing running; sizes random leaks
     * @param frozen         the NB-IoT uplink buffer, or {@code null} for a wired meter
     */
    FlowMeterModel(Meter meter, long key, int gateway, DoubleSupplier primaryFlow, double ceilingPerHour, double nightMinimum,
                   FrozenValues frozen) {
        super(meter, key, gateway);
        this.kind = meter.kind();
        this.primaryFlow = primaryFlow;
        this.ceilingPerHour = ceilingPerHour;
        this.nightMinimum = nightMinimum;
        this.enterpriseMeter = !meter.isParkLevel();
        this.frozen = frozen;
    }

    /** A leak from {@code startMs} on; NaN flow picks 1.5 × the night minimum + 0.05 m³/h. */
    void leak(long startMs, double flowM3h) {
        if (kind != MeterKind.WATER) {
            throw new IllegalArgumentException("a leak needs a water meter; " + meter.id() + " is a " + kind + " meter");
        }
        leakFromMs = startMs;
        leakM3h = Double.isNaN(flowM3h) ? 1.5 * nightMinimum + 0.05 : flowM3h;
    }

    @Override
    void initialise(RegisterStart start) {
        if (meter.metering() != Metering.CUMULATIVE) {
            return;
        }
        double multiplier = meter.multiplier();
        // NB-IoT (CJ/T 188 style) meters show six integer digits; wired flowmeter totalisers and pulse counters have more
        double modulus = frozen != null && multiplier >= 1 ? Register.SIX_DIGITS : Register.EIGHT_DIGITS;
        Register volume = start.create(key, 0, modulus, 2, ceilingPerHour / multiplier);
        switch (kind) {
            case WATER -> quantities = new Quantity[] {Quantity.VOLUME_M3};
            case GAS -> quantities = new Quantity[] {Quantity.GAS_M3};
            case HEAT -> quantities = new Quantity[] {Quantity.HEAT_GJ}; // its "flow" is the heat delivered, GJ/h
            default -> quantities = new Quantity[] {Quantity.STEAM_T, Quantity.HEAT_GJ};
        }
        registers = kind == MeterKind.STEAM
                ? new Register[] {volume, start.create(key, 1, modulus, 2, ceilingPerHour * STEAM_GJ_PER_T / multiplier)}
                : new Register[] {volume};
    }

    @Override
    Register[] registers() {
        return registers;
    }

    @Override
    Quantity[] registerQuantities() {
        return quantities;
    }

    @Override
    void step(StepContext ctx) {
        long now = ctx.time.epochMs();
        maybeStartLeak(ctx);
        double leak = now >= leakFromMs ? leakM3h : 0;
        if (enterpriseMeter) {
            ctx.leakM3h += leak;
        }
        double flow = Math.max(0, primaryFlow.getAsDouble() * (1 + 0.04 * SeededNoise.centred(key, Streams.FLOW_NOISE, now / 1000)))
                + leak;
        double multiplier = meter.multiplier();
        if (registers.length > 0 && !Double.isNaN(previousFlow) && ctx.dtHours > 0) {
            double amount = (previousFlow + flow) / 2 * ctx.dtHours / multiplier;
            advance(ctx, 0, amount);
            if (registers.length > 1) {
                advance(ctx, 1, amount * STEAM_GJ_PER_T);
            }
        }
        previousFlow = flow;
        replaceIfDue(ctx);
        boolean speaking = speaks(ctx);
        if (frozen != null) {
            if (registers.length > 0) {
                frozen.freeze(ctx.time, registers[0].reading());
            }
            if (frozen.due(now)) {
                if (speaking) {
                    emitUplink(ctx);
                }
                frozen.sent();
            }
            return;
        }
        if (!speaking) {
            return;
        }
        long second = now / 1000;
        double sent = Rounding.round(flow / multiplier, 3);
        List<Value> values = new ArrayList<>(5);
        switch (kind) {
            case WATER -> {
                addRegister(values);
                values.add(Value.of(Quantity.FLOW_M3H, sent));
            }
            case GAS -> {
                addRegister(values);
                values.add(Value.of(Quantity.FLOW_M3H, sent));
                values.add(Value.of(Quantity.PRESSURE_MPA, Rounding.round(0.2 + 0.005 * SeededNoise.centred(key, Streams.PRESSURE, second), 3)));
                values.add(Value.of(Quantity.TEMPERATURE_C, Rounding.round(15 + 3 * SeededNoise.centred(key, Streams.TEMPERATURE, second), 1)));
            }
            case HEAT -> {
                addRegister(values);
                values.add(Value.of(Quantity.HEAT_POWER_KW, Rounding.round(flow / multiplier * KW_PER_GJ_H, 2)));
                values.add(Value.of(Quantity.SUPPLY_TEMPERATURE_C, Rounding.round(75 + 1.5 * SeededNoise.centred(key, Streams.TEMPERATURE, second), 2)));
                values.add(Value.of(Quantity.RETURN_TEMPERATURE_C, Rounding.round(55 + 1.5 * SeededNoise.centred(key, Streams.PRESSURE, second), 2)));
            }
            default -> {
                addRegister(values);
                values.add(Value.of(Quantity.STEAM_FLOW_TH, sent));
                values.add(Value.of(Quantity.PRESSURE_MPA, Rounding.round(0.8 + 0.02 * SeededNoise.centred(key, Streams.PRESSURE, second), 3)));
                values.add(Value.of(Quantity.TEMPERATURE_C, Rounding.round(175 + 2 * SeededNoise.centred(key, Streams.TEMPERATURE, second), 1)));
            }
        }
        ctx.emit(this, new Reading(meter.id().value(), now, values));
    }

    private void addRegister(List<Value> values) {
        for (int i = 0; i < registers.length; i++) {
            values.add(Value.of(quantities[i], registers[i].reading()));
        }
    }

    private void maybeStartLeak(StepContext ctx) {
        long now = ctx.time.epochMs();
        if (kind == MeterKind.WATER && enterpriseMeter && leakFromMs == Long.MAX_VALUE
                && ctx.faults.leakStarts(key, ctx.time, ctx.dtHours)) {
            leakFromMs = now;
            leakM3h = Rounding.round(ctx.faults.leakScale(key, now) * nightMinimum + 0.05, 3);
        }
        if (!leakRecorded && ctx.publishing && now >= leakFromMs) {
            leakRecorded = true;
            ctx.faults.record(FaultType.LEAK, gateway, meter.id().value(), leakFromMs, null,
                    FaultEvent.details("flow_m3h", leakM3h, "night_minimum_m3h", Rounding.round(nightMinimum, 3)));
        }
    }

    /** One NB-IoT uplink: every frozen value with its own timestamp; battery and signal on the last one. */
    private void emitUplink(StepContext ctx) {
        int last = -1;
        for (int i = 0; i < frozen.size(); i++) {
            if (!Double.isNaN(frozen.value(i))) {
                last = i;
            }
        }
        Quantity register = quantities.length > 0 ? quantities[0] : null;
        if (register == null || last < 0) {
            return;
        }
        long day = ctx.time.epochDay();
        for (int i = 0; i <= last; i++) {
            double v = frozen.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            List<Value> values = new ArrayList<>(3);
            values.add(Value.of(register, v));
            if (i == last) {
                // lithium-thionyl chloride cells sit near 3.6 V and sag slowly over the years
                double years = Math.max(0, (ctx.time.epochMs() - RegisterStart.ORIGIN_MS) / (365.25 * 86_400_000.0));
                double battery = 3.62 - 0.03 * years - 0.02 * SeededNoise.uniform(key, Streams.BATTERY, day);
                values.add(Value.of(Quantity.BATTERY_V, Rounding.round(Math.max(2.8, battery), 2)));
                values.add(Value.of(Quantity.SIGNAL_DBM, -75 - Math.floor(30 * SeededNoise.uniform(key, Streams.SIGNAL, day))));
            }
            ctx.emit(this, new Reading(meter.id().value(), frozen.timeOf(i), values));
        }
    }
}
