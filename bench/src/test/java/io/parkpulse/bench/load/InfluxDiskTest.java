package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory layouts as InfluxDB 1.6 leaves them: data/<db>/_series, data/<db>/<rp>/<shard>/*.tsm, wal/<db>/<rp>/<shard>/*.wal. */
class InfluxDiskTest {

    @TempDir
    Path root;

    Path file(String path, int bytes) throws Exception {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        return Files.write(f, new byte[bytes]);
    }

    @Test
    void aDatabaseWithUncompactedShardsOrAWalIsNotSettledAndItsBytesAreCounted() throws Exception {
        file("data/db/_series/00/0000", 100);
        file("data/db/autogen/3/000000001-000000001.tsm", 1_000);
        file("data/db/autogen/3/000000002-000000001.tsm", 2_000);
        file("data/db/autogen/4/000000001-000000002.tsm", 500);
        file("wal/db/autogen/4/_00003.wal", 70);
        file("data/other/autogen/5/000000001-000000001.tsm", 1 << 20);

        InfluxDisk.Usage usage = new InfluxDisk(root).usage("db");
        assertThat(usage.shardBytes()).isEqualTo(3_500);
        assertThat(usage.walBytes()).isEqualTo(70);
        // du counts blocks, directories included: at least the files' bytes, and nothing of data/other
        assertThat(usage.allocatedBytes()).as("du of data/db and wal/db only").isBetween(3_670L, (long) (1 << 20));
        assertThat(usage.shards()).isEqualTo(2);
        assertThat(usage.tsmFiles()).isEqualTo(3);
        assertThat(usage.settled()).isFalse();
    }

    @Test
    void oneTsmFilePerShardAndAnEmptyWalIsSettled() throws Exception {
        file("data/db/autogen/3/000000002-000000004.tsm", 1_500);
        file("wal/db/autogen/3/_00004.wal", 0);

        InfluxDisk.Usage usage = new InfluxDisk(root).awaitSettled("db", Duration.ofSeconds(10));
        assertThat(usage.settled()).isTrue();
        assertThat(usage.shardBytes()).isEqualTo(1_500);
    }

    @Test
    void theSparseSeriesFileCountsWithWhatItOccupiesNotItsLength() throws Exception {
        file("data/db/autogen/3/000000001-000000001.tsm", 1_500);
        Path segment = file("data/db/_series/00/0000", 0);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(4 << 20); // as InfluxDB 1.6 preallocates each of its eight partitions
        }
        InfluxDisk.Usage usage = new InfluxDisk(root).usage("db");
        assertThat(usage.allocatedBytes()).isPositive().isLessThan(1 << 20);
    }

    @Test
    void aDatabaseNotOnDiskIsNamedWithTheDirectoryLookedIn() {
        assertThatThrownBy(() -> new InfluxDisk(root).usage("parkpulse")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(root.resolve("data").resolve("parkpulse").toString()).hasMessageContaining("database parkpulse");
    }
}
