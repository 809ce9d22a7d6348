package io.parkpulse.ingest.mqtt;

import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.CleanConnection;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the rejection reports to gateways, at QoS 1, over a connection of its own.
 *
 * <p>Its own connection, not {@link MqttSource}'s: Paho tells a publish's PUBACK on the callback thread of the client
 * that sent it, and {@link MqttSource}'s callback thread waits in {@link InFlightLimit} whenever ingest holds its
 * receive maximum of messages. A report confirmed on that thread could then be confirmed only after an
 * acknowledgement — which waits for the report. Here the confirmation never waits for the stream. Clean start,
 * nothing persisted: a report not confirmed is counted as failed by its caller, never sent again. Thread-safe.
 */
public final class ReportPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);

    /** Where and as whom to connect. */
    public record Settings(String serverUri, String clientId, String username, String password) {
    }

    private final CleanConnection connection;
    private final MqttAsyncClient client;

    public ReportPublisher(Settings settings) throws MqttException {
        this.connection = new CleanConnection(settings.serverUri(), settings.clientId(), settings.username(), settings.password(),
                m -> LOG.warn("rejection reports: {}", m));
        this.client = connection.client();
        client.setCallback(new CallbackAdapter() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                LOG.info("rejection reports: connected to {} as {}", serverUri, settings.clientId());
            }
        });
    }

    /** Connects in the background until connected or closed; Paho reconnects after that. */
    public void start() {
        connection.start();
    }

    /**
     * Publishes at QoS 1. The future completes with {@code true} once the broker confirmed the message (its PUBACK),
     * with {@code false} when it could not be sent or the broker refused it (a reason code of 0x80 or above); it never
     * fails. It completes on this client's Paho thread.
     */
    public CompletableFuture<Boolean> publish(String topic, byte[] payload) {
        CompletableFuture<Boolean> confirmed = new CompletableFuture<>();
        if (connection.isClosed() || !client.isConnected()) {
            confirmed.complete(false);
            return confirmed;
        }
        try {
            client.publish(topic, payload, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    boolean refused = codes != null && codes.length > 0 && codes[0] >= 0x80;
                    if (refused) {
                        LOG.debug("the broker refused the report to {}: reason code 0x{}", topic, Integer.toHexString(codes[0]));
                    }
                    confirmed.complete(!refused);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    LOG.debug("could not publish the report to {}: {}", topic, String.valueOf(exception));
                    confirmed.complete(false);
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.debug("could not publish the report to {}: {}", topic, e.toString());
            confirmed.complete(false);
        }
        return confirmed;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        connection.close();
    }
}
