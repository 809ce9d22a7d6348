package io.parkpulse.contract;

import java.util.ArrayList;
import java.util.Collection;
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
        long[] sorted = seqs.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Range> ranges = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            long first = sorted[i];
            long last = first;
            while (i + 1 < sorted.length && sorted[i + 1] <= last + 1) {
                last = sorted[++i];
            }
            ranges.add(new Range(first, last));
            i++;
        }
        return ranges;
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
