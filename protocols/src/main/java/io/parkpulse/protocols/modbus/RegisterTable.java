package io.parkpulse.protocols.modbus;

/** Which Modbus table a value lives in: holding registers (function 03) or input registers (function 04). */
public enum RegisterTable {
    HOLDING,
    INPUT
}
