package io.parkpulse.protocols.cjt188;

import java.util.Optional;

/**
 * The byte order of the metering-data identifier 901F on the wire. Vendors differ (docs/domain.md §6.2):
 * some send {@code 90 1F}, others {@code 1F 90}; configure per meter model, accept both in replies.
 */
public enum DiOrder {
    /** {@code 90 1F}: high byte first */
    HIGH_FIRST,
    /** {@code 1F 90}: low byte first */
    LOW_FIRST;

    /** The two bytes of {@code identifier} (e.g. {@code 0x901F}) in this order. */
    public byte[] wire(int identifier) {
        byte high = (byte) (identifier >> 8);
        byte low = (byte) identifier;
        return this == HIGH_FIRST ? new byte[] {high, low} : new byte[] {low, high};
    }

    /**
     * The order in which {@code first, second} spell {@code identifier}; empty when they spell another identifier in
     * both orders.
     */
    public static Optional<DiOrder> of(byte first, byte second, int identifier) {
        for (DiOrder order : values()) {
            byte[] wire = order.wire(identifier);
            if (wire[0] == first && wire[1] == second) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
