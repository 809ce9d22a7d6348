package io.parkpulse.dashboard.support;

import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.simulators.run.MessageSink;
import io.parkpulse.simulators.run.OutgoingMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A park's gateways connected to a broker, as the simulator's gateways are (retained {@code online} status, QoS 1
 * telemetry), that stay connected after a simulation run: a {@link MessageSink} whose {@code close()} does not
 * disconnect, so the live panel keeps showing the gateways online; {@link #disconnect()} ends them.
 */
public final class GatewaysOnBroker implements MessageSink {

    private final Map<String, GatewayPublisher> publishers = new LinkedHashMap<>();

    public GatewaysOnBroker(String brokerUrl, String park, List<String> gateways) throws MqttException {
        try {
            for (String gateway : gateways) {
                publishers.put(gateway, GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(brokerUrl, park, gateway)));
            }
        } catch (MqttException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    @Override
    public void send(OutgoingMessage message) {
        try {
            publishers.get(message.gatewayId()).publishRaw(message.payload());
        } catch (MqttException e) {
            throw new IllegalStateException("gateway " + message.gatewayId() + " could not publish: " + e.getMessage(), e);
        }
    }

    /** Publishes {@code message} as {@code gateway}; returns once the broker acknowledged it. */
    public void publish(String gateway, TelemetryMessage message) throws MqttException {
        GatewayPublisher publisher = publishers.get(gateway);
        if (publisher == null) {
            throw new IllegalArgumentException("no gateway " + gateway + " here; connected: " + publishers.keySet());
        }
        publisher.publish(message);
    }

    /** Each publish is acknowledged before {@link #send} returns, so nothing is left to wait for here. */
    @Override
    public void close() {
    }

    /** Says offline for every gateway and disconnects. */
    public void disconnect() {
        for (GatewayPublisher p : publishers.values()) {
            try {
                p.close();
            } catch (MqttException e) {
                // the broker is going away with the test; nothing to recover
            }
        }
        publishers.clear();
    }
}
