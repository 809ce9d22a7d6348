package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Servers from the kit do not share ports or data, so test classes can run side by side. */
class TwoInstancesTest {

    @Test
    void twoBrokersRunAtOnceAndAreIndependent() throws Exception {
        try (MqttBroker first = RealServices.mosquitto();
             MqttBroker second = RealServices.mosquitto();
             PahoClient onFirst = PahoClient.connect(first.url(), "c");
             PahoClient onSecond = PahoClient.connect(second.url(), "c")) {
            assertThat(first.port()).isNotEqualTo(second.port());
            onFirst.subscribe("t", 1);
            onSecond.subscribe("t", 1);

            onFirst.publish("t", "only on first", 1);

            assertThat(onFirst.await(1, Duration.ofSeconds(5))).containsExactly("only on first");
            assertThat(onSecond.await(1, Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void twoInfluxDbsRunAtOnceAndAreIndependent() {
        try (InfluxDb first = RealServices.influxDb(); InfluxDb second = RealServices.influxDb()) {
            assertThat(first.url()).isNotEqualTo(second.url());
            first.createDatabase("d");
            second.createDatabase("d");

            first.write("d", "m v=1 1700000000000");

            assertThat(first.count("d", "SELECT count(v) FROM m")).isEqualTo(1);
            assertThat(second.count("d", "SELECT count(v) FROM m")).isZero();
        }
    }
}
