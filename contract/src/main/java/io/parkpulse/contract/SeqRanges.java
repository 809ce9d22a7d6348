package io.parkpulse.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Telemetry {@code seq} numbers as sorted, non-overlapping inclusive ranges, merged where adjacent. */
public final class SeqRanges {

    /** At most so many ranges in one {@link Acknowledgement}. */
    public static final int MAX_PER_ACK = 1_000;

    private SeqRanges() {
    }

    /** An inclusive range of seqs: {@code [first, last]}, {@code 0 <= first <= last}. */
    public record Range(long first, long last) {
        public Range {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("not a seq range: [" + first + ", " + last + "]");
            }
        }

        public boolean contains(long seq) {
            return seq >= first && seq <= last;
        }
    }

    /** {@code seqs} (any order, duplicates allowed, none negative) as sorted, merged ranges. */
    public static List<Range> of(Collection<Long> seqs) {
        return union(seqs.stream().map(seq -> new Range(seq, seq)).toList());
    }

    /** The seqs {@code ranges} cover (any order, overlapping or adjacent) as sorted ranges, merged where they touch. */
    public static List<Range> union(Collection<Range> ranges) {
        List<Range> merged = new ArrayList<>();
        for (Range r : ranges.stream().sorted(Comparator.comparingLong(Range::first)).toList()) {
            Range previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // first - 1, not last + 1: a range may end at Long.MAX_VALUE
            if (previous != null && r.first() - 1 <= previous.last()) {
                merged.set(merged.size() - 1, new Range(previous.first(), Math.max(previous.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** {@code ranges} in consecutive chunks of at most {@code max} ranges each (none when empty). */
    public static List<List<Range>> split(List<Range> ranges, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        List<List<Range>> chunks = new ArrayList<>();
        for (int from = 0; from < ranges.size(); from += max) {
            chunks.add(List.copyOf(ranges.subList(from, Math.min(ranges.size(), from + max))));
        }
        return chunks;
    }

    /** How many seqs {@code ranges} cover. */
    public static long count(List<Range> ranges) {
        return ranges.stream().mapToLong(r -> r.last() - r.first() + 1).sum();
    }
}
