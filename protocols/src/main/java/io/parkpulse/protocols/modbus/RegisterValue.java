package io.parkpulse.protocols.modbus;

import java.util.Locale;

/**
 * Where and how one value sits in a Modbus device: table, first register address (0-based, as on the
 * wire), data type, word order and the scale that turns the raw number into the wire unit
 * (raw × scale; e.g. 0.01 for a register counting 0.01 kWh, 0.001 for a float in Wh → kWh).
 */
public record RegisterValue(RegisterTable table, int address, DataType type, WordOrder order, double scale) {

    public RegisterValue {
        if (table == null || type == null || order == null) {
            throw new IllegalArgumentException("table, type and word order are required");
        }
        if (address < 0 || address + type.registers() > 0x10000) {
            throw new IllegalArgumentException("register address " + address + " is outside 0…65535");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale must be a finite number other than 0, got " + scale);
        }
    }

    /** The address just past the value's last register. */
    public int end() {
        return address + type.registers();
    }

    /** How problems name the value: "input register 0x0034 (float32 high_first)". */
    public String describe() {
        String kind = type.registers() == 1
                ? type.name().toLowerCase(Locale.ROOT)
                : type.name().toLowerCase(Locale.ROOT) + ' ' + order.name().toLowerCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s register 0x%04X (%s)", table.name().toLowerCase(Locale.ROOT), address, kind);
    }
}
