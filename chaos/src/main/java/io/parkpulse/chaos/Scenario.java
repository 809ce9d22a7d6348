package io.parkpulse.chaos;

import java.time.Duration;

/** One fault: how it is injected, how long it lasts and how it ends. The suite measures around it. */
interface Scenario {

    String name();

    /** What happens, in words, for the results table. */
    String fault(ChaosPlan plan);

    Duration length(ChaosPlan plan);

    void inject(Stage stage) throws Exception;

    /** What happens while the fault lasts; by default nothing but waiting. */
    default void during(Stage stage, Duration length) throws Exception {
        Thread.sleep(length.toMillis());
    }

    void heal(Stage stage) throws Exception;

    /** For a fault that restarts the gateway without uplink, what it found in its buffer, taken after the drain; else null. */
    default BufferReplay bufferReplay(Stage stage) throws Exception {
        return null;
    }

    /** How the steady load publishes during this fault; MQTT 5 counting PUBACKs unless the scenario needs acks. */
    default SteadyLoad.Publishing publishing() {
        return SteadyLoad.Publishing.MQTT5_PUBACK;
    }

    /** Whether the fault lies in the steady load's path, so its recovery figure means something. */
    default boolean cutsTheLoad() {
        return true;
    }
}
