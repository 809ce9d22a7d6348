package io.parkpulse.gateway.buffer;

import java.util.Map;
import java.util.TreeMap;

/**
 * Seqs the platform confirmed that are not yet at the head of the buffer (confirmed out of order, beyond
 * an unconfirmed one), as merged inclusive ranges. Bounded: past {@link #MAX_RANGES} the highest ranges are
 * forgotten, which only means those messages are sent once more. Not thread-safe: the buffer's lock guards it.
 */
final class ConfirmedSeqs {

    static final int MAX_RANGES = 10_000;

    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    /** Adds [first, last] (inclusive), merging with neighbours. */
    void add(long first, long last) {
        if (first > last) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(first);
        if (before != null && before.getValue() >= first - 1) {
            first = before.getKey();
            last = Math.max(last, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(first);
        while (next != null && next.getKey() <= last + 1) {
            last = Math.max(last, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(first);
        }
        ranges.put(first, last);
        while (ranges.size() > MAX_RANGES) {
            ranges.pollLastEntry();
        }
    }

    boolean contains(long seq) {
        Map.Entry<Long, Long> range = ranges.floorEntry(seq);
        return range != null && range.getValue() >= seq;
    }

    /** Forgets every seq below {@code seq}: those left the buffer. */
    void forgetBelow(long seq) {
        while (!ranges.isEmpty() && ranges.firstKey() < seq) {
            Map.Entry<Long, Long> first = ranges.pollFirstEntry();
            if (first.getValue() >= seq) {
                ranges.put(seq, first.getValue());
                return;
            }
        }
    }

    void clear() {
        ranges.clear();
    }

    int ranges() {
        return ranges.size();
    }
}
