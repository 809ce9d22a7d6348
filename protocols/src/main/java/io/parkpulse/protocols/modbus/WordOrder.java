package io.parkpulse.protocols.modbus;

/**
 * Order of the two registers of a 32-bit value. Bytes inside a register are always big-endian
 * (Modbus); meters differ in which register comes first.
 */
public enum WordOrder {
    /** high word first ("ABCD", big-endian): the Modbus convention, Eastron, most Chinese meters */
    HIGH_FIRST,
    /** low word first ("CDAB", word-swapped): Schneider and several PLCs */
    LOW_FIRST
}
