package io.parkpulse.protocols.cjt188;

/**
 * The byte order of the metering-data identifier 901F on the wire. Vendors differ (domain.md 6.2):
 * some send {@code 90 1F}, others {@code 1F 90}; configure per meter model, accept both in replies.
 */
public enum DiOrder {
    /** {@code 90 1F}: high byte first */
    HIGH_FIRST,
    /** {@code 1F 90}: low byte first */
    LOW_FIRST
}
