package io.parkpulse.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one database of an InfluxDB 1.x occupies on disk, read from its directories: {@code data/<db>} (the shards'
 * TSM files, tombstones and field indexes, and the database's series file {@code _series}) and {@code wal/<db>} (the
 * write-ahead log: points not yet compacted into TSM). The series file is preallocated sparse (8 partitions of 4 MiB
 * each on 1.6), so its length says nothing: what the disk holds is measured with {@code du}, which counts allocated
 * blocks.
 */
final class InfluxDisk {

    /**
     * @param shardBytes     length of the files in the shards (TSM, tombstones, field indexes)
     * @param walBytes       length of the WAL's files
     * @param allocatedBytes what {@code du} says {@code data/<db>} and {@code wal/<db>} occupy (allocated blocks, the
     *                       series file included), -1 when {@code du} could not be run
     * @param shards         shard directories
     * @param tsmFiles       TSM files in all shards
     * @param settled        every shard is down to one TSM file and the WAL is empty: nothing left to snapshot or compact
     */
    record Usage(long shardBytes, long walBytes, long allocatedBytes, int shards, int tsmFiles, boolean settled) {
    }

    private final Path root;

    /** @param root the directory holding InfluxDB's {@code data} and {@code wal} directories */
    InfluxDisk(Path root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException when the database has no data directory there */
    Usage usage(String database) {
        Path data = root.resolve("data").resolve(database);
        Path wal = root.resolve("wal").resolve(database);
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no directory " + data + ": is " + root
                    + " the InfluxDB directory holding data/ and wal/, and has database " + database + " been written to?");
        }
        long walBytes = bytes(wal);
        long shardBytes = 0;
        int shards = 0;
        int tsm = 0;
        boolean compacted = true;
        // data/<db>/<retention policy>/<shard id>/*.tsm
        try (Stream<Path> policies = Files.list(data)) {
            for (Path policy : policies.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_")).toList()) {
                try (Stream<Path> shardDirs = Files.list(policy)) {
                    for (Path shard : shardDirs.filter(Files::isDirectory).toList()) {
                        int files = count(shard, ".tsm");
                        shardBytes += bytes(shard);
                        shards++;
                        tsm += files;
                        compacted &= files <= 1;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + data, e);
        }
        return new Usage(shardBytes, walBytes, allocated(data, wal), shards, tsm, compacted && walBytes == 0);
    }

    /**
     * Waits until the database is settled and its size stopped changing (two reads a second apart agree), at most
     * {@code timeout}; returns the last usage, settled or not.
     */
    Usage awaitSettled(String database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Usage last = usage(database);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Usage now = usage(database);
            if (now.settled() && now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Bytes under {@code dir}; InfluxDB deletes files while it compacts, so a walk that met a vanished one is done again. */
    private static long bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(InfluxDisk::size).sum();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException("reading " + dir, e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
                }
            }
        }
    }

    /** {@code du -s -B1} of the directories that exist, summed; -1 when du fails. */
    private static long allocated(Path... dirs) {
        List<String> command = new ArrayList<>(List.of("du", "-s", "-B1"));
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                command.add(d.toString());
            }
        }
        try {
            Process du = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (du.waitFor() != 0) {
                return -1; // a file vanished under a compaction: the caller reads again
            }
            long sum = 0;
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    sum += Long.parseLong(line.substring(0, line.indexOf('\t')));
                }
            }
            return sum;
        } catch (IOException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // removed by a compaction since it was listed
        }
    }

    private static int count(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
