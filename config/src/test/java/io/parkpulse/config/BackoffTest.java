package io.parkpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheLongest() {
        Backoff backoff = Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));

        assertThat(backoff.delayMs(1)).isEqualTo(100);
        assertThat(backoff.delayMs(2)).isEqualTo(200);
        assertThat(backoff.delayMs(3)).isEqualTo(400);
        assertThat(backoff.delayMs(6)).isEqualTo(3_200);
        assertThat(backoff.delayMs(7)).isEqualTo(5_000);
        assertThat(backoff.delayMs(1_000)).as("no overflow after many failures").isEqualTo(5_000);
        assertThat(backoff.delayMs(Integer.MAX_VALUE)).isEqualTo(5_000);
    }

    @RepeatedTest(20)
    void jitterShortensEachWaitByAtMostItsShare() {
        Backoff backoff = Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(2)).withJitter(0.25);

        assertThat(backoff.delayMs(1)).isBetween(75L, 100L);
        assertThat(backoff.delayMs(5)).isBetween(1_200L, 1_600L);
        assertThat(backoff.delayMs(50)).isBetween(1_500L, 2_000L);
    }

    @Test
    void aWaitIsNeverShorterThanAMillisecond() {
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1.0).delayMs(1)).isEqualTo(1);
    }

    @Test
    void refusesValuesThatMakeNoRetryRule() {
        assertThatThrownBy(() -> Backoff.doubling(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("1 ms <= first <= max");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofNanos(10), Duration.ofSeconds(1))).hasMessageContaining("1 ms <= first");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("first <= max");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(1), Duration.ofDays(400))).hasMessageContaining("max <= PT24H");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(1), Duration.ofSeconds(2)).withJitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(1), Duration.ofSeconds(2)).delayMs(0)).hasMessageContaining("at least one failure");
    }
}
