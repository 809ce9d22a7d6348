package io.parkpulse.mqtt;

import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A side connection to the broker without a session: clean start, nothing persisted, connected in the background until
 * it is up and reconnected by Paho after that (the rollup publisher and subscriber, the rejection reports). What a
 * session would keep is worthless to these users, and a broker holds nothing for them while they are away.
 *
 * <p>Set the client's callback ({@link #client()}) before {@link #start()}. Thread-safe.
 */
public final class CleanConnection implements AutoCloseable {

    private final MqttAsyncClient client;
    private final String serverUri;
    private final String username;
    private final String password;
    private final Consumer<String> warn;
    private volatile boolean closed;
    private Thread connector;

    /** @param warn receives what goes wrong while connecting (a logger's {@code warn}, with the user's prefix) */
    public CleanConnection(String serverUri, String clientId, String username, String password, Consumer<String> warn)
            throws MqttException {
        this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        this.serverUri = serverUri;
        this.username = username;
        this.password = password;
        this.warn = warn;
    }

    public MqttAsyncClient client() {
        return client;
    }

    /** Connects in the background, retrying until connected or closed; Paho reconnects after that. */
    public synchronized void start() {
        MqttConnectionOptions options = MqttClients.reconnecting(serverUri, username, password);
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        connector = MqttClients.connectInBackground(client, options, () -> closed, warn, "mqtt-connect-" + client.getClientId());
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Disconnects; blocks up to a few seconds, so not on an event loop. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        MqttClients.disconnectAndClose(client, 2_000, m -> { });
    }
}
