package io.parkpulse.testkit;

/**
 * A real MQTT broker (Mosquitto 2.x) running for a test, on a port fixed for its whole life.
 *
 * <p>Lifecycle: created running; {@link #stop()} / {@link #kill()} / {@link #start()} may be called any
 * number of times for fault injection; {@link #close()} ends it for good. Persisted sessions and queued
 * QoS&gt;0 messages survive {@code stop()} + {@code start()} because the broker saves its database on
 * SIGTERM and reloads it from the same directory.
 *
 * <p>Thread-safety: implementations are thread-safe; lifecycle calls are serialised.
 */
public interface MqttBroker extends AutoCloseable {

    /** Host clients connect to, e.g. {@code 127.0.0.1}. */
    String host();

    /** TCP port of the MQTT listener; the same across restarts. */
    int port();

    /**
     * TCP port of the further listener {@code name} ({@link MosquittoConfig#listener}); the same across restarts.
     *
     * @throws IllegalArgumentException if the broker's config has no listener of that name
     */
    int port(String name);

    /** {@code tcp://host:port}, the form Paho and Vert.x MQTT clients take. */
    default String url() {
        return "tcp://" + host() + ":" + port();
    }

    /** Graceful stop (SIGTERM): the broker saves its persistence and exits; waits until it has. Idempotent. */
    void stop();

    /**
     * Crash (SIGKILL): no save, so anything since the last autosave is lost, as on a power cut. Waits
     * until the process is gone. Idempotent.
     */
    void kill();

    /**
     * Starts the broker again on the same port with the same data directory and waits until it accepts
     * MQTT connections. No-op if it is running.
     *
     * @throws IllegalStateException if it cannot start (the message holds the command and the log's tail)
     *                               or was closed
     */
    void start();

    boolean isRunning();

    /** The last {@code maxLines} lines of the broker's log, for assertion messages and debugging. */
    String logTail(int maxLines);

    /** Stops the broker and deletes its data. Idempotent. */
    @Override
    void close();
}
