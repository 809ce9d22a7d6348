package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture classes through the Jupiter engine to see what a single test class cannot: each class
 * gets its own servers, and they are stopped and deleted once the class is done. The fixtures are
 * nested classes, which Surefire does not run on their own.
 */
class ExtensionScopeTest {

    static final List<MqttBroker> BROKERS = new CopyOnWriteArrayList<>();
    static final List<InfluxDb> INFLUXES = new CopyOnWriteArrayList<>();

    @Test
    void eachClassGetsItsOwnServicesClosedAfterTheClass() {
        BROKERS.clear();
        INFLUXES.clear();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(BROKERS).hasSize(3);
        assertThat(INFLUXES).hasSize(1);
        // FirstFixture's two tests shared one broker; SecondFixture had another
        assertThat(BROKERS.get(0)).isSameAs(BROKERS.get(1));
        assertThat(BROKERS.get(2)).isNotSameAs(BROKERS.get(0));
        assertThat(BROKERS.get(2).port()).isNotEqualTo(BROKERS.get(0).port());
        for (MqttBroker broker : BROKERS) {
            assertThat(broker.isRunning()).isFalse();
            assertThat(((LocalMosquitto) broker).directory()).doesNotExist();
        }
        assertThat(INFLUXES.get(0).isRunning()).isFalse();
        assertThat(((LocalInfluxDb) INFLUXES.get(0)).directory()).doesNotExist();
    }

    @RealServicesTest
    static class FirstFixture {

        @Test
        void one(MqttBroker broker) {
            BROKERS.add(broker);
        }

        @Test
        void two(MqttBroker broker) {
            BROKERS.add(broker);
        }
    }

    @RealServicesTest
    static class SecondFixture {

        @Test
        void only(MqttBroker broker, InfluxDb influx) {
            BROKERS.add(broker);
            INFLUXES.add(influx);
        }
    }
}
