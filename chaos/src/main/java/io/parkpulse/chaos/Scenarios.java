package io.parkpulse.chaos;

import java.time.Duration;
import java.util.List;

/** The four faults, in the order the suite runs them. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(new IngestKill(), new BrokerRestart(), new InfluxOutage(), new GatewayUplinkCut());
    }

    /** kill -9 of one of the two ingest instances, started again after a while, as by its supervisor. */
    static final class IngestKill implements Scenario {
        @Override
        public String name() {
            return "ingest-kill";
        }

        @Override
        public String fault(ChaosPlan plan) {
            return "kill -9 one of two ingest instances; restarted after " + plan.ingestDown().toSeconds() + " s";
        }

        @Override
        public Duration length(ChaosPlan plan) {
            return plan.ingestDown();
        }

        @Override
        public void inject(Stage stage) throws Exception {
            stage.monitor.sampleNow(); // its writes until the kill, for the duplicate count
            stage.ingests.get(0).kill();
        }

        @Override
        public void heal(Stage stage) throws Exception {
            stage.ingests.get(0).start();
        }
    }

    /** The broker stopped (it saves its sessions and queues) and started again. */
    static final class BrokerRestart implements Scenario {
        @Override
        public String name() {
            return "broker-restart";
        }

        @Override
        public String fault(ChaosPlan plan) {
            return "Mosquitto stopped for " + plan.brokerDown().toSeconds() + " s and started again";
        }

        @Override
        public Duration length(ChaosPlan plan) {
            return plan.brokerDown();
        }

        @Override
        public void inject(Stage stage) {
            stage.broker.stop();
        }

        @Override
        public void heal(Stage stage) {
            stage.broker.start();
        }
    }

    /** InfluxDB stopped: ingest must hold the stream (unacknowledged, in the broker's queue) until it is back. */
    static final class InfluxOutage implements Scenario {
        @Override
        public String name() {
            return "influxdb-outage";
        }

        @Override
        public String fault(ChaosPlan plan) {
            return "InfluxDB stopped for " + plan.influxDown().toSeconds() + " s";
        }

        @Override
        public Duration length(ChaosPlan plan) {
            return plan.influxDown();
        }

        @Override
        public void inject(Stage stage) {
            stage.influx.stop();
        }

        @Override
        public void heal(Stage stage) {
            stage.influx.start();
        }
    }
}
