package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.FrameDecoder;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.Cjt188Unit;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.HeatMeteringData;
import io.parkpulse.protocols.cjt188.HeatMeteringRead;
import io.parkpulse.protocols.cjt188.MeterFamily;
import io.parkpulse.protocols.cjt188.MeterStatus;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A serial-to-TCP converter with CJ/T 188 water, gas and heat meters on its RS-485 line, as a TCP server. It answers
 * reads of metering data (C=01, DI 901F in either byte order, answered in the order asked) for the addresses it knows,
 * in the layout of the meter type T of the request (the gateway's {@code meter_type}):
 * <ul>
 * <li>water (10H–19H, and any type outside the three ranges) and gas (30H–39H): the current cumulative flow is the
 * meter's {@link Quantity#VOLUME_M3} (gas: {@link Quantity#GAS_M3}) truncated to 0.01 m³, modulo 1 000 000 m³ (a
 * six-digit display), unit {@code 2C} (m³); the settlement-day flow the same;</li>
 * <li>heat (20H–29H): current and settlement-day heat = {@link Quantity#HEAT_GJ} shown in kWh (unit {@code 05}, so that
 * the reader converts to GJ), truncated to 0.01 kWh modulo 1 000 000 kWh; heat power {@link Quantity#HEAT_POWER_KW}
 * in kW ({@code 17}), flow rate {@link Quantity#FLOW_M3H} to 0.0001 m³/h ({@code 35}), cumulative flow
 * {@link Quantity#HEAT_VOLUME_M3} in m³ ({@code 2C}), supply and return temperature, working hours
 * {@link Quantity#RUN_HOURS} — each truncated to its display; a value the display lacks shows 0.</li>
 * </ul>
 * The real time is the current time in Asia/Shanghai, status {@code 00 00}. A meter without its register yet (volume,
 * gas or heat), or with a value it cannot show (negative, too large), answers abnormally ({@code C1}, echoing DI and
 * SER). Frames for other addresses are ignored, as on a real bus. Replies start with {@code FE FE FE}.
 *
 * <p>Thread-safe; connections are served on daemon threads until {@link #close()}.
 */
public final class Cjt188Emulator extends ConverterEmulator<Cjt188Emulator, Cjt188Decoder.Result, Cjt188Frame> {

    private static final BigDecimal DISPLAY_ROLLOVER = BigDecimal.valueOf(1_000_000);
    /** Heat in kWh (converted to GJ by the reader), power in kW, flow rate in m³/h, volume in m³. */
    private static final HeatMeteringRead.Units HEAT_UNITS = new HeatMeteringRead.Units(Cjt188Unit.KILOWATT_HOUR,
            Cjt188Unit.KILOWATT, Cjt188Unit.CUBIC_METRE_PER_HOUR, Cjt188Unit.CUBIC_METRE);
    private static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.system(METER_ZONE);

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress 14 hexadecimal address digits as printed (highest first) → park-file meter id
     */
    public Cjt188Emulator(int port, MeterValues values, Map<String, String> meterByAddress) throws IOException {
        super(port, "cjt188-emulator", values, meterByAddress, Cjt188Address::toWire);
    }

    @Override
    FrameDecoder<Cjt188Decoder.Result> newDecoder() {
        return new Cjt188Decoder();
    }

    @Override
    Cjt188Frame request(Cjt188Decoder.Result result) {
        return result instanceof Cjt188Decoder.Decoded d && !d.frame().isReply() ? d.frame() : null;
    }

    @Override
    byte[] encode(Cjt188Frame reply) {
        return reply.encode(3);
    }

    @Override
    Optional<Cjt188Frame> answer(Cjt188Frame request) {
        String meter = meterAt(request.address());
        byte[] data = request.data();
        if (meter == null || request.function() != Cjt188Frame.READ_DATA || data.length != 3) {
            return Optional.empty();
        }
        Optional<DiOrder> order = DiOrder.of(data[0], data[1], MeteringRead.IDENTIFIER);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        int serial = data[2] & 0xFF;
        LocalDateTime now = LocalDateTime.now(CLOCK).truncatedTo(ChronoUnit.SECONDS);
        MeterFamily family = MeterFamily.of(request.meterType()).orElse(MeterFamily.WATER);
        Optional<Cjt188Frame> reply = family == MeterFamily.HEAT
                ? heatReply(request, meter, order.get(), serial, now)
                : flowReply(request, meter, family == MeterFamily.GAS ? Quantity.GAS_M3 : Quantity.VOLUME_M3, order.get(), serial, now);
        return Optional.of(reply.orElseGet(
                () -> new Cjt188Frame(request.meterType(), request.address(), 0xC0 | Cjt188Frame.READ_DATA, data)));
    }

    /** A water or gas meter's reply; empty when the display has no register yet (or one it cannot show). */
    private Optional<Cjt188Frame> flowReply(Cjt188Frame request, String meter, Quantity register, DiOrder order, int serial,
                                            LocalDateTime now) {
        OptionalDouble volume = values.latest(meter, register);
        if (volume.isEmpty()) {
            return Optional.empty();
        }
        // the display truncates to 0.01 m³, then rolls over
        double shown = shown(volume.getAsDouble(), 2, DISPLAY_ROLLOVER);
        if (Double.isNaN(shown)) {
            return Optional.empty();
        }
        MeteringData reading = new MeteringData(serial, shown, shown, Optional.of(now), MeterStatus.NORMAL);
        return Optional.of(MeteringRead.reply(request.meterType(), request.address(), order, reading, Cjt188Unit.CUBIC_METRE));
    }

    /**
     * A heat meter's reply, heat shown in kWh; empty when the display has no heat yet, or a value the meter cannot show
     * (negative, too large).
     */
    private Optional<Cjt188Frame> heatReply(Cjt188Frame request, String meter, DiOrder order, int serial, LocalDateTime now) {
        OptionalDouble heat = values.latest(meter, Quantity.HEAT_GJ);
        if (heat.isEmpty()) {
            return Optional.empty();
        }
        // kWh to 0.01, six integer digits, like the volume
        double kwh = Double.isFinite(heat.getAsDouble()) ? shown(BigDecimal.valueOf(heat.getAsDouble())
                .divide(BigDecimal.valueOf(Cjt188Unit.GJ_PER_KWH), 2, RoundingMode.DOWN).doubleValue(), 2, DISPLAY_ROLLOVER) : Double.NaN;
        double power = shown(or0(meter, Quantity.HEAT_POWER_KW), 2, null);
        double flowRate = shown(or0(meter, Quantity.FLOW_M3H), 4, null);
        double volume = shown(or0(meter, Quantity.HEAT_VOLUME_M3), 2, DISPLAY_ROLLOVER);
        double supply = shown(or0(meter, Quantity.SUPPLY_TEMPERATURE_C), 2, null);
        double back = shown(or0(meter, Quantity.RETURN_TEMPERATURE_C), 2, null);
        double hours = shown(or0(meter, Quantity.RUN_HOURS), 0, DISPLAY_ROLLOVER);
        for (double v : new double[] {kwh, power, flowRate, volume, supply, back, hours}) {
            if (Double.isNaN(v)) {
                return Optional.empty();
            }
        }
        double gj = Cjt188Unit.KILOWATT_HOUR.toGigajoules(kwh);
        HeatMeteringData reading = new HeatMeteringData(serial, gj, gj, power, flowRate, volume, supply, back, (long) hours,
                Optional.of(now), MeterStatus.NORMAL);
        try {
            return Optional.of(HeatMeteringRead.reply(request.meterType(), request.address(), order, reading, HEAT_UNITS));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // too large for its field
        }
    }

    private double or0(String meter, Quantity quantity) {
        return values.latest(meter, quantity).orElse(0);
    }

    /**
     * {@code value} as a display with {@code decimals} decimals shows it: truncated, rolled over at {@code rollover} when
     * given; NaN when it cannot be shown (negative, not finite).
     */
    private static double shown(double value, int decimals, BigDecimal rollover) {
        if (!Double.isFinite(value) || value < 0) {
            return Double.NaN;
        }
        BigDecimal v = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.DOWN);
        return (rollover == null ? v : v.remainder(rollover)).doubleValue();
    }
}
