package io.parkpulse.bench.load;

import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a stored reading costs on disk. Writes a week of realistic readings ({@link StorageSample}) at three reading
 * intervals — 15 minutes, 1 minute, 5 seconds — each into its own database of an InfluxDB set to compact soon after
 * writes stop, waits until every shard is compacted into one TSM file with nothing left in the WAL, and divides each
 * database's bytes on disk ({@code du} of its data and WAL directories) by its readings. Optionally also reports, as it
 * stands, the database the load runs wrote: values repeating round after round, times 1 ms apart, not compacted —
 * nothing like a park's data, shown for comparison only.
 */
@Command(name = "storage-footprint", mixinStandardHelpOptions = true,
        description = "Measure InfluxDB's bytes on disk per stored reading, for readings every 15 min, 1 min and 5 s.")
public final class StorageFootprintCommand implements Callable<Integer> {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final int BATCH_POINTS = 5_000;

    @Option(names = "--influx", required = true, description = "InfluxDB to write the samples into (started with short cold durations; see docs/scaling.md)")
    URI influx;

    @Option(names = "--influx-dir", required = true, description = "That InfluxDB's directory holding data/ and wal/")
    Path influxDir;

    @Option(names = "--meters-15m", defaultValue = "1000", description = "Meters read every 15 minutes. Default: ${DEFAULT-VALUE}")
    int meters15m;

    @Option(names = "--meters-1m", defaultValue = "100", description = "Meters read every minute. Default: ${DEFAULT-VALUE}")
    int meters1m;

    @Option(names = "--meters-5s", defaultValue = "10", description = "Meters read every 5 seconds. Default: ${DEFAULT-VALUE}")
    int meters5s;

    @Option(names = "--settle-timeout", defaultValue = "PT3M", description = "How long to wait for compaction. Default: ${DEFAULT-VALUE}")
    Duration settleTimeout;

    @Option(names = "--load-influx", description = "InfluxDB the load runs wrote to, to report its database as it stands")
    URI loadInflux;

    @Option(names = "--load-influx-dir", description = "That InfluxDB's directory holding data/ and wal/")
    Path loadInfluxDir;

    @Option(names = "--load-database", defaultValue = "parkpulse", description = "Database the load runs wrote to. Default: ${DEFAULT-VALUE}")
    String loadDatabase;

    @Option(names = "--out", required = true, description = "File to write the figures to (JSON)")
    Path out;

    private record Shape(String database, int meters, Duration interval) {
        double readingsPerMeterYear() {
            return 365.0 * 86_400 / interval.toSeconds();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (meters15m < 1 || meters1m < 1 || meters5s < 1 || (loadInflux == null) != (loadInfluxDir == null)) {
            System.err.println("storage: meter counts must be at least 1, and --load-influx and --load-influx-dir go together");
            return 2;
        }
        List<Shape> shapes = List.of(new Shape("storage_15m", meters15m, Duration.ofMinutes(15)),
                new Shape("storage_1m", meters1m, Duration.ofMinutes(1)), new Shape("storage_5s", meters5s, Duration.ofSeconds(5)));
        long from = shardGroupStart(System.currentTimeMillis() - 8 * WEEK.toMillis());
        InfluxDisk disk = new InfluxDisk(influxDir);
        Vertx vertx = Vertx.vertx();
        JsonArray results = new JsonArray();
        boolean allSettled = true;
        try {
            System.out.printf(Locale.ROOT, "%nInfluxDB bytes on disk per stored reading: one week (one shard) of realistic readings per interval%n");
            for (Shape shape : shapes) {
                write(vertx, shape, from);
            }
            System.out.printf(Locale.ROOT, "waiting (at most %d s) until every shard is compacted into one TSM file and the WAL is empty%n",
                    settleTimeout.toSeconds());
            for (Shape shape : shapes) {
                InfluxDisk.Usage usage = disk.awaitSettled(shape.database(), settleTimeout);
                allSettled &= usage.settled();
                long readings = count(vertx, influx, shape.database());
                double perReading = (double) onDisk(usage) / readings;
                double perMeterYear = perReading * shape.readingsPerMeterYear();
                System.out.printf(Locale.ROOT, "  every %-6s %5d meters: %,10d readings, %,12d bytes on disk = %6.2f bytes/reading"
                                + " = %,.2f MB per meter-year%n      (%s)%n", human(shape.interval()), shape.meters(), readings, onDisk(usage),
                        perReading, perMeterYear / 1e6, describe(usage, readings));
                results.add(json(usage, readings).put("database", shape.database()).put("interval", shape.interval().toString())
                        .put("meters", shape.meters()).put("bytesPerReading", perReading).put("bytesPerMeterYear", perMeterYear));
            }
            JsonObject figures = new JsonObject().put("samples", results);
            if (loadInflux != null) {
                figures.put("loadRuns", loadRuns(vertx));
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, figures.encodePrettily());
            System.out.println("\nfigures written to " + out);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        return allSettled ? 0 : 4;
    }

    private void write(Vertx vertx, Shape shape, long from) throws Exception {
        StorageSample sample = new StorageSample("storage-park", shape.meters(), shape.interval(), from, WEEK, 7);
        InfluxClient client = client(vertx, influx, shape.database());
        try {
            client.execute("DROP DATABASE " + InfluxClient.quoteIdentifier(shape.database())).await(60, TimeUnit.SECONDS);
            client.createDatabase().await(60, TimeUnit.SECONDS);
            long started = System.nanoTime();
            StringBuilder batch = new StringBuilder(BATCH_POINTS * 200);
            int inBatch = 0;
            for (int step = 0; step < sample.steps(); step++) {
                sample.appendStep(step, batch);
                inBatch += shape.meters();
                if (inBatch >= BATCH_POINTS || step == sample.steps() - 1) {
                    client.write(Buffer.buffer(batch.toString())).await(120, TimeUnit.SECONDS);
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
            System.out.printf(Locale.ROOT, "  wrote %,d readings of %d meters every %s into %s in %.1f s%n", sample.points(), shape.meters(),
                    human(shape.interval()), shape.database(), (System.nanoTime() - started) / 1e9);
        } finally {
            client.close();
        }
    }

    /** The load runs' database as it stands. */
    private JsonObject loadRuns(Vertx vertx) throws Exception {
        InfluxDisk.Usage usage = new InfluxDisk(loadInfluxDir).usage(loadDatabase);
        long readings = count(vertx, loadInflux, loadDatabase);
        double perReading = readings == 0 ? Double.NaN : (double) onDisk(usage) / readings;
        System.out.printf(Locale.ROOT, "%n  the load runs' database %s as it stands: %,d readings, %,d bytes on disk = %.2f bytes/reading%n"
                + "      (%s)%n      not a figure to plan with: the load's values repeat from round to round and its times are 1 ms"
                + " apart, which compresses far better than a park's readings, and its shard is not compacted yet%n",
                loadDatabase, readings, onDisk(usage), perReading, describe(usage, readings));
        return json(usage, readings).put("database", loadDatabase).put("bytesPerReading", Double.isFinite(perReading) ? perReading : null);
    }

    /**
     * The start of the 7-day shard group holding {@code epochMs}: InfluxDB truncates times to the group duration counted
     * from Go's zero time (year 1), a Monday, so groups start on Mondays 00:00 UTC.
     */
    static long shardGroupStart(long epochMs) {
        long firstMonday = Duration.ofDays(4).toMillis(); // 1970-01-05
        return Math.floorDiv(epochMs - firstMonday, WEEK.toMillis()) * WEEK.toMillis() + firstMonday;
    }

    /** What the disk holds for the database: du's allocated bytes, or the files' lengths when du could not say. */
    private static long onDisk(InfluxDisk.Usage usage) {
        return usage.allocatedBytes() >= 0 ? usage.allocatedBytes() : usage.shardBytes() + usage.walBytes();
    }

    private static JsonObject json(InfluxDisk.Usage usage, long readings) {
        return new JsonObject().put("readings", readings).put("bytesOnDisk", onDisk(usage)).put("shardBytes", usage.shardBytes())
                .put("walBytes", usage.walBytes()).put("duBytes", usage.allocatedBytes()).put("tsmFiles", usage.tsmFiles())
                .put("shards", usage.shards()).put("settled", usage.settled());
    }

    private static long count(Vertx vertx, URI url, String database) throws Exception {
        InfluxClient client = client(vertx, url, database);
        try {
            JsonObject result = client.query("SELECT count(power_kw) FROM electricity").await(300, TimeUnit.SECONDS);
            JsonArray series = result.getJsonArray("results").getJsonObject(0).getJsonArray("series");
            return series == null ? 0 : series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
        } finally {
            client.close();
        }
    }

    private static InfluxClient client(Vertx vertx, URI url, String database) {
        return new InfluxClient(vertx, InfluxConfig.of(url.toString(), database)
                .withCredentials(System.getenv("PARKPULSE_INFLUX_USERNAME"), System.getenv("PARKPULSE_INFLUX_PASSWORD")));
    }

    private static String describe(InfluxDisk.Usage usage, long readings) {
        return String.format(Locale.ROOT, "du of data/ and wal/%s; TSM and field index files %,d bytes = %.2f bytes/reading in %d file(s)"
                        + " of %d shard(s); WAL %,d bytes%s", usage.allocatedBytes() < 0 ? " failed, lengths used" : "", usage.shardBytes(),
                readings == 0 ? Double.NaN : (double) usage.shardBytes() / readings, usage.tsmFiles(), usage.shards(), usage.walBytes(),
                usage.settled() ? "" : "; NOT settled");
    }

    private static String human(Duration interval) {
        return interval.toMinutes() > 0 ? interval.toMinutes() + " min" : interval.toSeconds() + " s";
    }
}
