package io.parkpulse.bench.peers;

/** One way of carrying the readings, run once per planned run. */
interface PeerLane {

    /** Measures one run; a failure of the system under test is reported in the run, not thrown. */
    PeerRun run(PlannedRun plan) throws Exception;
}
