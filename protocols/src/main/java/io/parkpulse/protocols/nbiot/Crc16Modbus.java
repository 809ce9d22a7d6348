package io.parkpulse.protocols.nbiot;

/**
 * CRC-16/MODBUS (poly 0x8005 reflected = 0xA001, init 0xFFFF, no final XOR; check value of "123456789" is 0x4B37),
 * the checksum small meter MCUs already carry for Modbus RTU.
 */
public final class Crc16Modbus {

    private Crc16Modbus() {
    }

    public static int of(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
