package io.parkpulse.protocols.cjt188;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reading a water meter's metering data (DI 901F): the request {@code C=01 L=03 DATA = DI DI SER}, and the reply
 * {@code C=81 L=16}: DI(2) SER(1) | current cumulative flow, 4 bytes BCD XXXXXX.XX + unit | settlement-day flow, 4 +
 * unit | real time, 7 bytes BCD {@code ss mm hh DD MM YY YY} lowest first | status ST(2) (docs/domain.md §6.2).
 *
 * <p>The identifier's byte order differs between vendors; the request uses the configured {@link DiOrder}, replies
 * are accepted in either. Decoding never throws: a reply that cannot be used is {@link Refused} with the reason.
 */
public final class MeteringRead {

    /** The metering-data identifier. */
    public static final int IDENTIFIER = 0x901F;
    /** Data bytes of a water meter's reply: 3 + 5 + 5 + 7 + 2. */
    public static final int WATER_REPLY_LENGTH = 22;
    /** The largest flow four BCD bytes XXXXXX.XX can show. */
    public static final double MAX_SHOWN = 999_999.99;

    private static final int CURRENT_FLOW = 3;
    private static final int SETTLEMENT_FLOW = 8;
    private static final int CLOCK = 13;
    private static final int STATUS = 20;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

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
        data.meterClock().ifPresent(t -> putClock(t, out, CLOCK));
        out[STATUS] = (byte) data.status().first();
        out[STATUS + 1] = (byte) data.status().second();
        return new Cjt188Frame(meterType, address, 0x80 | Cjt188Frame.READ_DATA, out);
    }

    /** The metering data in {@code frame}, or why there is none. */
    public static Outcome decode(Cjt188Frame frame) {
        if (!frame.isReply()) {
            return new Refused(String.format("control %02X is a request, not a reply (an echo of our own request?)",
                    frame.control()));
        }
        byte[] data = frame.data();
        if (frame.isAbnormal()) {
            return new Refused(String.format("the meter answered abnormally (control %02X): %s", frame.control(),
                    data.length == 0 ? "no data" : "data " + HEX.formatHex(data)));
        }
        if (frame.function() != Cjt188Frame.READ_DATA) {
            return new Refused(String.format("control %02X is not a reply to a read of data (81)", frame.control()));
        }
        if (data.length != WATER_REPLY_LENGTH) {
            return new Refused("a water meter's metering-data reply has " + WATER_REPLY_LENGTH + " data bytes, got "
                    + data.length);
        }
        Optional<DiOrder> order = DiOrder.of(data[0], data[1], IDENTIFIER);
        if (order.isEmpty()) {
            return new Refused(String.format("identifier %02X %02X is not 901F in either byte order", data[0] & 0xFF,
                    data[1] & 0xFF));
        }
        try {
            double current = flow(data, CURRENT_FLOW, "current cumulative flow");
            double settlement = flow(data, SETTLEMENT_FLOW, "settlement-day flow");
            Optional<LocalDateTime> meterClock;
            Optional<String> clockProblem;
            try {
                meterClock = clock(data, CLOCK);
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

    /** A field that cannot be read; caught in {@link #decode}, never leaves this class. */
    private static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The flow at {@code offset} in m³. */
    private static double flow(byte[] data, int offset, String name) throws Unreadable {
        int bad = Bcd.firstInvalid(data, offset, 4);
        if (bad >= 0) {
            throw new Unreadable(String.format("%s: value byte %d is %02X, not BCD", name, bad, data[offset + bad] & 0xFF));
        }
        int code = data[offset + 4] & 0xFF;
        Cjt188Unit unit = Cjt188Unit.byCode(code)
                .orElseThrow(() -> new Unreadable(String.format("%s: unknown unit code %02X", name, code)));
        if (unit.dimension() != Cjt188Unit.Dimension.VOLUME) {
            throw new Unreadable(String.format("%s: unit %02X (%s) is not a volume", name, code, unit.symbol()));
        }
        return unit.toBase(Bcd.digits(data, offset, 4) / 100.0);
    }

    /** The earliest and latest year a meter in service can show; outside them the bytes are misread, not a date. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    /** The clock at {@code offset}; empty when all zeros (not set). */
    private static Optional<LocalDateTime> clock(byte[] data, int offset) throws Unreadable {
        boolean unset = true;
        for (int i = 0; i < 7; i++) {
            unset &= data[offset + i] == 0;
        }
        if (unset) {
            return Optional.empty();
        }
        int bad = Bcd.firstInvalid(data, offset, 7);
        if (bad >= 0) {
            throw new Unreadable(String.format("real time: byte %d is %02X, not BCD", bad, data[offset + bad] & 0xFF));
        }
        int[] f = new int[7];
        for (int i = 0; i < 7; i++) {
            f[i] = (int) Bcd.digits(data, offset + i, 1);
        }
        int year = f[6] * 100 + f[5];
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new Unreadable("real time " + HEX.formatHex(data, offset, offset + 7) + " (ss mm hh DD MM YY YY) gives the year "
                    + year + ", outside " + FIRST_YEAR + "–" + LAST_YEAR + ": another byte order? not read as a date");
        }
        try {
            return Optional.of(LocalDateTime.of(year, f[4], f[3], f[2], f[1], f[0]));
        } catch (DateTimeException e) {
            throw new Unreadable("real time " + HEX.formatHex(data, offset, offset + 7)
                    + " (ss mm hh DD MM YY YY) is not a time: " + e.getMessage());
        }
    }

    private static void putFlow(double value, Cjt188Unit unit, byte[] out, int offset) {
        long hundredths = Math.round(value * 100);
        if (hundredths < 0 || hundredths > 99_999_999) {
            throw new IllegalArgumentException(value + " " + unit.symbol() + " does not fit XXXXXX.XX");
        }
        Bcd.put(hundredths, out, offset, 4);
        out[offset + 4] = (byte) unit.code();
    }

    private static void putClock(LocalDateTime t, byte[] out, int offset) {
        int[] fields = {t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(),
                t.getYear() % 100, t.getYear() / 100};
        for (int i = 0; i < 7; i++) {
            Bcd.put(fields[i], out, offset + i, 1);
        }
    }
}
