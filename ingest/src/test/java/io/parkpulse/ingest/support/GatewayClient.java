package io.parkpulse.ingest.support;

import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A gateway as tests need one: publishes telemetry at QoS 1 (waiting for the broker's PUBACK),
 * announces itself with a retained status and an {@code offline} last will, and collects the
 * rejection reports the platform sends back.
 */
public final class GatewayClient implements AutoCloseable {

    private final String park;
    private final String gateway;
    private final MqttAsyncClient client;
    private final TelemetryEncoder encoder = new TelemetryEncoder();
    private final List<RejectionReport> reports = new CopyOnWriteArrayList<>();

    public GatewayClient(String brokerUrl, String park, String gateway) throws MqttException {
        this.park = park;
        this.gateway = gateway;
        this.client = new MqttAsyncClient(brokerUrl, "gw-" + park + "-" + gateway + "-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                reports.add(RejectionReport.fromJson(message.getPayload()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        MqttMessage will = new MqttMessage(GatewayStatus.OFFLINE.payload(), 1, true, null);
        options.setWill(Topics.status(park, gateway), will);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.rejected(park, gateway), 1)}, null, null, new MqttProperties())
                .waitForCompletion(10_000);
    }

    /** Publishes and waits until the broker has the message. */
    public void publish(TelemetryMessage message) throws MqttException {
        publishRaw(encoder.encode(message));
    }

    public void publishRaw(byte[] payload) throws MqttException {
        client.publish(Topics.telemetry(park, gateway), payload, 1, false).waitForCompletion(30_000);
    }

    public void publishStatus(GatewayStatus status) throws MqttException {
        client.publish(Topics.status(park, gateway), status.payload(), 1, true).waitForCompletion(10_000);
    }

    /** The first rejection report received for the message with this {@code seq} ({@code null}: unreadable seq), or null after {@code timeout}. */
    public RejectionReport reportFor(Long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (RejectionReport r : reports) {
                if (Objects.equals(r.seq(), seq)) {
                    return r;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
