package io.parkpulse.bench.peers;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The one publisher of every lane: the load park's gateways, connected once for the whole benchmark (clean sessions),
 * each publishing its meters' readings as fast as the broker acknowledges them (up to 200 unacknowledged messages per
 * gateway), every lane getting the same bytes.
 */
final class PeerPublisher implements AutoCloseable {

    /** What a block's publishing achieved. */
    record Published(long readings, long failed) {
    }

    private final LoadPark park;
    private final List<GatewayPublisher> gateways;
    private final int threads;

    private PeerPublisher(LoadPark park, List<GatewayPublisher> gateways, int threads) {
        this.park = park;
        this.gateways = gateways;
        this.threads = threads;
    }

    static PeerPublisher connect(String brokerUrl, LoadPark park, int threads) throws Exception {
        List<GatewayPublisher> gateways = new ArrayList<>();
        for (int g = 0; g < park.gateways(); g++) {
            gateways.add(GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(brokerUrl, park.parkId(), LoadPark.gatewayId(g))));
        }
        return new PeerPublisher(park, gateways, Math.min(threads, gateways.size()));
    }

    LoadPark park() {
        return park;
    }

    /**
     * Publishes the block round by round, each thread driving every threads-th gateway, and returns once the broker
     * acknowledged (QoS 1) or the socket took (QoS 0) every message.
     */
    Published publish(ReadingBlock block, Shape shape) throws Exception {
        LoadTraffic traffic = new LoadTraffic(park, shape.readingsPerMessage(), block.baseMs());
        AtomicLong sent = new AtomicLong();
        AtomicLong published = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                running.add(pool.submit(() -> {
                    for (int round = 0; round < block.rounds(); round++) {
                        for (int g = first; g < gateways.size(); g += threads) {
                            for (int chunk = 0; chunk < traffic.messagesPerRound(); chunk++) {
                                LoadTraffic.Message message = traffic.message(g, round, chunk);
                                sent.addAndGet(message.readings());
                                gateways.get(g).publishAsync(message.payload(), shape.qos(), () -> published.addAndGet(message.readings()),
                                        e -> { }); // counted below: what was sent and not published failed
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (GatewayPublisher gateway : gateways) {
            if (!gateway.awaitAcknowledged(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the broker did not acknowledge " + gateway.settings().gateway() + "'s messages within 5 min");
            }
        }
        // awaitAcknowledged returns only after every message's callback ran, so the counts are final here
        return new Published(published.get(), sent.get() - published.get());
    }

    @Override
    public void close() throws MqttException {
        for (GatewayPublisher gateway : gateways) {
            gateway.close();
        }
    }
}
