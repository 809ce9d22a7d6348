package io.parkpulse.efficiency.indicator;

/** Which way an indicator gets better; volumes have no direction and are not ranked. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NONE;

    /** True when {@code a} is better than {@code b}. */
    public boolean better(double a, double b) {
        return switch (this) {
            case HIGHER_IS_BETTER -> a > b;
            case LOWER_IS_BETTER -> a < b;
            case NONE -> false;
        };
    }
}
