package io.parkpulse.protocols.modbus;

/** How the 16-bit registers of one value are read as a number. */
public enum DataType {
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    /** How many consecutive 16-bit registers the value takes. */
    public int registers() {
        return registers;
    }
}
