package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    final TestClock clock = new TestClock(Instant.parse("2026-10-15T02:00:00Z"));

    @Test
    void five_failures_per_username_then_a_wait_until_the_oldest_leaves_the_window() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.begin("ops", "10.0.0." + i)).as("attempt " + i).isEmpty();
            clock.advance(Duration.ofSeconds(10));
        }
        // the same username from a new address, and in another case, is still refused
        assertThat(limiter.begin("OPS ", "10.0.0.99")).contains(Duration.ofSeconds(250));
        assertThat(limiter.begin("other", "10.0.0.99")).isEmpty();
        clock.advance(Duration.ofSeconds(250));
        assertThat(limiter.begin("ops", "10.0.0.98")).isEmpty();
        assertThat(limiter.begin("ops", "10.0.0.98")).contains(Duration.ofSeconds(10));
    }

    @Test
    void five_failures_per_address_whatever_the_usernames() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.begin("user" + i, "192.0.2.1")).isEmpty();
        }
        assertThat(limiter.begin("user9", "192.0.2.1")).contains(Duration.ofMinutes(5));
        assertThat(limiter.begin("user9", "192.0.2.2")).isEmpty();
    }

    @Test
    void a_success_clears_the_username_and_takes_back_its_own_attempt() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 4; i++) {
            limiter.begin("ops", "192.0.2.1");
        }
        limiter.begin("ops", "192.0.2.1");
        limiter.succeeded("ops", "192.0.2.1");
        assertThat(limiter.begin("ops", "192.0.2.1")).isEmpty();
        assertThat(limiter.begin("ops", "192.0.2.1")).isPresent(); // four failures plus this one at the address
    }

    @Test
    void a_cancelled_attempt_takes_back_only_itself() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 4; i++) {
            limiter.begin("ops", "192.0.2." + i);
        }
        limiter.begin("ops", "192.0.2.9");
        limiter.cancel("ops", "192.0.2.9");
        assertThat(limiter.begin("ops", "192.0.2.9")).isEmpty();
        assertThat(limiter.begin("ops", "192.0.2.9")).as("the four earlier failures still count").isPresent();
    }

    @Test
    void memory_stays_bounded_under_a_flood_of_names() {
        LoginRateLimiter limiter = new LoginRateLimiter(5, Duration.ofMinutes(5), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            limiter.begin(i + "x".repeat(1000), "198.51.100." + (i % 50));
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(150);
        // the flooding addresses are still limited: the made-up names pushed out only each other
        assertThat(limiter.begin("fresh", "198.51.100.49")).isPresent();
    }
}
