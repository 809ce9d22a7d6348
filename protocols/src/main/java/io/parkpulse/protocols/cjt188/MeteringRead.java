package io.parkpulse.protocols.cjt188;

import io.parkpulse.protocols.cjt188.ReplyFields.Unreadable;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Reading a water or gas meter's metering data (DI 901F): the request {@code C=01 L=03 DATA = DI DI SER}, and the reply
 * {@code C=81 L=16}: DI(2) SER(1) | current cumulative flow, 4 bytes BCD XXXXXX.XX + unit | settlement-day flow, 4 +
 * unit | real time, 7 bytes BCD {@code ss mm hh DD MM YY YY} lowest first | status ST(2) (docs/domain.md §6.2). Water
 * meters (types 10H–19H) and gas meters (30H–39H) answer in the same layout; heat meters (20H–29H) answer the same
 * request with 46 bytes ({@link HeatMeteringRead}).
 *
 * <p>The identifier's byte order differs between vendors; the request uses the configured {@link DiOrder}, replies
 * are accepted in either. Decoding never throws: a reply that cannot be used is {@link Refused} with the reason.
 */
public final class MeteringRead {

    /** The metering-data identifier. */
    public static final int IDENTIFIER = 0x901F;
    /** Data bytes of a water or gas meter's reply: 3 + 5 + 5 + 7 + 2. */
    public static final int WATER_REPLY_LENGTH = 22;
    /** The largest flow four BCD bytes XXXXXX.XX can show. */
    public static final double MAX_SHOWN = 999_999.99;

    private static final int CURRENT_FLOW = 3;
    private static final int SETTLEMENT_FLOW = 8;
    private static final int CLOCK = 13;
    private static final int STATUS = 20;

    private MeteringRead() {
    }

    /** What a reply gave. */
    public sealed interface Outcome permits Read, Refused {
    }

    /** The meter's metering data, and the identifier byte order its reply used. */
    public record Read(MeteringData data, DiOrder order) implements Outcome {
    }

    /** A reply that gives no metering data, and why. */
    public record Refused(String reason) implements Outcome {
    }

    /** The read request for the meter of type {@code meterType} at {@code address} (wire bytes). */
    public static Cjt188Frame request(int meterType, byte[] address, DiOrder order, int serial) {
        byte[] di = order.wire(IDENTIFIER);
        return new Cjt188Frame(meterType, address, Cjt188Frame.READ_DATA, new byte[] {di[0], di[1], (byte) serial});
    }

    /**
     * A meter's normal reply carrying {@code data}, both flows shown in {@code unit} (a volume unit).
     *
     * @throws IllegalArgumentException when {@code unit} is not a volume or a flow does not fit XXXXXX.XX
     */
    public static Cjt188Frame reply(int meterType, byte[] address, DiOrder order, MeteringData data, Cjt188Unit unit) {
        if (unit.dimension() != Cjt188Unit.Dimension.VOLUME) {
            throw new IllegalArgumentException("flows are volumes; " + unit.symbol() + " is not");
        }
        byte[] out = new byte[WATER_REPLY_LENGTH];
        byte[] di = order.wire(IDENTIFIER);
        out[0] = di[0];
        out[1] = di[1];
        out[2] = (byte) data.serial();
        putFlow(unit.fromBase(data.currentFlowM3()), unit, out, CURRENT_FLOW);
        putFlow(unit.fromBase(data.settlementFlowM3()), unit, out, SETTLEMENT_FLOW);
        data.meterClock().ifPresent(t -> ReplyFields.putClock(t, out, CLOCK));
        out[STATUS] = (byte) data.status().first();
        out[STATUS + 1] = (byte) data.status().second();
        return new Cjt188Frame(meterType, address, 0x80 | Cjt188Frame.READ_DATA, out);
    }

    /** The metering data in {@code frame}, or why there is none. */
    public static Outcome decode(Cjt188Frame frame) {
        Optional<String> notData = ReplyFields.notAReadReply(frame);
        if (notData.isPresent()) {
            return new Refused(notData.get());
        }
        byte[] data = frame.data();
        if (data.length != WATER_REPLY_LENGTH) {
            return new Refused("a water or gas meter's metering-data reply has " + WATER_REPLY_LENGTH + " data bytes, got "
                    + data.length + (data.length == HeatMeteringRead.REPLY_LENGTH ? " (the length of a heat meter's reply)" : ""));
        }
        Optional<DiOrder> order = DiOrder.of(data[0], data[1], IDENTIFIER);
        if (order.isEmpty()) {
            return new Refused(ReplyFields.notTheIdentifier(data));
        }
        try {
            double current = flow(data, CURRENT_FLOW, "current cumulative flow");
            double settlement = flow(data, SETTLEMENT_FLOW, "settlement-day flow");
            Optional<LocalDateTime> meterClock;
            Optional<String> clockProblem;
            try {
                meterClock = ReplyFields.clock(data, CLOCK);
                clockProblem = Optional.empty();
            } catch (Unreadable e) {
                meterClock = Optional.empty(); // the clock is the meter's remark, not the reading: the flows stand
                clockProblem = Optional.of(e.getMessage());
            }
            MeterStatus status = new MeterStatus(data[STATUS] & 0xFF, data[STATUS + 1] & 0xFF);
            return new Read(new MeteringData(data[2] & 0xFF, current, settlement, meterClock, status, clockProblem), order.get());
        } catch (Unreadable e) {
            return new Refused(e.getMessage());
        }
    }

    /** The flow at {@code offset} in m³. */
    private static double flow(byte[] data, int offset, String name) throws Unreadable {
        double shown = ReplyFields.number(data, offset, 4, 2, name);
        return ReplyFields.unit(data, offset + 4, Cjt188Unit.Dimension.VOLUME, name).toBase(shown);
    }

    private static void putFlow(double value, Cjt188Unit unit, byte[] out, int offset) {
        ReplyFields.putNumber(value, 2, out, offset, 4, unit.symbol() + " (XXXXXX.XX)");
        out[offset + 4] = (byte) unit.code();
    }
}
