package io.parkpulse.dashboard.live;

import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.CleanConnection;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every park's rollups ({@code live/v1/+/rollup}, QoS 0) into a {@link LiveState}. A clean session: what was
 * missed while away is not worth having, since each ingest instance sends everything it knows every 30 s.
 *
 * <p>A message that is not a valid rollup is counted and logged (the first, then every 1000th), never applied.
 */
public final class LiveSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriber.class);

    private final LiveSettings settings;
    private final LiveState state;
    private final CleanConnection connection;
    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private volatile boolean subscribed;

    public LiveSubscriber(LiveSettings settings, LiveState state) throws MqttException {
        this.settings = settings;
        this.state = state;
        this.connection = new CleanConnection(settings.serverUri(), settings.clientId(), settings.username(), settings.password(),
                m -> LOG.warn("live rollups: {}", m));
        this.client = connection.client();
        client.setCallback(new CallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                take(topic, message.getPayload());
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                subscribe();
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
                subscribed = false;
                LOG.warn("live rollups: lost the broker connection; reconnecting");
            }
        });
    }

    /** Connects in the background, retrying until connected or closed; Paho reconnects after that. */
    public void start() {
        connection.start();
    }

    void take(String topic, byte[] payload) {
        received.incrementAndGet();
        try {
            state.apply(Rollup.parse(topic, payload));
        } catch (IllegalArgumentException e) {
            long n = invalid.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("live rollups: ignored an invalid message ({} so far): {}", n, e.getMessage());
            }
        }
    }

    private void subscribe() {
        MqttSubscription[] filters = {new MqttSubscription(Rollup.TOPIC_FILTER, 0)};
        try {
            // not subscribe(String, int, listener): that overload recurses in Paho 1.2.5
            client.subscribe(filters, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        LOG.error("live rollups: the broker refused {} (reason code 0x{})", Rollup.TOPIC_FILTER, Integer.toHexString(codes[0]));
                    } else {
                        subscribed = true;
                        LOG.info("live rollups: subscribed to {} at {}", Rollup.TOPIC_FILTER, settings.serverUri());
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    LOG.error("live rollups: subscribing to {} failed: {}", Rollup.TOPIC_FILTER, String.valueOf(exception));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("live rollups: cannot subscribe to {}: {}", Rollup.TOPIC_FILTER, e.toString());
        }
    }

    /** Connected and subscribed: rollups can arrive. */
    public boolean isSubscribed() {
        return subscribed && client.isConnected();
    }

    public long received() {
        return received.get();
    }

    public long invalid() {
        return invalid.get();
    }

    /** Disconnects; blocks up to a few seconds, so not on an event loop. */
    @Override
    public void close() {
        connection.close();
    }
}
