package io.parkpulse.bench.peers;

import io.parkpulse.simulators.load.LoadPark;

/**
 * Readings sent in one go: {@code rounds} rounds in which every meter of the park is read once, round r at device
 * time {@code baseMs + r} (the load generator's {@code LoadTraffic}). Every reading is a distinct (meter, time), so
 * counting the block's time range in InfluxDB counts exactly its readings.
 */
record ReadingBlock(long baseMs, int rounds) {

    ReadingBlock {
        if (rounds < 1) {
            throw new IllegalArgumentException("a block has at least one round");
        }
    }

    long readings(LoadPark park) {
        return (long) rounds * park.meters();
    }

    /** The end (exclusive) of the block's device times. */
    long endMs() {
        return baseMs + rounds;
    }

    /** The block right after this one in device time. */
    ReadingBlock next(int rounds) {
        return new ReadingBlock(endMs(), rounds);
    }
}
