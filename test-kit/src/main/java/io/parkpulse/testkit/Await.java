package io.parkpulse.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds; fails with a description of what was last seen. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, Supplier<Boolean> condition, Supplier<String> lastSeen) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet (e.g. service restarting); try again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + timeout + "; last seen: " + lastSeen.get());
    }
}
