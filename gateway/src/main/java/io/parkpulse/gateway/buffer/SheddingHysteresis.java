package io.parkpulse.gateway.buffer;

import io.parkpulse.gateway.config.Importance;

/**
 * Which points still get read as the buffer fills under {@code SHED_LEAST_IMPORTANT}. The level is
 * the least importance still read: {@code LOW} reads everything, {@code NORMAL} stops LOW points,
 * {@code HIGH} keeps only the billing registers.
 *
 * <pre>
 *   fill ≥ 0.90  stop LOW points            fill &lt; 0.85  read LOW points again
 *   fill ≥ 0.97  stop NORMAL points too     fill &lt; 0.93  read NORMAL points again
 * </pre>
 *
 * The gaps between stopping and resuming keep a buffer hovering at a threshold (one cycle's messages
 * in, one acknowledged out) from switching points on and off every poll cycle.
 */
final class SheddingHysteresis {

    static final double STOP_LOW = 0.90;
    static final double RESUME_LOW = 0.85;
    static final double STOP_NORMAL = 0.97;
    static final double RESUME_NORMAL = 0.93;

    private Importance level = Importance.LOW;

    /** Moves the level for the buffer's new fill (0…1) and returns it. */
    Importance update(double fill) {
        if (fill >= STOP_NORMAL) {
            level = Importance.HIGH;
        } else if (fill >= STOP_LOW && level == Importance.LOW) {
            level = Importance.NORMAL;
        }
        if (level == Importance.HIGH && fill < RESUME_NORMAL) {
            level = Importance.NORMAL;
        }
        if (level == Importance.NORMAL && fill < RESUME_LOW) {
            level = Importance.LOW;
        }
        return level;
    }

    Importance level() {
        return level;
    }
}
