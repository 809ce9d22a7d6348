package io.parkpulse.bench.peers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a schedule, lane by lane, printing each run's figures as it ends. */
final class PeerBench {

    private static final Logger LOG = LoggerFactory.getLogger(PeerBench.class);

    private final Map<Lane, PeerLane> lanes;
    private final PrintStream out;

    PeerBench(Map<Lane, PeerLane> lanes, PrintStream out) {
        this.lanes = Map.copyOf(lanes);
        this.out = out;
    }

    /** Every run of the schedule; a run that fails is recorded as failed and the schedule goes on. */
    PeerReport run(List<PlannedRun> schedule) {
        List<PeerRun> runs = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            PlannedRun plan = schedule.get(i);
            PeerRun run;
            try {
                run = lanes.get(plan.lane()).run(plan);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in " + plan.name(), e);
            } catch (Exception e) {
                LOG.warn("{} failed", plan.name(), e);
                run = PeerRun.failed(plan, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            }
            runs.add(run);
            out.printf("[%d/%d] %s%n", i + 1, schedule.size(), run.summary());
            out.flush();
        }
        return new PeerReport(runs);
    }
}
