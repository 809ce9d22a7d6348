package io.parkpulse.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextHandoffTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void tasksFromAnotherThreadRunOnTheContextInTheOrderOffered() throws Exception {
        Context context = vertx.getOrCreateContext();
        ContextHandoff handoff = new ContextHandoff(context);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger offContext = new AtomicInteger();
        int tasks = 100_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                handoff.offer(() -> {
                    if (Vertx.currentContext() != context) {
                        offContext.incrementAndGet();
                    }
                    ran.add(n);
                });
            }
        });
        producer.start();
        producer.join();
        awaitSize(ran, tasks);
        assertThat(offContext.get()).as("tasks run off the context").isZero();
        for (int i = 0; i < tasks; i++) {
            assertThat(ran.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aTaskOfferedAfterThePumpWentToSleepStillRuns() throws Exception {
        ContextHandoff handoff = new ContextHandoff(vertx.getOrCreateContext());
        List<Integer> ran = new CopyOnWriteArrayList<>();
        for (int burst = 0; burst < 5; burst++) {
            handoff.offer(() -> ran.add(1));
            awaitSize(ran, burst + 1);
            // idle long enough for the pump to stop; the next offer must wake the loop again
            Thread.sleep(ContextHandoff.PUMP_MS * ContextHandoff.IDLE_TICKS * 3);
        }
        assertThat(ran).hasSize(5);
    }

    @Test
    void aFailingTaskDoesNotStrandTheOnesBehindIt() throws Exception {
        ContextHandoff handoff = new ContextHandoff(vertx.getOrCreateContext());
        List<Integer> ran = new CopyOnWriteArrayList<>();
        handoff.offer(() -> ran.add(1));
        handoff.offer(() -> {
            throw new IllegalStateException("a defect");
        });
        handoff.offer(() -> ran.add(3));
        awaitSize(ran, 2);
        assertThat(ran).containsExactly(1, 3);
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(list).hasSize(size);
    }
}
