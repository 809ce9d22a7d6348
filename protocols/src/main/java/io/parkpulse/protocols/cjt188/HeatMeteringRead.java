package io.parkpulse.protocols.cjt188;

import io.parkpulse.protocols.cjt188.ReplyFields.Unreadable;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A heat meter's (meter type 20H–29H) reply to the metering-data read of {@link MeteringRead#request} (DI 901F):
 * {@code C=81 L=2E} (46 data bytes), every number BCD lowest byte first (docs/domain.md §6.2; field offsets as in
 * github:xijunzhou/sdqr_energy_node_class-20180705 {@code Src/meter/cj188.h}):
 *
 * <pre>
 *  0  DI DI SER
 *  3  settlement-day heat   4 bytes XXXXXX.XX + unit (energy)
 *  8  current heat          4 bytes XXXXXX.XX + unit (energy)
 * 13  heat power            4 bytes XXXXXX.XX + unit (power)
 * 18  flow rate             4 bytes XXXX.XXXX + unit (flow rate)
 * 23  cumulative flow       4 bytes XXXXXX.XX + unit (volume)
 * 28  supply temperature    3 bytes XXXX.XX °C
 * 31  return temperature    3 bytes XXXX.XX °C
 * 34  working time          3 bytes XXXXXX h
 * 37  real time             7 bytes ss mm hh DD MM YY YY
 * 44  status ST             2 bytes
 * </pre>
 *
 * <p>Some vendors put each unit byte <em>before</em> its value ({@link UnitPosition#BEFORE_VALUE}: the "JY" meter of
 * cnblogs llguanli/p/8683992, the LiChuang frame of github:Crazyers/NETIOCPDemo); the offsets of the other fields are
 * the same. Decoding never throws: a reply that cannot be used is {@link Refused} with a reason naming the field —
 * a unit byte of the wrong dimension (a volume where heat belongs) included, which is also how a reply in the other
 * unit position shows itself. A meter clock that is not a time is flagged ({@link HeatMeteringData#clockProblem()})
 * and the values are kept.
 */
public final class HeatMeteringRead {

    /** Data bytes of a heat meter's reply: 3 + 5 × 5 + 3 + 3 + 3 + 7 + 2. */
    public static final int REPLY_LENGTH = 46;

    private static final int SETTLEMENT_HEAT = 3;
    private static final int CURRENT_HEAT = 8;
    private static final int HEAT_POWER = 13;
    private static final int FLOW_RATE = 18;
    private static final int CUMULATIVE_FLOW = 23;
    private static final int SUPPLY_TEMPERATURE = 28;
    private static final int RETURN_TEMPERATURE = 31;
    private static final int WORKING_HOURS = 34;
    private static final int CLOCK = 37;
    private static final int STATUS = 44;

    private HeatMeteringRead() {
    }

    /** Where the unit byte of each of the five values with a unit sits. */
    public enum UnitPosition {
        /** value (4 bytes) then unit: the standard layout */
        AFTER_VALUE,
        /** unit then value: a vendor variant */
        BEFORE_VALUE
    }

    /** The units a reply shows its values in. */
    public record Units(Cjt188Unit heat, Cjt188Unit power, Cjt188Unit flowRate, Cjt188Unit volume) {

        /** GJ, kW, m³/h, m³. */
        public static final Units BASE = new Units(Cjt188Unit.GIGAJOULE, Cjt188Unit.KILOWATT,
                Cjt188Unit.CUBIC_METRE_PER_HOUR, Cjt188Unit.CUBIC_METRE);

        public Units {
            check(heat, Cjt188Unit.Dimension.ENERGY, "heat");
            check(power, Cjt188Unit.Dimension.POWER, "heat power");
            check(flowRate, Cjt188Unit.Dimension.FLOW_RATE, "flow rate");
            check(volume, Cjt188Unit.Dimension.VOLUME, "cumulative flow");
        }

        private static void check(Cjt188Unit unit, Cjt188Unit.Dimension dimension, String what) {
            if (Objects.requireNonNull(unit, what).dimension() != dimension) {
                throw new IllegalArgumentException(what + " is " + dimension.noun() + "; " + unit.symbol() + " is not");
            }
        }
    }

    /** What a reply gave. */
    public sealed interface Outcome permits Read, Refused {
    }

    /** The heat meter's metering data, and the identifier byte order its reply used. */
    public record Read(HeatMeteringData data, DiOrder order) implements Outcome {
    }

    /** A reply that gives no metering data, and why. */
    public record Refused(String reason) implements Outcome {
    }

    /**
     * A heat meter's normal reply carrying {@code data} in {@code units}, each unit byte after its value.
     *
     * @throws IllegalArgumentException when a value is negative or does not fit its field in its unit
     */
    public static Cjt188Frame reply(int meterType, byte[] address, DiOrder order, HeatMeteringData data, Units units) {
        return reply(meterType, address, order, data, units, UnitPosition.AFTER_VALUE);
    }

    /** The same, with the unit bytes where {@code position} says. */
    public static Cjt188Frame reply(int meterType, byte[] address, DiOrder order, HeatMeteringData data, Units units,
                                    UnitPosition position) {
        byte[] out = new byte[REPLY_LENGTH];
        byte[] di = order.wire(MeteringRead.IDENTIFIER);
        out[0] = di[0];
        out[1] = di[1];
        out[2] = (byte) data.serial();
        putWithUnit(units.heat().fromGigajoules(data.settlementHeatGj()), 2, units.heat(), out, SETTLEMENT_HEAT, position);
        putWithUnit(units.heat().fromGigajoules(data.currentHeatGj()), 2, units.heat(), out, CURRENT_HEAT, position);
        putWithUnit(units.power().fromBase(data.heatPowerKw()), 2, units.power(), out, HEAT_POWER, position);
        putWithUnit(units.flowRate().fromBase(data.flowRateM3h()), 4, units.flowRate(), out, FLOW_RATE, position);
        putWithUnit(units.volume().fromBase(data.cumulativeFlowM3()), 2, units.volume(), out, CUMULATIVE_FLOW, position);
        ReplyFields.putNumber(data.supplyTemperatureC(), 2, out, SUPPLY_TEMPERATURE, 3, "°C supply temperature");
        ReplyFields.putNumber(data.returnTemperatureC(), 2, out, RETURN_TEMPERATURE, 3, "°C return temperature");
        ReplyFields.putNumber(data.workingHours(), 0, out, WORKING_HOURS, 3, "working hours");
        data.meterClock().ifPresent(t -> ReplyFields.putClock(t, out, CLOCK));
        out[STATUS] = (byte) data.status().first();
        out[STATUS + 1] = (byte) data.status().second();
        return new Cjt188Frame(meterType, address, 0x80 | Cjt188Frame.READ_DATA, out);
    }

    /** The metering data in {@code frame}, read in the standard layout (unit after value), or why there is none. */
    public static Outcome decode(Cjt188Frame frame) {
        return decode(frame, UnitPosition.AFTER_VALUE);
    }

    /** The metering data in {@code frame} with the unit bytes where {@code position} says, or why there is none. */
    public static Outcome decode(Cjt188Frame frame, UnitPosition position) {
        Optional<String> notData = ReplyFields.notAReadReply(frame);
        if (notData.isPresent()) {
            return new Refused(notData.get());
        }
        byte[] data = frame.data();
        if (data.length != REPLY_LENGTH) {
            return new Refused("a heat meter's metering-data reply has " + REPLY_LENGTH + " data bytes, got " + data.length
                    + (data.length == MeteringRead.WATER_REPLY_LENGTH ? " (the length of a water or gas meter's reply)" : ""));
        }
        Optional<DiOrder> order = DiOrder.of(data[0], data[1], MeteringRead.IDENTIFIER);
        if (order.isEmpty()) {
            return new Refused(ReplyFields.notTheIdentifier(data));
        }
        try {
            double settlementHeat = heat(data, SETTLEMENT_HEAT, position, "settlement-day heat");
            double currentHeat = heat(data, CURRENT_HEAT, position, "current heat");
            double power = withUnit(data, HEAT_POWER, 2, Cjt188Unit.Dimension.POWER, position, "heat power");
            double flowRate = withUnit(data, FLOW_RATE, 4, Cjt188Unit.Dimension.FLOW_RATE, position, "flow rate");
            double volume = withUnit(data, CUMULATIVE_FLOW, 2, Cjt188Unit.Dimension.VOLUME, position, "cumulative flow");
            double supply = ReplyFields.number(data, SUPPLY_TEMPERATURE, 3, 2, "supply water temperature");
            double back = ReplyFields.number(data, RETURN_TEMPERATURE, 3, 2, "return water temperature");
            long hours = (long) ReplyFields.number(data, WORKING_HOURS, 3, 0, "cumulative working time");
            Optional<LocalDateTime> meterClock;
            Optional<String> clockProblem;
            try {
                meterClock = ReplyFields.clock(data, CLOCK);
                clockProblem = Optional.empty();
            } catch (Unreadable e) {
                meterClock = Optional.empty(); // the clock is the meter's remark, not the reading: the values stand
                clockProblem = Optional.of(e.getMessage());
            }
            MeterStatus status = new MeterStatus(data[STATUS] & 0xFF, data[STATUS + 1] & 0xFF);
            return new Read(new HeatMeteringData(data[2] & 0xFF, settlementHeat, currentHeat, power, flowRate, volume,
                    supply, back, hours, meterClock, status, clockProblem), order.get());
        } catch (Unreadable e) {
            return new Refused(e.getMessage());
        }
    }

    /** The heat at {@code field} in GJ. */
    private static double heat(byte[] data, int field, UnitPosition position, String name) throws Unreadable {
        int value = position == UnitPosition.AFTER_VALUE ? field : field + 1;
        int unit = position == UnitPosition.AFTER_VALUE ? field + 4 : field;
        double shown = ReplyFields.number(data, value, 4, 2, name);
        return ReplyFields.unit(data, unit, Cjt188Unit.Dimension.ENERGY, name).toGigajoules(shown);
    }

    /** The value at {@code field} in its dimension's base unit. */
    private static double withUnit(byte[] data, int field, int decimals, Cjt188Unit.Dimension dimension, UnitPosition position,
                                   String name) throws Unreadable {
        int value = position == UnitPosition.AFTER_VALUE ? field : field + 1;
        int unit = position == UnitPosition.AFTER_VALUE ? field + 4 : field;
        double shown = ReplyFields.number(data, value, 4, decimals, name);
        return ReplyFields.tidy(ReplyFields.unit(data, unit, dimension, name).toBase(shown));
    }

    private static void putWithUnit(double value, int decimals, Cjt188Unit unit, byte[] out, int field, UnitPosition position) {
        int at = position == UnitPosition.AFTER_VALUE ? field : field + 1;
        ReplyFields.putNumber(value, decimals, out, at, 4, unit.symbol());
        out[position == UnitPosition.AFTER_VALUE ? field + 4 : field] = (byte) unit.code();
    }
}
