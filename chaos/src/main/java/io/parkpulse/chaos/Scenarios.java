package io.parkpulse.chaos;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The four faults, in the order the suite runs them. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                // kill -9 of one of the two ingest instances, started again after a while, as by its supervisor
                new Fault("ingest-kill",
                        plan -> "kill -9 one of two ingest instances; restarted after " + plan.ingestDown().toSeconds() + " s",
                        ChaosPlan::ingestDown,
                        stage -> {
                            stage.monitor.sampleNow(); // its writes until the kill, for the duplicate count
                            stage.ingests.get(0).kill();
                        },
                        stage -> stage.ingests.get(0).start()),
                // the broker stopped (it saves its sessions and queues) and started again
                new Fault("broker-restart", plan -> "Mosquitto stopped for " + plan.brokerDown().toSeconds() + " s and started again",
                        ChaosPlan::brokerDown, stage -> stage.broker.stop(), stage -> stage.broker.start()),
                // InfluxDB stopped: ingest must hold the stream (unacknowledged, in the broker's queue) until it is back
                new Fault("influxdb-outage", plan -> "InfluxDB stopped for " + plan.influxDown().toSeconds() + " s",
                        ChaosPlan::influxDown, stage -> stage.influx.stop(), stage -> stage.influx.start()),
                new GatewayUplinkCut());
    }

    /** Something done to the stage; may fail like any process or server control. */
    interface StageAction {
        void apply(Stage stage) throws Exception;
    }

    /** A fault that is injected, waited out and lifted, with nothing to do in between. */
    record Fault(String name, Function<ChaosPlan, String> description, Function<ChaosPlan, Duration> lasting, StageAction injection,
                 StageAction healing) implements Scenario {

        @Override
        public String fault(ChaosPlan plan) {
            return description.apply(plan);
        }

        @Override
        public Duration length(ChaosPlan plan) {
            return lasting.apply(plan);
        }

        @Override
        public void inject(Stage stage) throws Exception {
            injection.apply(stage);
        }

        @Override
        public void heal(Stage stage) throws Exception {
            healing.apply(stage);
        }
    }
}
