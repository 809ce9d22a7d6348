package io.parkpulse.bench.peers;

/** One measured run of the schedule: a lane carrying the run's readings in one shape, in a round of a phase (from 1). */
public record PlannedRun(Phase phase, int round, Shape shape, Lane lane) {

    /** A short name for logs, process names and client ids: {@code cold-r2-qos1-50-parkpulse}. */
    public String name() {
        return phase.label() + "-r" + round + "-" + shape + "-" + lane.option();
    }
}
