package io.parkpulse.bench.peers;

import io.parkpulse.simulators.load.LoadPark;

/**
 * How many readings a run measures and how many a warm run stores first, in whole rounds of the park's meters.
 *
 * @param rounds       measured rounds (readings = rounds × meters)
 * @param warmUpRounds rounds a warm run stores before the measured ones, sent in blocks of {@code rounds} each waited
 *                     for: the broker's queue for a subscriber is bounded, so a million one-reading messages sent at
 *                     once would overflow it
 */
record RunSizes(int rounds, int warmUpRounds) {

    RunSizes {
        if (rounds < 1 || warmUpRounds < 0) {
            throw new IllegalArgumentException("at least one measured round, no negative warm-up");
        }
    }

    /** From reading counts, which must be whole rounds of the park's meters. */
    static RunSizes of(LoadPark park, long readings, long warmUpReadings) {
        if (readings % park.meters() != 0 || warmUpReadings % park.meters() != 0) {
            throw new IllegalArgumentException("readings per run (" + readings + ") and warm-up readings (" + warmUpReadings
                    + ") must be multiples of the meters (" + park.meters() + "): every meter read once per round");
        }
        return new RunSizes(Math.toIntExact(readings / park.meters()), Math.toIntExact(warmUpReadings / park.meters()));
    }
}
