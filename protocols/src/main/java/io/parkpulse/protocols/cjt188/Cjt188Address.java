package io.parkpulse.protocols.cjt188;

import java.util.HexFormat;

/**
 * A CJ/T 188 meter address: 7 bytes, lowest first on the wire, printed highest first as 14 hexadecimal digits
 * (commonly 10 BCD digits of meter number and 4 of manufacturer code: wire {@code 44 33 22 11 00 33 78} is
 * {@code 78330011223344}). Hexadecimal rather than decimal so that the wildcard {@code AA…AA} and vendors' non-BCD
 * addresses can be written down too.
 */
public final class Cjt188Address {

    /** {@code AA} × 7: answered by any meter; for point-to-point use only. */
    public static final String WILDCARD = "AAAAAAAAAAAAAA";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Cjt188Address() {
    }

    /** The wire bytes of 14 hexadecimal digits, highest first. */
    public static byte[] toWire(String digits) {
        if (!digits.matches("[0-9A-Fa-f]{14}")) {
            throw new IllegalArgumentException("a CJ/T 188 address is 14 hexadecimal digits, got \"" + digits + "\"");
        }
        byte[] printed = HEX.parseHex(digits);
        byte[] wire = new byte[7];
        for (int i = 0; i < 7; i++) {
            wire[i] = printed[6 - i];
        }
        return wire;
    }

    /** The 14 digits (upper case) of 7 wire bytes. */
    public static String fromWire(byte[] wire) {
        if (wire.length != 7) {
            throw new IllegalArgumentException("a CJ/T 188 address has 7 bytes, got " + wire.length);
        }
        byte[] printed = new byte[7];
        for (int i = 0; i < 7; i++) {
            printed[i] = wire[6 - i];
        }
        return HEX.formatHex(printed);
    }
}
