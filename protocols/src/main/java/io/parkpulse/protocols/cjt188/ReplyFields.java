package io.parkpulse.protocols.cjt188;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading and writing the fields metering-data replies share: BCD numbers lowest byte first with a fixed number of
 * decimals, unit bytes, the 7-byte real time. A field that cannot be read throws {@link Unreadable} with a reason that
 * names it; the decoders catch it, so that decoding never throws.
 */
final class ReplyFields {

    /** The earliest and latest year a meter in service can show; outside them the bytes are misread, not a date. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** Enough significant digits for any 8-digit BCD value times an exact decimal unit factor. */
    private static final MathContext TIDY = new MathContext(12);

    private ReplyFields() {
    }

    /**
     * The checks every metering data record makes of what it shares: a one-byte serial, a status, and a clock that is
     * either read or has a problem, never both.
     */
    static void checkCommon(int serial, Optional<LocalDateTime> meterClock, MeterStatus status,
                            Optional<String> clockProblem) {
        if (serial < 0 || serial > 0xFF) {
            throw new IllegalArgumentException("SER is one byte, got " + serial);
        }
        Objects.requireNonNull(meterClock, "meterClock");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(clockProblem, "clockProblem");
        if (clockProblem.isPresent() && meterClock.isPresent()) {
            throw new IllegalArgumentException("a clock with a problem is not given: " + clockProblem.get());
        }
    }

    /** A field that cannot be read; caught by the decoders, never leaves this package. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Why {@code frame} is not a meter's normal reply to a read of data ({@code 81}): a request or its echo, an abnormal
     * reply (with its data), another function; empty when it is one.
     */
    static Optional<String> notAReadReply(Cjt188Frame frame) {
        if (!frame.isReply()) {
            return Optional.of(String.format("control %02X is a request, not a reply (an echo of our own request?)",
                    frame.control()));
        }
        byte[] data = frame.data();
        if (frame.isAbnormal()) {
            return Optional.of(String.format("the meter answered abnormally (control %02X): %s", frame.control(),
                    data.length == 0 ? "no data" : "data " + HEX.formatHex(data)));
        }
        if (frame.function() != Cjt188Frame.READ_DATA) {
            return Optional.of(String.format("control %02X is not a reply to a read of data (81)", frame.control()));
        }
        return Optional.empty();
    }

    /** The reason for a reply whose first two data bytes are not the metering-data identifier in either order. */
    static String notTheIdentifier(byte[] data) {
        return String.format("identifier %02X %02X is not 901F in either byte order", data[0] & 0xFF, data[1] & 0xFF);
    }

    /** The BCD number at {@code data[offset, offset+length)}, lowest byte first, with {@code decimals} decimals. */
    static double number(byte[] data, int offset, int length, int decimals, String name) throws Unreadable {
        int bad = Bcd.firstInvalid(data, offset, length);
        if (bad >= 0) {
            throw new Unreadable(String.format("%s: value byte %d is %02X, not BCD", name, bad, data[offset + bad] & 0xFF));
        }
        return BigDecimal.valueOf(Bcd.digits(data, offset, length), decimals).doubleValue();
    }

    /** The unit byte at {@code offset}, which must be one of {@code dimension}'s. */
    static Cjt188Unit unit(byte[] data, int offset, Cjt188Unit.Dimension dimension, String name) throws Unreadable {
        int code = data[offset] & 0xFF;
        Cjt188Unit unit = Cjt188Unit.byCode(code)
                .orElseThrow(() -> new Unreadable(String.format("%s: unknown unit code %02X", name, code)));
        if (unit.dimension() != dimension) {
            throw new Unreadable(String.format("%s: unit %02X (%s) is not %s", name, code, unit.symbol(), dimension.noun()));
        }
        return unit;
    }

    /** {@code x} without the binary noise of a unit conversion (277.77…× 0.0036 is 1, not 0.9999999999999999). */
    static double tidy(double x) {
        return BigDecimal.valueOf(x).round(TIDY).doubleValue();
    }

    /** The clock at {@code offset} ({@code ss mm hh DD MM YY YY}, lowest first); empty when all zeros (not set). */
    static Optional<LocalDateTime> clock(byte[] data, int offset) throws Unreadable {
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

    /**
     * Writes {@code value} as {@code length} BCD bytes with {@code decimals} decimals, rounded to the last one.
     *
     * @throws IllegalArgumentException when it is negative, not finite or too large for the field
     */
    static void putNumber(double value, int decimals, byte[] out, int offset, int length, String what) {
        double scaled = Math.round(value * Math.pow(10, decimals));
        if (!Double.isFinite(value) || !(scaled >= 0 && scaled < Math.pow(100, length))) {
            throw new IllegalArgumentException(value + " " + what + " does not fit " + length + " BCD bytes with "
                    + decimals + " decimals");
        }
        Bcd.put((long) scaled, out, offset, length);
    }

    static void putClock(LocalDateTime t, byte[] out, int offset) {
        int[] fields = {t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(),
                t.getYear() % 100, t.getYear() / 100};
        for (int i = 0; i < 7; i++) {
            Bcd.put(fields[i], out, offset + i, 1);
        }
    }
}
