package io.parkpulse.protocols.cjt188;

import io.parkpulse.protocols.FrameBytes;
import java.util.Arrays;

/**
 * One CJ/T 188 frame: {@code 68 T A0..A6 C L DATA CS 16}. Unlike DL/T 645 there is no second {@code 68} and no
 * +0x33 offset: the data is sent as meant.
 *
 * @param meterType T, the meter type ({@link MeterType}; {@code AA} when talking to any meter)
 * @param address   7 address bytes in wire order (lowest first)
 * @param control   control code: bit 7 set in a meter's reply, bit 6 in an abnormal reply, bits 5–0 the function
 * @param data      the data field, 0–255 bytes
 */
public record Cjt188Frame(int meterType, byte[] address, int control, byte[] data) {

    public static final int START = FrameBytes.START;
    public static final int END = FrameBytes.END;
    /** Bytes a frame has besides its data: 68, T, 7 address bytes, C, L, CS, 16. */
    static final int OVERHEAD = 13;
    /** Index of L counted from the 68. */
    static final int LENGTH_INDEX = 10;

    public static final int READ_DATA = 0x01;
    public static final int READ_ADDRESS = 0x03;
    public static final int WRITE_ADDRESS = 0x15;

    public Cjt188Frame {
        if (meterType < 0 || meterType > 0xFF) {
            throw new IllegalArgumentException("meter type must be one byte, got " + meterType);
        }
        if (address.length != 7) {
            throw new IllegalArgumentException("a CJ/T 188 address has 7 bytes, got " + address.length);
        }
        if (control < 0 || control > 0xFF) {
            throw new IllegalArgumentException("control code must be one byte, got " + control);
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("a CJ/T 188 data field holds at most 255 bytes, got " + data.length);
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

    /** The meter reports that the communication failed (bit 6). */
    public boolean isAbnormal() {
        return (control & 0x40) != 0;
    }

    /** Bits 5–0 of the control code: {@code 01} read data, {@code 03} read address, {@code 15} write address. */
    public int function() {
        return control & 0x3F;
    }

    /** The frame on the wire after {@code preamble} wake-up bytes {@code FE} (the standard asks for 2–4). */
    public byte[] encode(int preamble) {
        byte[] out = FrameBytes.withPreamble(preamble, OVERHEAD + data.length);
        int i = preamble;
        out[i++] = (byte) START;
        out[i++] = (byte) meterType;
        System.arraycopy(address, 0, out, i, 7);
        i += 7;
        out[i++] = (byte) control;
        out[i++] = (byte) data.length;
        System.arraycopy(data, 0, out, i, data.length);
        i += data.length;
        FrameBytes.seal(out, preamble, i);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cjt188Frame f && meterType == f.meterType && control == f.control
                && Arrays.equals(address, f.address) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * meterType + Arrays.hashCode(address)) + control) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Cjt188Frame[type=" + FrameBytes.hex(meterType) + ", address=" + FrameBytes.hex(address)
                + ", control=" + FrameBytes.hex(control) + ", data=" + FrameBytes.hex(data) + "]";
    }
}
