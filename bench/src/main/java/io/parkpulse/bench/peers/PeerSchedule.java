package io.parkpulse.bench.peers;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the runs: phase by phase, round by round, shape by shape, every lane once — in an order that rotates
 * from one (round, shape) to the next, so no lane always runs first after a quiet pause or right after the heaviest
 * lane. Interleaving is what lets the ratios stand on a shared, noisy machine: a slow minute hits every lane alike.
 */
public final class PeerSchedule {

    private PeerSchedule() {
    }

    /**
     * @param rounds rounds per phase, in the order of {@code phases}; a phase with 0 rounds is skipped
     */
    public static List<PlannedRun> of(List<Phase> phases, List<Integer> rounds, List<Shape> shapes, List<Lane> lanes) {
        if (phases.size() != rounds.size()) {
            throw new IllegalArgumentException("one round count per phase");
        }
        List<PlannedRun> runs = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            for (int round = 1; round <= rounds.get(p); round++) {
                for (int s = 0; s < shapes.size(); s++) {
                    for (Lane lane : rotated(lanes, round - 1 + s)) {
                        runs.add(new PlannedRun(phases.get(p), round, shapes.get(s), lane));
                    }
                }
            }
        }
        return runs;
    }

    /** {@code lanes} starting at index {@code by} modulo their number. */
    static List<Lane> rotated(List<Lane> lanes, int by) {
        List<Lane> out = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            out.add(lanes.get((by + i) % lanes.size()));
        }
        return out;
    }
}
