package io.parkpulse.mqtt;

import java.util.Locale;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

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
}
