package io.parkpulse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLogTest {

    private static final String FILTER = "$share/ingest/dp/v1/+/+/telemetry";

    @Test
    void recognisesMosquittosSubscribeLineOfThatClientAndFilterOnly() {
        assertThat(BrokerLog.isSubscription("1796623907: peers-a 1 " + FILTER + "\n", "peers-a", FILTER)).isTrue();
        assertThat(BrokerLog.isSubscription("1796623907: peers-a 0 " + FILTER, "peers-a", FILTER)).isTrue();
        assertThat(BrokerLog.isSubscription("1796623907: peers-ab 1 " + FILTER, "peers-a", FILTER)).isFalse();
        assertThat(BrokerLog.isSubscription("1796623907: peers-a 1 $share/ingest/dp/v1/+/+/status", "peers-a", FILTER)).isFalse();
        assertThat(BrokerLog.isSubscription("1796623907: New client connected from 127.0.0.1:48886 as peers-a (p2, c1, k60).",
                "peers-a", FILTER)).isFalse();
    }

    @Test
    void looksOnlyAfterTheMarkAndGivesUpWhenTheSubscriberFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mosquitto.log");
        Files.writeString(file, "1: old 1 " + FILTER + "\n");
        BrokerLog log = new BrokerLog(file);
        long mark = log.mark();

        assertThatThrownBy(() -> log.awaitSubscription(mark, "old", FILTER, Duration.ofSeconds(5), () -> "exited with 1"))
                .hasMessageContaining("exited with 1");
        Files.writeString(file, "1: old 1 " + FILTER + "\n2: new 1 " + FILTER + "\n");
        log.awaitSubscription(mark, "new", FILTER, Duration.ofSeconds(5), () -> null);
    }
}
