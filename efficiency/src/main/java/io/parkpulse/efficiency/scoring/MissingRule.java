package io.parkpulse.efficiency.scoring;

/** What an enterprise scores on an indicator it has no value for. */
public enum MissingRule {
    /** no points */
    ZERO,
    /** the average points of the group on that indicator (Huangyan's rule for firms without emission data) */
    PEER_AVERAGE
}
