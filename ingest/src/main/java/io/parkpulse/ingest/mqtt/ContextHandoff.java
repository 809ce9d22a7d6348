package io.parkpulse.ingest.mqtt;

import io.vertx.core.Context;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work from the MQTT client's thread to a Vert.x context in groups, without waking the event loop per message.
 *
 * <p>Why: waking a sleeping event loop costs a system call on each side (an eventfd write here, an epoll return
 * there); at 10,000 one-reading messages per second that was a tenth of ingest's CPU (docs/benchmarks.md). So the
 * first task of a burst wakes the loop once, and from then on the loop itself collects what has arrived every
 * {@link #PUMP_MS} ms, on a timer of its own, until nothing has come for {@link #IDLE_TICKS} ticks; then it sleeps
 * again and the next task wakes it. A task waits at most about {@link #PUMP_MS} ms longer than before, against the
 * write batches' 200 ms.
 *
 * <p>Order is kept: tasks run on the context in the order they were offered, whatever the grouping. That matters for a
 * lost connection, which must be handled after every message that connection delivered.
 *
 * <p>Thread-safe: {@link #offer} may be called from any thread; the tasks run on the context only.
 */
public final class ContextHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(ContextHandoff.class);
    static final long PUMP_MS = 1;
    static final int IDLE_TICKS = 20;

    private final Context context;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumping = new AtomicBoolean();
    /** Ticks in a row that found nothing; confined to the context. */
    private int idleTicks;

    public ContextHandoff(Context context) {
        this.context = context;
    }

    /** Queues {@code task} to run on the context after every task offered before it. */
    public void offer(Runnable task) {
        tasks.add(task);
        if (pumping.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                idleTicks = 0;
                drain();
                scheduleTick();
            });
        }
    }

    private void tick() {
        if (drain() > 0) {
            idleTicks = 0;
        } else if (++idleTicks >= IDLE_TICKS) {
            pumping.set(false);
            // a task offered between the empty drain and the line above saw the pump running and woke nobody
            if (tasks.isEmpty() || !pumping.compareAndSet(false, true)) {
                return;
            }
            idleTicks = 0;
            drain();
        }
        scheduleTick();
    }

    private void scheduleTick() {
        context.owner().setTimer(PUMP_MS, id -> tick());
    }

    private int drain() {
        int ran = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            ran++;
            try {
                task.run();
            } catch (RuntimeException e) {
                // a defect in one task must not strand the tasks queued behind it
                LOG.error("a task handed to the event loop failed", e);
            }
        }
        return ran;
    }
}
