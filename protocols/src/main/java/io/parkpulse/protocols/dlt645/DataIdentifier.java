package io.parkpulse.protocols.dlt645;

import io.parkpulse.contract.Quantity;
import java.util.Optional;

/**
 * The DL/T 645-2007 data identifiers ParkPulse reads, with their value formats (docs/domain.md §6.1): BCD, lowest byte
 * first, a fixed number of decimals, and for signed values the top bit of the last byte as the sign.
 */
public enum DataIdentifier {
    /** (current) combined active total energy 组合有功总电能 — forward ± reverse by the meter's combination word */
    COMBINED_ACTIVE_ENERGY(0x00000000, 4, 2, false, Quantity.ENERGY_KWH),
    /** forward active total energy 正向有功总电能 — what billing wants */
    FORWARD_ACTIVE_ENERGY(0x00010000, 4, 2, false, Quantity.ENERGY_KWH),
    /** reverse active total energy 反向有功总电能 */
    REVERSE_ACTIVE_ENERGY(0x00020000, 4, 2, false, Quantity.REVERSE_ENERGY_KWH),
    PHASE_A_VOLTAGE(0x02010100, 2, 1, false, Quantity.VOLTAGE_V),
    PHASE_A_CURRENT(0x02020100, 3, 3, true, Quantity.CURRENT_A),
    TOTAL_ACTIVE_POWER(0x02030000, 3, 4, true, Quantity.POWER_KW),
    TOTAL_REACTIVE_POWER(0x02040000, 3, 4, true, Quantity.REACTIVE_POWER_KVAR),
    TOTAL_POWER_FACTOR(0x02060000, 2, 3, true, Quantity.POWER_FACTOR),
    GRID_FREQUENCY(0x02800002, 2, 2, false, Quantity.FREQUENCY_HZ);

    private final int code;
    private final int bytes;
    private final int decimals;
    private final boolean signed;
    private final Quantity quantity;

    DataIdentifier(int code, int bytes, int decimals, boolean signed, Quantity quantity) {
        this.code = code;
        this.bytes = bytes;
        this.decimals = decimals;
        this.signed = signed;
        this.quantity = quantity;
    }

    /** DI3 DI2 DI1 DI0 as one number: {@code 0x02010100} for phase-A voltage. */
    public int code() {
        return code;
    }

    /** Value bytes in a reply. */
    public int bytes() {
        return bytes;
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

    public static Optional<DataIdentifier> byCode(int code) {
        for (DataIdentifier d : values()) {
            if (d.code == code) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The 4 identifier bytes as a data field carries them: DI0 first. */
    public byte[] wire() {
        return new byte[] {(byte) code, (byte) (code >> 8), (byte) (code >> 16), (byte) (code >> 24)};
    }

    /**
     * The value of {@code bytes} value bytes (without the +0x33 offset) at {@code offset}.
     *
     * @throws IllegalArgumentException naming the byte when a nibble is not a decimal digit
     */
    public double decode(byte[] data, int offset) {
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

    /** The value bytes of {@code value}, the inverse of {@link #decode}; rounds to the format's decimals. */
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
