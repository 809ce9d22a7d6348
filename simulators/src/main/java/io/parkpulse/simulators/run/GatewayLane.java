package io.parkpulse.simulators.run;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.simulators.mqtt.UnconfirmedMessages;
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
    /** Messages due again for want of an end-to-end ack, sent before new ones. */
    private final java.util.Queue<OutgoingMessage> resends = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Null: a PUBACK is delivery (the default); otherwise only an end-to-end ack is (issue 17). */
    private final UnconfirmedMessages<OutgoingMessage> unconfirmed;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object drained = new Object();

    GatewayLane(GatewayPublisher publisher, Executor pool, RunStats stats) {
        this(publisher, pool, stats, null);
    }

    /**
     * A lane that counts a message delivered only when an end-to-end ack covers its seq, keeping it in
     * {@code unconfirmed} until then ({@link #confirm}, {@link #resendDue}).
     */
    GatewayLane(GatewayPublisher publisher, Executor pool, RunStats stats, UnconfirmedMessages<OutgoingMessage> unconfirmed) {
        this.publisher = publisher;
        this.pool = pool;
        this.stats = stats;
        this.unconfirmed = unconfirmed;
    }

    /** An end-to-end ack arrived: the messages it covers are delivered (stored), each counted once. */
    void confirm(Acknowledgement ack) {
        for (OutgoingMessage m : unconfirmed.confirm(ack)) {
            stats.delivered(m);
        }
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    /** Queues for sending again the unconfirmed messages whose timeout passed. */
    void resendDue(long nowMs) {
        java.util.List<OutgoingMessage> due = unconfirmed.due(nowMs);
        if (!due.isEmpty()) {
            LOG.info("gateway {}: {} message(s) not acknowledged end to end in time, sending again (first seq {})",
                    due.get(0).gatewayId(), due.size(), due.get(0).seq());
            resends.addAll(due);
            schedule();
        }
    }

    int unconfirmedCount() {
        return unconfirmed == null ? 0 : unconfirmed.size();
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
        boolean interrupted = false;
        while (!interrupted && (m = resends.peek()) != null) {
            interrupted = !publish(m);
            if (!interrupted) {
                resends.poll();
            }
        }
        while (!interrupted && (m = queue.peek()) != null) {
            if (unconfirmed != null) {
                unconfirmed.sending(m.seq(), m, System.currentTimeMillis()); // before the PUBACK: an ack may come first
            }
            if (!publish(m)) {
                break;
            }
            queue.poll();
        }
        scheduled.set(false);
        if (!queue.isEmpty() || !resends.isEmpty()) {
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
        if (delivered && unconfirmed == null) {
            stats.delivered(m);
        }
        return delivered;
    }

    /** Waits until everything handed over is acknowledged (end to end, when this lane waits for those acks). */
    void awaitDrained() throws InterruptedException {
        synchronized (drained) {
            while (!queue.isEmpty() || !resends.isEmpty() || scheduled.get() || unconfirmedCount() > 0) {
                drained.wait(100);
            }
        }
    }
}
