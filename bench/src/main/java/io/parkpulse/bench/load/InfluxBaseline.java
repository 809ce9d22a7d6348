package io.parkpulse.bench.load;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.StorageSchema;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * InfluxDB alone: the points a load run stores — same measurement, tags, fields and encoding as
 * ingest writes them — written straight to InfluxDB through the same client, batch size and number
 * of concurrent writes, as fast as it takes them. The ceiling the full pipeline is compared with.
 */
public final class InfluxBaseline {

    /** The figures of a baseline run. */
    public record Report(long points, double seconds, int batchPoints, int concurrency) {
        public double pointsPerSecond() {
            return points / seconds;
        }

        public String table() {
            return String.format(Locale.ROOT, "  %-20s %,d points in %.1f s = %,.0f points/s (batches of %d, %d writes in flight)%n",
                    "InfluxDB alone", points, seconds, pointsPerSecond(), batchPoints, concurrency);
        }

        public JsonObject json() {
            return new JsonObject().put("points", points).put("seconds", seconds).put("pointsPerSecond", pointsPerSecond())
                    .put("batchPoints", batchPoints).put("concurrency", concurrency);
        }
    }

    private final LoadPark park;
    private final InfluxConfig influx;
    private final int batchPoints;
    private final int concurrency;

    public InfluxBaseline(LoadPark park, InfluxConfig influx, int batchPoints, int concurrency) {
        this.park = park;
        this.influx = influx;
        this.batchPoints = batchPoints;
        this.concurrency = concurrency;
    }

    /** Writes {@code total} points (every meter once per round, rounds one millisecond apart). */
    public Report run(long total) throws Exception {
        Vertx vertx = Vertx.vertx();
        InfluxClient client = new InfluxClient(vertx, influx);
        try {
            client.createDatabase().await(30, TimeUnit.SECONDS);
            long base = System.currentTimeMillis() - 7_200_000;
            AtomicLong next = new AtomicLong();
            long started = System.nanoTime();
            Promise<Void> all = Promise.promise();
            AtomicLong writersLeft = new AtomicLong(concurrency);
            vertx.runOnContext(v -> {
                for (int w = 0; w < concurrency; w++) {
                    writeNext(client, next, total, base).onComplete(done -> {
                        if (done.failed()) {
                            all.tryFail(done.cause());
                        } else if (writersLeft.decrementAndGet() == 0) {
                            all.tryComplete();
                        }
                    });
                }
            });
            all.future().await(30, TimeUnit.MINUTES);
            return new Report(total, (System.nanoTime() - started) / 1e9, batchPoints, concurrency);
        } finally {
            client.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** One writer: takes the next batch of point numbers, writes it, repeats until none are left. */
    private Future<Void> writeNext(InfluxClient client, AtomicLong next, long total, long base) {
        long from = next.getAndAdd(batchPoints);
        if (from >= total) {
            return Future.succeededFuture();
        }
        long to = Math.min(total, from + batchPoints);
        return client.write(batch(from, to, base)).compose(v -> writeNext(client, next, total, base));
    }

    /** Points {@code from..to}: point n is meter n mod meters, in round n / meters. */
    private Buffer batch(long from, long to, long base) {
        StringBuilder body = new StringBuilder((int) (to - from) * 160);
        int meters = park.meters();
        for (long n = from; n < to; n++) {
            int index = (int) (n % meters);
            long round = n / meters;
            int gateway = index / park.metersPerGateway();
            int meter = index % park.metersPerGateway();
            body.append(Point.measurement(StorageSchema.measurementOf(MeterKind.ELECTRICITY))
                    .tag(StorageSchema.TAG_PARK, park.parkId())
                    .tag(StorageSchema.TAG_METER, LoadPark.meterId(gateway, meter))
                    .tag(StorageSchema.TAG_ENTERPRISE, "ent-" + LoadPark.gatewayId(gateway))
                    .tag(StorageSchema.TAG_INDUSTRY, "C3484")
                    .field("energy_kwh", (1000 + round * 0.01 + meter) * 40)
                    .field("power_kw", 5 + (meter % 97) + (round % 13) * 0.25)
                    .field(StorageSchema.FIELD_REGISTER_FACTOR, 40.0)
                    .time(base + round)
                    .toLine()).append('\n');
        }
        return Buffer.buffer(body.toString());
    }
}
