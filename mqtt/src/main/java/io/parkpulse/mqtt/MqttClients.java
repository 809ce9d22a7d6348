package io.parkpulse.mqtt;

import io.parkpulse.config.Backoff;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Connection settings every ParkPulse MQTT client shares. */
public final class MqttClients {

    private MqttClients() {
    }

    /**
     * Options for connecting to {@code serverUri}: {@code TCP_NODELAY} on plain TCP connections. TLS
     * connections keep Paho's default SSL socket factory.
     */
    public static MqttConnectionOptions options(String serverUri) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (serverUri.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
            options.setSocketFactory(new NoDelaySocketFactory());
        }
        return options;
    }

    /** Waits between connection attempts until the first connection. */
    private static final Backoff CONNECT_RETRY = Backoff.doubling(Duration.ofMillis(500), Duration.ofSeconds(10));

    /**
     * Connects {@code client} with {@code options}, trying again after each failure — first after 500 ms, the wait
     * doubling up to 10 s — until connected, {@code closed} says so or the thread is interrupted. Every failure is
     * told to {@code warn} (a logger's {@code warn}). Blocks: run it on a thread of its own, which {@code close()}
     * interrupts. Once connected, Paho's automatic reconnect takes over, watched by {@link #watchReconnection}.
     */
    public static void connectUntilConnected(MqttAsyncClient client, MqttConnectionOptions options, BooleanSupplier closed,
                                             Consumer<String> warn) {
        for (int failures = 1; !closed.getAsBoolean(); failures++) {
            try {
                client.connect(options).waitForCompletion(15_000);
                watchReconnection(client, closed, warn);
                return;
            } catch (MqttException e) {
                long delay = CONNECT_RETRY.delayMs(failures);
                warn.accept("cannot connect to " + client.getServerURI() + " yet (" + describe(e) + "); retrying in "
                        + delay + " ms");
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * What went wrong, for a log line. Paho's own text is empty of meaning when the failure is below MQTT: a
     * refused TLS handshake reads "Untranslated MqttException - RC: 0". So the causes are added, e.g.
     * "SSLHandshakeException: PKIX path building failed: … unable to find valid certification path to requested
     * target", each once.
     */
    public static String describe(MqttException e) {
        StringBuilder text = new StringBuilder();
        if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_EXCEPTION || e.getCause() == null) {
            text.append(e.getMessage());
        }
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            String said = cause.getMessage();
            if (said != null && text.indexOf(said) >= 0) {
                continue; // a wrapper's message often is its cause's, or the other way round
            }
            text.append(text.length() == 0 ? "" : "; ").append(cause.getClass().getSimpleName());
            if (said != null) {
                text.append(": ").append(said);
            }
        }
        return text.toString();
    }

    private static final int MAX_CAUSES = 8;

    /**
     * Watches {@code client}'s connection beside Paho's own reconnect timer, asking it to reconnect now every few
     * seconds while it is disconnected and not {@code closed} ({@link ReconnectWatchdog}).
     */
    public static void watchReconnection(MqttAsyncClient client, BooleanSupplier closed, Consumer<String> warn) {
        ReconnectWatchdog.watch(client, closed, warn);
    }

    /**
     * Disconnects cleanly when connected (waiting up to {@code timeoutMs}) and releases the client; problems only go
     * to {@code debug}: a client that is going away has nothing left to do about them.
     */
    public static void disconnectAndClose(MqttAsyncClient client, long timeoutMs, Consumer<String> debug) {
        try {
            if (client.isConnected()) {
                client.disconnect(timeoutMs).waitForCompletion(timeoutMs + 1_000);
            }
        } catch (MqttException e) {
            debug.accept("disconnect: " + e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            debug.accept("close: " + e);
        }
    }

    /**
     * {@link #options} plus what every long-lived ParkPulse client wants: automatic reconnection (1 s, backing off to
     * 10 s), 30 s keep-alive, 10 s connect timeout, and the credentials when given. Session settings are the caller's.
     */
    public static MqttConnectionOptions reconnecting(String serverUri, String username, String password) {
        MqttConnectionOptions options = options(serverUri);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return options;
    }

    /** Runs {@link #connectUntilConnected} on a daemon thread named {@code name}, which it returns (started). */
    public static Thread connectInBackground(MqttAsyncClient client, MqttConnectionOptions options, BooleanSupplier closed,
                                             Consumer<String> warn, String name) {
        Thread connector = new Thread(() -> connectUntilConnected(client, options, closed, warn), name);
        connector.setDaemon(true);
        connector.start();
        return connector;
    }
}
