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
     * interrupts. Once connected, Paho's automatic reconnect takes over.
     */
    public static void connectUntilConnected(MqttAsyncClient client, MqttConnectionOptions options, BooleanSupplier closed,
                                             Consumer<String> warn) {
        long delay = 500;
        while (!closed.getAsBoolean()) {
            try {
                client.connect(options).waitForCompletion(15_000);
                return;
            } catch (MqttException e) {
                warn.accept("cannot connect to " + client.getServerURI() + " yet (" + e.getMessage() + "); retrying in "
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
}
