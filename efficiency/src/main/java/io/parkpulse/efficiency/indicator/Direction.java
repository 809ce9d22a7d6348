package io.parkpulse.efficiency.indicator;

/** Which way an indicator gets better; volumes have no direction and are not ranked. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NONE
}
