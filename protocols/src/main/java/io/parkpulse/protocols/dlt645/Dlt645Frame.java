package io.parkpulse.protocols.dlt645;

import io.parkpulse.protocols.FrameBytes;
import java.util.Arrays;

/**
 * One DL/T 645 frame: {@code 68 A0..A5 68 C L DATA CS 16}. The address is kept as sent (6 bytes, lowest first); the
 * data as meant, without the +0x33 every data byte carries on the wire.
 *
 * @param address 6 address bytes in wire order
 * @param control control code: bit 7 set in a meter's reply, bit 6 in an abnormal reply, bit 5 when more frames
 *                follow, bits 4–0 the function
 * @param data    the data field, 0–255 bytes, without the +0x33 offset
 */
public record Dlt645Frame(byte[] address, int control, byte[] data) {

    public static final int START = FrameBytes.START;
    public static final int END = FrameBytes.END;
    /** Bytes a frame has besides its data: 68, 6 address bytes, 68, C, L, CS, 16. */
    static final int OVERHEAD = 12;
    /** Added to every data byte on the wire. */
    static final int OFFSET = 0x33;

    public static final int READ_DATA = 0x11;
    public static final int READ_ADDRESS = 0x13;
    public static final int WRITE_ADDRESS = 0x15;
    public static final int BROADCAST_TIME = 0x08;

    public Dlt645Frame {
        if (address.length != 6) {
            throw new IllegalArgumentException("a DL/T 645 address has 6 bytes, got " + address.length);
        }
        if (control < 0 || control > 0xFF) {
            throw new IllegalArgumentException("control code must be one byte, got " + control);
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("a DL/T 645 data field holds at most 255 bytes, got " + data.length);
        }
        address = address.clone();
        data = data.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** A meter's reply (direction bit set), as opposed to a request or its echo on a half-duplex bus. */
    public boolean isReply() {
        return (control & 0x80) != 0;
    }

    /** The meter could not do what was asked; the data is one byte of error bits. */
    public boolean isAbnormal() {
        return (control & 0x40) != 0;
    }

    public int function() {
        return control & 0x1F;
    }

    /**
     * The frame on the wire, after {@code preamble} wake-up bytes {@code FE} (meters behind converters commonly want
     * four).
     */
    public byte[] encode(int preamble) {
        byte[] out = FrameBytes.withPreamble(preamble, OVERHEAD + data.length);
        int i = preamble;
        out[i++] = (byte) START;
        System.arraycopy(address, 0, out, i, 6);
        i += 6;
        out[i++] = (byte) START;
        out[i++] = (byte) control;
        out[i++] = (byte) data.length;
        for (byte b : data) {
            out[i++] = (byte) (b + OFFSET);
        }
        FrameBytes.seal(out, preamble, i);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dlt645Frame f && control == f.control && Arrays.equals(address, f.address)
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(address) + control) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Dlt645Frame[address=" + FrameBytes.hex(address) + ", control=" + FrameBytes.hex(control)
                + ", data=" + FrameBytes.hex(data) + "]";
    }
}
