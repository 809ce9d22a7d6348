package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.SeqRanges.Range;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeqRangesTest {

    @Test
    void nothingIsNoRange() {
        assertThat(SeqRanges.of(List.of())).isEmpty();
        assertThat(SeqRanges.split(List.of(), 1000)).isEmpty();
    }

    @Test
    void mergesAdjacentSortsAndDropsDuplicates() {
        assertThat(SeqRanges.of(List.of(1047L, 1041L, 1040L, 1045L, 1042L, 1043L, 1044L, 1043L)))
                .containsExactly(new Range(1040, 1045), new Range(1047, 1047));
        assertThat(SeqRanges.of(List.of(5L))).containsExactly(new Range(5, 5));
        assertThat(SeqRanges.of(List.of(0L, 2L, 4L))).containsExactly(new Range(0, 0), new Range(2, 2), new Range(4, 4));
        assertThat(SeqRanges.of(List.of(3L, 2L, 1L))).containsExactly(new Range(1, 3));
    }

    @Test
    void theUnionOfRangesInAnyOrderIsSortedAndMerged() {
        assertThat(SeqRanges.union(List.of(new Range(10, 12), new Range(1, 3), new Range(2, 5), new Range(6, 6), new Range(11, 11))))
                .containsExactly(new Range(1, 6), new Range(10, 12));
        assertThat(SeqRanges.union(List.of(new Range(1, 9), new Range(3, 4)))).containsExactly(new Range(1, 9));
        assertThat(SeqRanges.union(List.of(new Range(0, 0), new Range(2, 2)))).containsExactly(new Range(0, 0), new Range(2, 2));
        assertThat(SeqRanges.union(List.of())).isEmpty();
    }

    @Test
    void theHighestSeqMergesWithoutOverflow() {
        assertThat(SeqRanges.of(List.of(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1)))
                .containsExactly(new Range(Long.MAX_VALUE - 1, Long.MAX_VALUE));
        assertThat(SeqRanges.union(List.of(new Range(5, Long.MAX_VALUE), new Range(7, Long.MAX_VALUE))))
                .containsExactly(new Range(5, Long.MAX_VALUE));
    }

    @Test
    void countsTheSeqsCovered() {
        assertThat(SeqRanges.count(List.of(new Range(1040, 1045), new Range(1047, 1047)))).isEqualTo(7);
    }

    @Test
    void splitsIntoChunksOfAtMostMax() {
        List<Long> odd = new ArrayList<>();
        for (long s = 1; s <= 2_001 * 2; s += 2) {
            odd.add(s); // 1, 3, ..., 4001: 2,001 single-seq ranges
        }
        List<Range> ranges = SeqRanges.of(odd);
        assertThat(ranges).hasSize(2_001);
        List<List<Range>> chunks = SeqRanges.split(ranges, SeqRanges.MAX_PER_ACK);
        assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 1);
        assertThat(chunks.get(1).get(0)).isEqualTo(new Range(2001, 2001));
        assertThat(chunks.get(2).get(0)).isEqualTo(new Range(4001, 4001));
    }

    @Test
    void aRangeIsNeverBackwardsOrNegative() {
        assertThatThrownBy(() -> new Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Range(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Range(4, 6).contains(6)).isTrue();
        assertThat(new Range(4, 6).contains(7)).isFalse();
    }
}
