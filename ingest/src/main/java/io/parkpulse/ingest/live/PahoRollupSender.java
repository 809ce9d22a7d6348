package io.parkpulse.ingest.live;

import io.parkpulse.mqtt.CallbackAdapter;
import io.parkpulse.mqtt.CleanConnection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes rollups over a connection of their own, at QoS 0, never retained.
 *
 * <p>Its own connection, not ingest's: rollup bytes then never queue in front of the acknowledgements ingest owes the
 * broker, and a session without state (clean start, nothing persisted) costs the broker nothing while it is away.
 *
 * <p>Paho queues a QoS 0 publish without limit when the socket is slow; at most {@code maxOutstanding} messages may
 * be unwritten here, and beyond that {@link #offer} refuses at once ({@link Result#BUSY}). Thread-safe.
 */
public final class PahoRollupSender implements RollupSender {

    private static final Logger LOG = LoggerFactory.getLogger(PahoRollupSender.class);

    /** Where and as whom to connect. */
    public record Settings(String serverUri, String clientId, String username, String password) {
    }

    private final CleanConnection side;
    private final MqttAsyncClient client;
    private final int maxOutstanding;
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Bumped on each new connection: what the old one had unwritten is gone, and its late callbacks must not count. */
    private final AtomicLong connection = new AtomicLong();

    public PahoRollupSender(Settings settings, int maxOutstanding) throws MqttException {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1, not " + maxOutstanding);
        }
        this.maxOutstanding = maxOutstanding;
        this.side = new CleanConnection(settings.serverUri(), settings.clientId(), settings.username(), settings.password(),
                m -> LOG.warn("live rollups: {}", m));
        this.client = side.client();
        client.setCallback(new CallbackAdapter() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                connection.incrementAndGet();
                outstanding.set(0);
                LOG.info("live rollups: connected to {} as {}", serverUri, settings.clientId());
            }
        });
    }

    /** Connects in the background until connected or closed; Paho reconnects after that. */
    public void start() {
        side.start();
    }

    @Override
    public Result offer(String topic, byte[] payload) {
        if (side.isClosed() || !client.isConnected()) {
            return Result.DISCONNECTED;
        }
        long on = connection.get();
        if (outstanding.incrementAndGet() > maxOutstanding) {
            outstanding.decrementAndGet();
            return Result.BUSY;
        }
        MqttActionListener written = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                release(on);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                release(on);
            }
        };
        try {
            client.publish(topic, payload, 0, false, null, written);
            return Result.SENT;
        } catch (MqttException | RuntimeException e) {
            release(on);
            LOG.debug("live rollup to {} not queued: {}", topic, e.toString());
            return Result.DISCONNECTED;
        }
    }

    private void release(long on) {
        if (on == connection.get()) {
            outstanding.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        side.close();
    }
}
