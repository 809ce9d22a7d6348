package io.parkpulse.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void theByteBudgetHoldsBackALargeMessageUntilEnoughIsReleased() throws Exception {
        InFlightLimit limit = new InFlightLimit(100, 1_000);
        assertThat(limit.admit(600, () -> true)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> admit(limit, 600));
        Thread.sleep(300);
        assertThat(second).as("600 + 600 bytes exceed the 1,000-byte budget").isNotDone();
        limit.release(600);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theMessageCountHoldsBackSmallMessages() throws Exception {
        InFlightLimit limit = new InFlightLimit(2, 1_000_000);
        assertThat(limit.admit(10, () -> true)).isTrue();
        assertThat(limit.admit(10, () -> true)).isTrue();
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> admit(limit, 10));
        Thread.sleep(300);
        assertThat(third).isNotDone();
        limit.release(10);
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aMessageLargerThanTheWholeBudgetPassesAlone() throws Exception {
        InFlightLimit limit = new InFlightLimit(10, 1_000);
        assertThat(limit.admit(5_000, () -> true)).isTrue();
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> admit(limit, 1));
        Thread.sleep(300);
        assertThat(next).isNotDone();
        limit.release(5_000);
        assertThat(next.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void waitingEndsWhenTheConnectionGoesAndGivesBackTheMessagePlace() throws Exception {
        InFlightLimit limit = new InFlightLimit(2, 100);
        assertThat(limit.admit(100, () -> true)).isTrue();
        AtomicBoolean connected = new AtomicBoolean(true);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> admitWhile(limit, 50, connected));
        Thread.sleep(200);
        connected.set(false);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("admitted after the connection went").isFalse();
        limit.release(100);
        // both message places free again: the abandoned wait gave its place back
        assertThat(limit.admit(50, () -> true)).isTrue();
        assertThat(limit.admit(50, () -> true)).isTrue();
    }

    static boolean admit(InFlightLimit limit, int bytes) {
        return admitWhile(limit, bytes, new AtomicBoolean(true));
    }

    static boolean admitWhile(InFlightLimit limit, int bytes, AtomicBoolean connected) {
        try {
            return limit.admit(bytes, connected::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
