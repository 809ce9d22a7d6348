package io.parkpulse.protocols.cjt188;

/**
 * The two status bytes ST that end a metering-data reply, kept as sent. The standard defines the first byte and leaves
 * the second to the vendor (cnblogs yangykaifa/p/7010777). The bit meanings below are the <em>common reading</em> of
 * the first byte — valve state in D0–D1 (00 open, 01 closed, 11 abnormal), battery low in D2 — and are not verified
 * against the standard text; vendors deviate.
 *
 * @param first  ST byte 1 (standard-defined)
 * @param second ST byte 2 (vendor-defined)
 */
public record MeterStatus(int first, int second) {

    public static final MeterStatus NORMAL = new MeterStatus(0, 0);

    public MeterStatus {
        if (first < 0 || first > 0xFF || second < 0 || second > 0xFF) {
            throw new IllegalArgumentException("status bytes must be 0…255, got " + first + ", " + second);
        }
    }

    /** D0–D1 of the first byte: the valve state by the common reading (0 open, 1 closed, 3 abnormal). */
    public int valveBits() {
        return first & 0x03;
    }

    /** D2 of the first byte: battery low by the common reading. */
    public boolean batteryLow() {
        return (first & 0x04) != 0;
    }
}
