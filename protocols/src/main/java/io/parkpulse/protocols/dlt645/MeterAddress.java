package io.parkpulse.protocols.dlt645;

/**
 * A meter's 12-digit DL/T 645 address, sent as 6 BCD bytes lowest first: meter 123456789012 goes on the wire as
 * {@code 12 90 78 56 34 12}.
 */
public final class MeterAddress {

    /** {@code AA AA AA AA AA AA}: answers to any address; to read the address of the only meter on a bus. */
    public static final byte[] WILDCARD = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA};
    /** {@code 99 99 99 99 99 99}: every meter, no reply (time synchronisation). */
    public static final byte[] BROADCAST = {(byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99};

    private MeterAddress() {
    }

    /** The wire bytes of a 12-digit address (shorter ones are padded with leading zeros). */
    public static byte[] toWire(String digits) {
        if (!digits.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("a DL/T 645 address is up to 12 decimal digits, got \"" + digits + "\"");
        }
        String padded = "0".repeat(12 - digits.length()) + digits;
        byte[] wire = new byte[6];
        for (int i = 0; i < 6; i++) {
            int hi = padded.charAt(10 - 2 * i) - '0';
            int lo = padded.charAt(11 - 2 * i) - '0';
            wire[i] = (byte) (hi << 4 | lo);
        }
        return wire;
    }

    /** The 12 digits of wire address bytes. */
    public static String fromWire(byte[] wire) {
        StringBuilder digits = new StringBuilder(12);
        for (int i = 5; i >= 0; i--) {
            int b = wire[i] & 0xFF;
            if ((b >> 4) > 9 || (b & 0xF) > 9) {
                throw new IllegalArgumentException(String.format("address byte %02X is not BCD", b));
            }
            digits.append(b >> 4).append(b & 0xF);
        }
        return digits.toString();
    }
}
