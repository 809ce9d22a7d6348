package io.parkpulse.bench.peers;

import io.parkpulse.mqtt.MqttClients;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Ends a subscriber's session at the broker once its run is over. Ingest keeps a persistent session (7 days by default)
 * on the shared subscription; left behind, it would take its share of the next run's messages into a queue nobody
 * reads. Connecting under the same client id with a clean start and no session expiry discards it.
 */
final class SessionSweeper {

    private SessionSweeper() {
    }

    static void sweep(String brokerUrl, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        try {
            MqttConnectionOptions options = MqttClients.options(brokerUrl);
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            client.connect(options).waitForCompletion(15_000);
            client.disconnect().waitForCompletion(10_000);
        } finally {
            client.close();
        }
    }
}
