package io.parkpulse.ingest.pipeline;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects prepared messages into batches and hands a batch on when it holds enough points or
 * messages, or when its first message has waited the maximum delay.
 *
 * <p>Event-loop confined: call only from the pipeline's context.
 */
final class WriteBatcher {

    private final Vertx vertx;
    private final int maxPoints;
    private final int maxMessages;
    private final long maxDelayMs;
    private final Consumer<Batch> sink;
    private List<PreparedMessage> pending = new ArrayList<>();
    private int pendingPoints;
    private long timer = -1;

    WriteBatcher(Vertx vertx, Batching batching, Consumer<Batch> sink) {
        this.vertx = vertx;
        this.maxPoints = batching.maxPoints();
        this.maxMessages = batching.maxMessages();
        this.maxDelayMs = batching.maxDelay().toMillis();
        this.sink = sink;
    }

    void add(PreparedMessage message) {
        pending.add(message);
        pendingPoints += message.points().size();
        if (pendingPoints >= maxPoints || pending.size() >= maxMessages || maxDelayMs == 0) {
            flush();
        } else if (timer < 0) {
            timer = vertx.setTimer(maxDelayMs, id -> {
                timer = -1;
                flush();
            });
        }
    }

    void flush() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (pending.isEmpty()) {
            return;
        }
        Batch batch = Batch.of(pending);
        pending = new ArrayList<>();
        pendingPoints = 0;
        sink.accept(batch);
    }

    int pendingPoints() {
        return pendingPoints;
    }
}
