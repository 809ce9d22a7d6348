package io.parkpulse.simulators.run;

import io.parkpulse.simulators.mqtt.GatewayPublisher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's outbox: messages are published one at a time, in order, each waiting for its
 * PUBACK, on whichever thread of a shared pool picks the lane up. A small bounded queue gives the
 * simulation back-pressure. A failed publish is retried (after Paho reconnects) until it succeeds,
 * so nothing handed over is dropped; a re-sent message may reach the broker twice, which QoS 1
 * allows and the platform tolerates. A message the broker had no subscriber for (ingest not yet back
 * after a broker restart) counts as failed and is sent again.
 *
 * <p>Thread-safe: {@link #put} from the simulation thread, publishing on the pool.
 */
final class GatewayLane implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLane.class);
    private static final int CAPACITY = 8;

    private final GatewayPublisher publisher;
    private final Executor pool;
    private final RunStats stats;
    private final BlockingQueue<OutgoingMessage> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object drained = new Object();

    GatewayLane(GatewayPublisher publisher, Executor pool, RunStats stats) {
        this.publisher = publisher;
        this.pool = pool;
        this.stats = stats;
    }

    GatewayPublisher publisher() {
        return publisher;
    }

    void put(OutgoingMessage message) throws InterruptedException {
        queue.put(message);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this);
        }
    }

    @Override
    public void run() {
        OutgoingMessage m;
        while ((m = queue.peek()) != null) {
            if (!publish(m)) {
                break;
            }
            queue.poll();
        }
        scheduled.set(false);
        if (!queue.isEmpty()) {
            schedule();
        } else {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Publishes until the broker acknowledges; gives up only when the run is being abandoned (interrupted). */
    private boolean publish(OutgoingMessage m) {
        boolean delivered = publisher.publishUntilDelivered(m.payload(), (e, failures) -> {
            stats.publishFailed();
            if (failures == 1 || failures % 10 == 0) {
                LOG.warn("publishing message {} of gateway {} failed ({} attempts so far), retrying: {}", m.seq(), m.gatewayId(),
                        failures, e.toString());
            }
        }, () -> false);
        if (delivered) {
            stats.delivered(m);
        }
        return delivered;
    }

    /** Waits until everything handed over is acknowledged. */
    void awaitDrained() throws InterruptedException {
        synchronized (drained) {
            while (!queue.isEmpty() || scheduled.get()) {
                drained.wait(100);
            }
        }
    }
}
