package io.parkpulse.simulators.model;

/** What kind of day a local date is for working hours. */
public enum DayType {
    /** A working day, including a weekend day turned into a working day (调休上班). */
    WORKDAY,
    /** Saturday or Sunday that is not an adjusted working day. */
    WEEKEND,
    /** A public holiday, or a weekend day inside a holiday block (放假调休). */
    HOLIDAY
}
