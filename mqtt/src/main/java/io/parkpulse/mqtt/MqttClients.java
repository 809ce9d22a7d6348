package io.parkpulse.mqtt;

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

    /**
     * Connects {@code client} with {@code options}, trying again after each failure — first after 500 ms, the wait
     * doubling up to 10 s — until connected, {@code closed} says so or the thread is interrupted. Every failure is
     * told to {@code warn} (a logger's {@code warn}). Blocks: run it on a thread of its own, which {@code close()}
     * interrupts. Once connected, Paho's automatic reconnect takes over, watched by {@link #RECONNECT_CHECK}.
     */
    public static void connectUntilConnected(MqttAsyncClient client, MqttConnectionOptions options, BooleanSupplier closed,
                                             Consumer<String> warn) {
        long delay = 500;
        while (!closed.getAsBoolean()) {
            try {
                client.connect(options).waitForCompletion(15_000);
                watchReconnection(client, closed, warn);
                return;
            } catch (MqttException e) {
                warn.accept("cannot connect to " + client.getServerURI() + " yet (" + describe(e) + "); retrying in "
                        + delay + " ms");
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = Math.min(10_000, delay * 2);
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

    /** How often a disconnected client is asked to reconnect now, beside Paho's own reconnect timer. */
    public static final long RECONNECT_CHECK_MS = 5_000;

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mqtt-reconnect-watchdog");
                t.setDaemon(true);
                return t;
            });

    /**
     * Paho's automatic reconnect was seen to stop trying: after a 60 s broker outage the ingest client stayed
     * disconnected for over a minute while the gateway's client was long back. Every {@link #RECONNECT_CHECK_MS} a
     * client that is disconnected (and not closed) is asked to reconnect now; one that is already connecting says
     * so and is left alone.
     */
    public static void watchReconnection(MqttAsyncClient client, BooleanSupplier closed, Consumer<String> warn) {
        long[] downSince = {0};
        boolean[] told = {false};
        java.util.concurrent.ScheduledFuture<?>[] self = new java.util.concurrent.ScheduledFuture<?>[1];
        self[0] = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (closed.getAsBoolean()) {
                self[0].cancel(false);
                return;
            }
            if (client.isConnected()) {
                downSince[0] = 0;
                told[0] = false;
                return;
            }
            long now = System.currentTimeMillis();
            if (downSince[0] == 0) {
                downSince[0] = now;
                return; // give Paho's own timer the first go
            }
            try {
                client.reconnect();
                if (!told[0]) {
                    told[0] = true;
                    warn.accept("still not connected to " + client.getServerURI() + " after " + (now - downSince[0]) / 1000
                            + " s; asking for a reconnect every " + RECONNECT_CHECK_MS / 1000 + " s until it is back");
                }
            } catch (MqttException | RuntimeException e) {
                // already connecting or disconnecting: Paho is at it
            }
        }, RECONNECT_CHECK_MS, RECONNECT_CHECK_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
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
