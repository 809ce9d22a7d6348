package io.parkpulse.chaos;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The faults, in the order the suite runs them: issue 14's four, then issue 17's two broker faults with end-to-end acks. */
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
                new GatewayUplinkCut(),
                // issue 17: the broker crashes holding a backlog it has not saved; only end-to-end acks make the
                // publishers send it again (measured before them: 80,200 of 320,000 readings lost)
                new Fault("broker-kill-backlog",
                        plan -> "InfluxDB stopped, " + plan.backlog().toSeconds() + " s of load queued, Mosquitto killed (kill -9) and "
                                + "started again, InfluxDB back " + plan.brokerDown().toSeconds() + " s later; MQTT 5 publishers with "
                                + "end-to-end acks (resend after " + plan.ackTimeout().toSeconds() + " s)",
                        ChaosPlan::brokerDown,
                        stage -> {
                            stage.influx.stop();
                            Thread.sleep(stage.plan.backlog().toMillis());
                            stage.broker.kill();
                            stage.broker.start();
                        },
                        stage -> stage.influx.start(), SteadyLoad.Publishing.MQTT5_END_TO_END),
                // issue 17: after a restart Mosquitto PUBACKs and drops what arrives before ingest resubscribes; an MQTT
                // 3.1.1 publisher cannot see it (no 0x10) and needs the end-to-end acks (before them: 39,950 of 240,000 lost)
                new Fault("broker-restart-mqtt311-acks",
                        plan -> "Mosquitto stopped for " + plan.brokerDown().toSeconds() + " s and started again; MQTT 3.1.1 publishers "
                                + "with end-to-end acks (resend after " + plan.ackTimeout().toSeconds() + " s)",
                        ChaosPlan::brokerDown, stage -> stage.broker.stop(), stage -> stage.broker.start(),
                        SteadyLoad.Publishing.MQTT311_END_TO_END));
    }

    /** Something done to the stage; may fail like any process or server control. */
    interface StageAction {
        void apply(Stage stage) throws Exception;
    }

    /**
     * A fault that is injected, waited out and lifted, with nothing to do in between, under a load published the
     * given way (trusting the PUBACK unless said otherwise; end-to-end acks for the issue-17 faults).
     */
    record Fault(String name, Function<ChaosPlan, String> description, Function<ChaosPlan, Duration> lasting, StageAction injection,
                 StageAction healing, SteadyLoad.Publishing publishing) implements Scenario {

        Fault(String name, Function<ChaosPlan, String> description, Function<ChaosPlan, Duration> lasting, StageAction injection,
              StageAction healing) {
            this(name, description, lasting, injection, healing, SteadyLoad.Publishing.MQTT5_PUBACK);
        }

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
