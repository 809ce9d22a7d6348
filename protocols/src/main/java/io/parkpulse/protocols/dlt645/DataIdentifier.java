package io.parkpulse.protocols.dlt645;

import io.parkpulse.contract.Quantity;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DL/T 645-2007 data identifiers ParkPulse reads, with their value formats (docs/gateway.md "DL/T 645-2007", from
 * the standard's appendix A as public implementations apply it): BCD, lowest byte first, a fixed number of decimals,
 * for signed values the top bit of the last byte as the sign, and for a maximum demand the time it occurred.
 */
public enum DataIdentifier {
    // ---- energy (appendix A.1): [00][kind][tariff 00 = total, 01-3F][settlement 00 = current, 01-0C = last N] ----
    /** (current) combined active total energy 组合有功总电能 — forward ± reverse by the meter's combination word */
    COMBINED_ACTIVE_ENERGY(0x00000000, 4, 2, false, Quantity.ENERGY_KWH),
    /** forward active total energy 正向有功总电能 — what billing wants */
    FORWARD_ACTIVE_ENERGY(0x00010000, 4, 2, false, Quantity.ENERGY_KWH),
    /** forward active energy by tariff 正向有功费率1-4电能; T1-T4 are commonly 尖峰平谷 (the meter's tariff table decides) */
    FORWARD_ACTIVE_ENERGY_T1(0x00010100, 4, 2, false, Quantity.ENERGY_T1_KWH),
    FORWARD_ACTIVE_ENERGY_T2(0x00010200, 4, 2, false, Quantity.ENERGY_T2_KWH),
    FORWARD_ACTIVE_ENERGY_T3(0x00010300, 4, 2, false, Quantity.ENERGY_T3_KWH),
    FORWARD_ACTIVE_ENERGY_T4(0x00010400, 4, 2, false, Quantity.ENERGY_T4_KWH),
    /** forward active total energy frozen at the last settlement day (上1结算日正向有功总电能) */
    SETTLED_FORWARD_ACTIVE_ENERGY(0x00010001, 4, 2, false, Quantity.SETTLED_ENERGY_KWH),
    /** reverse active total energy 反向有功总电能 */
    REVERSE_ACTIVE_ENERGY(0x00020000, 4, 2, false, Quantity.REVERSE_ENERGY_KWH),
    /** combined reactive 1 total energy 组合无功1总电能; the top bit is its sign */
    COMBINED_REACTIVE_ENERGY(0x00030000, 4, 2, true, Quantity.REACTIVE_ENERGY_KVARH),
    /** reactive total energy of quadrants I-IV 第一…第四象限无功总电能 */
    Q1_REACTIVE_ENERGY(0x00050000, 4, 2, false, Quantity.REACTIVE_ENERGY_Q1_KVARH),
    Q2_REACTIVE_ENERGY(0x00060000, 4, 2, false, Quantity.REACTIVE_ENERGY_Q2_KVARH),
    Q3_REACTIVE_ENERGY(0x00070000, 4, 2, false, Quantity.REACTIVE_ENERGY_Q3_KVARH),
    Q4_REACTIVE_ENERGY(0x00080000, 4, 2, false, Quantity.REACTIVE_ENERGY_Q4_KVARH),
    /** forward apparent total energy 正向视在总电能 */
    FORWARD_APPARENT_ENERGY(0x00090000, 4, 2, false, Quantity.APPARENT_ENERGY_KVAH),

    // ---- demand (appendix A.2): XX.XXXX kW and when, YYMMDDhhmm ----
    /** (current) forward active total maximum demand and its time 正向有功总最大需量及发生时间 */
    FORWARD_ACTIVE_MAX_DEMAND(0x01010000, 3, 4, false, Quantity.MAX_DEMAND_KW, 5),

    // ---- variables (appendix A.3) ----
    PHASE_A_VOLTAGE(0x02010100, 2, 1, false, Quantity.VOLTAGE_V),
    /** the per-phase voltages 分相电压; phase A under its phase name too */
    L1_VOLTAGE(0x02010100, 2, 1, false, Quantity.VOLTAGE_L1_V),
    L2_VOLTAGE(0x02010200, 2, 1, false, Quantity.VOLTAGE_L2_V),
    L3_VOLTAGE(0x02010300, 2, 1, false, Quantity.VOLTAGE_L3_V),
    PHASE_A_CURRENT(0x02020100, 3, 3, true, Quantity.CURRENT_A),
    L1_CURRENT(0x02020100, 3, 3, true, Quantity.CURRENT_L1_A),
    L2_CURRENT(0x02020200, 3, 3, true, Quantity.CURRENT_L2_A),
    L3_CURRENT(0x02020300, 3, 3, true, Quantity.CURRENT_L3_A),
    TOTAL_ACTIVE_POWER(0x02030000, 3, 4, true, Quantity.POWER_KW),
    L1_ACTIVE_POWER(0x02030100, 3, 4, true, Quantity.POWER_L1_KW),
    L2_ACTIVE_POWER(0x02030200, 3, 4, true, Quantity.POWER_L2_KW),
    L3_ACTIVE_POWER(0x02030300, 3, 4, true, Quantity.POWER_L3_KW),
    TOTAL_REACTIVE_POWER(0x02040000, 3, 4, true, Quantity.REACTIVE_POWER_KVAR),
    /** total apparent power 瞬时总视在功率 */
    TOTAL_APPARENT_POWER(0x02050000, 3, 4, true, Quantity.APPARENT_POWER_KVA),
    TOTAL_POWER_FACTOR(0x02060000, 2, 3, true, Quantity.POWER_FACTOR),
    GRID_FREQUENCY(0x02800002, 2, 2, false, Quantity.FREQUENCY_HZ);

    private final int code;
    private final int bytes;
    private final int decimals;
    private final boolean signed;
    private final Quantity quantity;
    private final int timeBytes;

    DataIdentifier(int code, int bytes, int decimals, boolean signed, Quantity quantity) {
        this(code, bytes, decimals, signed, quantity, 0);
    }

    /**
     * @param bytes     the number's bytes
     * @param timeBytes bytes of the time that comes with it (5: YYMMDDhhmm), 0 for none
     */
    DataIdentifier(int code, int bytes, int decimals, boolean signed, Quantity quantity, int timeBytes) {
        this.code = code;
        this.bytes = bytes;
        this.decimals = decimals;
        this.signed = signed;
        this.quantity = quantity;
        this.timeBytes = timeBytes;
    }

    /** DI3 DI2 DI1 DI0 as one number: {@code 0x02010100} for phase-A voltage. */
    public int code() {
        return code;
    }

    /** Value bytes in a reply: the number's, and the time's when it has one. */
    public int bytes() {
        return bytes + timeBytes;
    }

    /** Whether a time comes with the number (a maximum demand and when it occurred). */
    public boolean hasTime() {
        return timeBytes > 0;
    }

    /** The quantity the time is sent as ({@code max_demand_at}), or {@code null} without a time. */
    public Quantity timeQuantity() {
        return hasTime() ? Quantity.MAX_DEMAND_AT : null;
    }

    /** Decimal places of the value. */
    public int decimals() {
        return decimals;
    }

    /** Whether the top bit of the last value byte is a sign. */
    public boolean signed() {
        return signed;
    }

    /** The wire-vocabulary quantity the value is. */
    public Quantity quantity() {
        return quantity;
    }

    /** The identifiers of {@code code}: one, or several when a value goes by two names (phase A voltage, L1 voltage). */
    public static List<DataIdentifier> byCode(int code) {
        List<DataIdentifier> found = new ArrayList<>();
        for (DataIdentifier d : values()) {
            if (d.code == code) {
                found.add(d);
            }
        }
        return found;
    }

    /** The identifier of {@code code} read as {@code quantity}. */
    public static Optional<DataIdentifier> of(int code, Quantity quantity) {
        return byCode(code).stream().filter(d -> d.quantity == quantity).findFirst();
    }

    /** The 4 identifier bytes as a data field carries them: DI0 first. */
    public byte[] wire() {
        return new byte[] {(byte) code, (byte) (code >> 8), (byte) (code >> 16), (byte) (code >> 24)};
    }

    /**
     * The number in the value bytes (without the +0x33 offset) starting at {@code offset}. A value with a time is sent
     * as one little-endian field, lowest digits first: the time's {@code mm hh DD MM YY}, then the number.
     *
     * @throws IllegalArgumentException naming the byte when a nibble is not a decimal digit
     */
    public double decode(byte[] data, int offset) {
        return number(data, offset + timeBytes);
    }

    /**
     * The time that comes with the number ({@code YYMMDDhhmm} in the meter's clock), empty when the meter has none yet
     * (all zero: no maximum demand since the last clearing).
     *
     * @throws IllegalArgumentException saying why the bytes are not a time: not BCD, no such date
     */
    public Optional<LocalDateTime> decodeTime(byte[] data, int offset) {
        if (timeBytes == 0) {
            return Optional.empty();
        }
        int[] digits = new int[timeBytes];
        boolean zero = true;
        for (int i = 0; i < timeBytes; i++) {
            int b = data[offset + i] & 0xFF;
            if ((b >> 4) > 9 || (b & 0xF) > 9) {
                throw new IllegalArgumentException(String.format("%s: time byte %d is %02X, not BCD", this, i, b));
            }
            digits[i] = (b >> 4) * 10 + (b & 0xF);
            zero &= b == 0;
        }
        if (zero) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(2000 + digits[4], digits[3], digits[2], digits[1], digits[0]));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(String.format("%s: %02d-%02d-%02d %02d:%02d is no time: %s", this, digits[4],
                    digits[3], digits[2], digits[1], digits[0], e.getMessage()));
        }
    }

    private double number(byte[] data, int offset) {
        long digits = 0;
        boolean negative = false;
        for (int i = bytes - 1; i >= 0; i--) {
            int b = data[offset + i] & 0xFF;
            if (signed && i == bytes - 1) {
                negative = (b & 0x80) != 0;
                b &= 0x7F;
            }
            int hi = b >> 4;
            int lo = b & 0xF;
            if (hi > 9 || lo > 9) {
                throw new IllegalArgumentException(String.format("%s: value byte %d is %02X, not BCD", this, i, data[offset + i] & 0xFF));
            }
            digits = digits * 100 + hi * 10 + lo;
        }
        double value = digits / Math.pow(10, decimals);
        return negative ? -value : value;
    }

    /** The value bytes of {@code value} and {@code time} (an identifier with a time; {@code null}: none yet). */
    public byte[] encode(double value, LocalDateTime time) {
        if (timeBytes == 0) {
            throw new IllegalArgumentException(this + " has no time");
        }
        byte[] number = encode(value);
        byte[] out = new byte[timeBytes + number.length];
        if (time != null) {
            int[] fields = {time.getMinute(), time.getHour(), time.getDayOfMonth(), time.getMonthValue(), time.getYear() - 2000};
            for (int i = 0; i < timeBytes; i++) {
                out[i] = (byte) ((fields[i] / 10) << 4 | fields[i] % 10);
            }
        }
        System.arraycopy(number, 0, out, timeBytes, number.length);
        return out;
    }

    /** The number's bytes of {@code value}, the inverse of {@link #decode}; rounds to the format's decimals. */
    public byte[] encode(double value) {
        long digits = Math.round(Math.abs(value) * Math.pow(10, decimals));
        // a signed value gives up only the top bit: the top digit may still be 0-7 (XX.XXXX power goes to 79.9999)
        long limit = signed ? 8 * (long) Math.pow(10, 2 * bytes - 1) : (long) Math.pow(10, 2 * bytes);
        if (digits >= limit) {
            throw new IllegalArgumentException(this + ": " + value + " does not fit in " + bytes + " BCD bytes");
        }
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int pair = (int) (digits % 100);
            digits /= 100;
            out[i] = (byte) ((pair / 10) << 4 | pair % 10);
        }
        if (signed && value < 0) {
            out[bytes - 1] |= (byte) 0x80;
        }
        return out;
    }
}
