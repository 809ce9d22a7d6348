package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension as a test class sees it: injection everywhere, one instance per class, auto-restart. */
@RealServicesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealServicesExtensionTest {

    private static MqttBroker brokerInBeforeAll;
    private static MqttBroker brokerInFirstTest;
    private static InfluxDb influxInFirstTest;

    private final MqttBroker brokerInConstructor;

    RealServicesExtensionTest(MqttBroker broker) {
        this.brokerInConstructor = broker;
    }

    @BeforeAll
    static void rememberBroker(MqttBroker broker) {
        brokerInBeforeAll = broker;
    }

    @Test
    @Order(1)
    void firstTestGetsRunningServicesAndBreaksThem(MqttBroker broker, InfluxDb influx) {
        assertThat(broker).isSameAs(brokerInBeforeAll).isSameAs(brokerInConstructor);
        assertThat(broker.isRunning()).isTrue();
        assertThat(influx.isRunning()).isTrue();
        influx.createDatabase("ext");
        influx.write("ext", "m v=1 1700000000000");
        brokerInFirstTest = broker;
        influxInFirstTest = influx;

        broker.kill();
        influx.stop();
    }

    @Test
    @Order(2)
    void nextTestGetsTheSameInstancesRunningAgainWithTheirData(MqttBroker broker, InfluxDb influx) throws Exception {
        assertThat(broker).isSameAs(brokerInFirstTest).isSameAs(brokerInConstructor);
        assertThat(influx).isSameAs(influxInFirstTest);
        assertThat(broker.isRunning()).isTrue();
        assertThat(influx.isRunning()).isTrue();
        assertThat(influx.count("ext", "SELECT count(v) FROM m")).isEqualTo(1);
        try (PahoClient client = PahoClient.connect(broker.url(), "after-restart")) {
            client.subscribe("t", 1);
            client.publish("t", "up", 1);
            assertThat(client.await(1, Duration.ofSeconds(5))).containsExactly("up");
        }
    }
}
