package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    final TestClock clock = new TestClock(Instant.parse("2026-10-15T02:00:00Z"));

    static Optional<Duration> waitOf(Optional<LoginRateLimiter.Refusal> r) {
        return r.map(LoginRateLimiter.Refusal::retryAfter);
    }

    @Test
    void five_failures_per_account_and_address_then_a_wait_until_the_oldest_leaves_the_window() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.begin("ops", "10.0.0.1")).as("attempt " + i).isEmpty();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(waitOf(limiter.begin("OPS ", "10.0.0.1"))).as("in another case").contains(Duration.ofSeconds(250));
        assertThat(limiter.begin("ops", "10.0.0.1").orElseThrow().limit()).isEqualTo("account_address");
        clock.advance(Duration.ofSeconds(250));
        assertThat(limiter.begin("ops", "10.0.0.1")).isEmpty();
        assertThat(waitOf(limiter.begin("ops", "10.0.0.1"))).contains(Duration.ofSeconds(10));
    }

    @Test
    void a_guesser_behind_a_shared_address_does_not_lock_out_the_other_accounts_there() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 5; i++) {
            limiter.begin("ops", "192.0.2.1");
        }
        assertThat(limiter.begin("ops", "192.0.2.1")).isPresent();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.begin("user" + i, "192.0.2.1")).as("another account at the same address").isEmpty();
        }
        assertThat(limiter.begin("ops", "192.0.2.2")).as("the same account elsewhere").isEmpty();
    }

    @Test
    void an_account_guessed_from_many_addresses_is_locked_everywhere_and_other_accounts_are_not() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.begin("ops", "198.51.100." + i)).isEmpty();
        }
        LoginRateLimiter.Refusal refused = limiter.begin("ops", "203.0.113.7").orElseThrow();
        assertThat(refused.limit()).isEqualTo("account");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limiter.begin("other", "198.51.100.1")).isEmpty();
        assertThat(limiter.begin("other", "203.0.113.7")).isEmpty();
    }

    @Test
    void the_overall_ceiling_stops_spraying_many_accounts_from_many_addresses() {
        LoginRateLimiter limiter = new LoginRateLimiter(new LoginRateLimiter.Limits(5, 20, 50, Duration.ofMinutes(5)), 1_000, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.begin("user" + i, "198.51.100." + i)).isEmpty();
        }
        assertThat(limiter.begin("fresh", "203.0.113.1").orElseThrow().limit()).isEqualTo("overall");
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.begin("fresh", "203.0.113.1")).isEmpty();
    }

    @Test
    void a_success_clears_its_own_account_and_address_but_not_the_accounts_failures_elsewhere() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 4; i++) {
            limiter.begin("ops", "192.0.2.1");
        }
        limiter.begin("ops", "192.0.2.1");
        limiter.succeeded("ops", "192.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.begin("ops", "192.0.2.1")).as("attempt " + i).isEmpty();
        }
        assertThat(limiter.begin("ops", "192.0.2.1")).isPresent();

        for (int i = 0; i < 15; i++) {
            limiter.begin("firm", "198.51.100." + i);
        }
        limiter.begin("firm", "192.0.2.9");
        limiter.succeeded("firm", "192.0.2.9");
        for (int i = 0; i < 5; i++) {
            limiter.begin("firm", "192.0.2.9");
        }
        assertThat(limiter.begin("firm", "203.0.113.1").orElseThrow().limit())
                .as("the fifteen guesses from elsewhere still count for the account").isEqualTo("account");
    }

    @Test
    void a_cancelled_attempt_takes_back_only_itself() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        for (int i = 0; i < 4; i++) {
            limiter.begin("ops", "192.0.2.9");
        }
        limiter.begin("ops", "192.0.2.9");
        limiter.cancel("ops", "192.0.2.9");
        assertThat(limiter.begin("ops", "192.0.2.9")).isEmpty();
        assertThat(limiter.begin("ops", "192.0.2.9")).as("the four earlier failures still count").isPresent();
    }

    @Test
    void memory_stays_bounded_under_a_flood_of_names() {
        LoginRateLimiter limiter = new LoginRateLimiter(new LoginRateLimiter.Limits(5, 20, 1_000_000, Duration.ofMinutes(5)), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            limiter.begin(i + "x".repeat(1000), "198.51.100." + (i % 50));
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(200);
        for (int i = 0; i < 5; i++) {
            limiter.begin("target", "198.51.100.1");
        }
        assertThat(limiter.begin("target", "198.51.100.1")).isPresent();
    }
}
