package io.parkpulse.testkit;

/**
 * The lifecycle half of a test server handle ({@link MqttBroker}, {@link InfluxDb}): every call goes to
 * the {@link ServerControl} that runs it, so local and container servers differ only in how they start.
 */
abstract class ManagedServer implements AutoCloseable {

    private final ServerControl control;

    ManagedServer(ServerControl control) {
        this.control = control;
    }

    public void stop() {
        control.stop();
    }

    public void kill() {
        control.kill();
    }

    public void start() {
        control.start();
    }

    public boolean isRunning() {
        return control.isRunning();
    }

    public String logTail(int maxLines) {
        return control.logTail(maxLines);
    }

    @Override
    public void close() {
        control.close();
    }
}
