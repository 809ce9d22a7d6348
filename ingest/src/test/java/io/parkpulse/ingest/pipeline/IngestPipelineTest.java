package io.parkpulse.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.ingest.IngestMetrics;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message with rejections is acknowledged only once its rejection report is settled, and acknowledgements still
 * leave in arrival order. The messages here carry no points, so nothing reaches the writer's InfluxDB.
 */
class IngestPipelineTest {

    Vertx vertx;
    Context context;
    IngestPipeline pipeline;
    final List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    final Map<Integer, Promise<Void>> reports = new ConcurrentHashMap<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        IngestMetrics metrics = new IngestMetrics(registry);
        BatchWriter writer = new BatchWriter(vertx, new InfluxClient(vertx, InfluxConfig.of("http://127.0.0.1:1", "unused")), 1, metrics);
        Acknowledger acknowledger = new Acknowledger() {
            @Override
            public void acknowledge(PreparedMessage message) {
                acknowledged.add(message.source().mqttId());
            }

            @Override
            public void forget(PreparedMessage message) {
            }
        };
        RejectionSink sink = message -> {
            Promise<Void> settled = Promise.promise();
            reports.put(message.source().mqttId(), settled);
            return settled.future();
        };
        onLoop(() -> pipeline = new IngestPipeline(vertx, writer, new Batching(100, 10, Duration.ofMillis(50)), acknowledger, sink, metrics));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aRejectedMessageWaitsForItsReportAndLaterMessagesWaitForIt() throws Exception {
        onLoop(() -> {
            pipeline.accept(rejected(1));
            pipeline.accept(rejected(2));
        });
        assertThat(reports).containsOnlyKeys(1, 2);
        assertThat(acknowledged).as("nothing before a report is settled").isEmpty();
        assertThat(pipeline.unacknowledged()).isEqualTo(2);

        onLoop(() -> reports.get(2).complete());
        assertThat(acknowledged).as("the second waits for the first, whose report is not settled").isEmpty();

        onLoop(() -> reports.get(1).complete());
        assertThat(acknowledged).containsExactly(1, 2);
        assertThat(pipeline.unacknowledged()).isZero();
        assertThat(registry.get("parkpulse.ingest.rejections").tag("reason", RejectReason.INVALID_TOPIC.code()).counter().count())
                .as("every rejection counted, whatever happens to its report").isEqualTo(2);
    }

    @Test
    void drainingWaitsForUnsettledReports() throws Exception {
        onLoop(() -> pipeline.accept(rejected(7)));
        Future<Void> drained = onLoopGet(() -> pipeline.drain(Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(drained.isComplete()).isFalse();

        onLoop(() -> reports.get(7).complete());
        drained.await(5, TimeUnit.SECONDS);
        assertThat(acknowledged).containsExactly(7);
    }

    static PreparedMessage rejected(int id) {
        return new PreparedMessage(new InboundMessage("not/a/parkpulse/topic", new byte[0], id, 1, 0, 0), null, null, List.of(),
                List.of(Rejection.ofMessage(RejectReason.INVALID_TOPIC, "not dp/v1/{park}/{gateway}/{channel}")));
    }

    /** Runs {@code action} on the pipeline's event loop and waits for it. */
    void onLoop(Runnable action) throws Exception {
        onLoopGet(() -> {
            action.run();
            return null;
        });
    }

    <T> T onLoopGet(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                done.complete(action.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
