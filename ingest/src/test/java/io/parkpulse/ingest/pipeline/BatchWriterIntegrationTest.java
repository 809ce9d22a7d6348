package io.parkpulse.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.ingest.IngestMetrics;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.storage.Point;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer against a real InfluxDB: isolating refused points, creating the database, outlasting an outage. */
@RealServicesTest
class BatchWriterIntegrationTest {

    Vertx vertx;
    InfluxDb influx;

    @BeforeEach
    void start(InfluxDb influx) {
        this.influx = influx;
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Runs the writer on a Vert.x context, as in production. */
    CompletableFuture<List<BatchWriter.Refusal>> write(String db, List<PreparedPoint> points) {
        CompletableFuture<List<BatchWriter.Refusal>> result = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            InfluxClient client = new InfluxClient(vertx, InfluxConfig.of(influx.url(), db));
            BatchWriter writer = new BatchWriter(vertx, client, 2, new IngestMetrics(new SimpleMeterRegistry()));
            Future<List<BatchWriter.Refusal>> f = writer.write(points);
            f.onComplete(r -> result.complete(r.result()));
        });
        return result;
    }

    static PreparedPoint reading(String meter, Point point, int position) {
        return new PreparedPoint(PreparedPoint.Kind.READING, point, meter, position);
    }

    static List<PreparedPoint> points(int n) {
        List<PreparedPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(reading("E-" + i, Point.measurement("electricity").tag("meter", "E-" + i).tag("park", "p")
                    .field("power_kw", i + 0.5).time(1000 + i), i));
        }
        return points;
    }

    @Test
    void aPointInfluxRefusesIsIsolatedAndEveryOtherPointIsStored() throws Exception {
        influx.createDatabase("bisect");
        List<PreparedPoint> points = points(99);
        points.add(reading("E-BAD", Point.measurement("electricity").tag("meter", "E-BAD").tag("park", "p")
                .field("power_kw", "text").time(5000), 99)); // a string where InfluxDB already has floats
        points.addAll(points(120).subList(99, 120));

        List<BatchWriter.Refusal> refused = write("bisect", points).get(30, TimeUnit.SECONDS);

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.point().meter()).isEqualTo("E-BAD");
            assertThat(r.point().path()).isEqualTo("$.readings[99]");
            assertThat(r.reason()).contains("field type conflict");
        });
        assertThat(influx.count("bisect", "SELECT count(power_kw) FROM electricity")).isEqualTo(120);
    }

    @Test
    void aMissingDatabaseIsCreated() throws Exception {
        assertThat(write("created_on_demand", points(10)).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(influx.count("created_on_demand", "SELECT count(power_kw) FROM electricity")).isEqualTo(10);
    }

    @Test
    void anOutageDelaysTheWriteButLosesNothing() throws Exception {
        influx.createDatabase("outage");
        influx.stop();
        CompletableFuture<List<BatchWriter.Refusal>> pending = write("outage", points(50));
        Thread.sleep(3_000);
        assertThat(pending).isNotDone();

        influx.start();
        assertThat(pending.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(influx.count("outage", "SELECT count(power_kw) FROM electricity")).isEqualTo(50);
    }
}
