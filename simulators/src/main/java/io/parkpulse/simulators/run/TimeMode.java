package io.parkpulse.simulators.run;

/** How simulated time relates to the wall clock. */
public enum TimeMode {
    /** Simulated time is the wall clock: the live demo. A start in the past is caught up as fast as the sink takes it. */
    REALTIME,
    /** Simulated time = start + elapsed wall time × speed. */
    ACCELERATED,
    /** From start to end as fast as the sink takes it: history for dashboards and tests. */
    BACKFILL
}
