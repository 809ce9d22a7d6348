package io.parkpulse.chaos;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's gateways publishing at a steady rate through a fault. Each gateway publishes its messages in
 * order and keeps a message until the broker took it for a subscriber, as a gateway's store-and-forward does
 * ({@link GatewayPublisher#publishUntilDelivered}); so a reading can only go missing inside the platform. Every
 * reading is distinct (meter, device time), so InfluxDB's count of the run's time range is the number stored.
 *
 * <p>Thread-safe: one publishing thread per gateway; counters are atomic.
 */
final class SteadyLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SteadyLoad.class);

    private final LoadPark park;
    private final LoadTraffic traffic;
    private final List<GatewayPublisher> gateways = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final long messageIntervalNanos;
    private volatile boolean producing = true;

    /** Connects the park's gateways and starts publishing readings whose device times start at {@code baseMs}. */
    SteadyLoad(String brokerUrl, LoadPark park, long baseMs, double readingsPerSecond) throws Exception {
        this.park = park;
        this.traffic = new LoadTraffic(park, park.metersPerGateway(), baseMs);
        double messagesPerSecondPerGateway = readingsPerSecond / park.meters();
        this.messageIntervalNanos = (long) (1e9 / messagesPerSecondPerGateway);
        for (int g = 0; g < park.gateways(); g++) {
            gateways.add(GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(brokerUrl, park.parkId(), LoadPark.gatewayId(g))));
        }
        for (int g = 0; g < park.gateways(); g++) {
            int gateway = g;
            Thread thread = new Thread(() -> publishLoop(gateway), "load-" + LoadPark.gatewayId(g));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void publishLoop(int gateway) {
        GatewayPublisher publisher = gateways.get(gateway);
        long due = System.nanoTime();
        for (long round = 0; producing; round++) {
            LoadTraffic.Message message = traffic.message(gateway, round, 0);
            produced.addAndGet(message.readings());
            rounds.accumulateAndGet(round + 1, Math::max);
            boolean delivered = publisher.publishUntilDelivered(message.payload(), (e, failures) -> {
                failedAttempts.incrementAndGet();
                if (failures == 1 || failures % 10 == 0) {
                    LOG.info("{}: attempt {} failed, keeping the message: {}", LoadPark.gatewayId(gateway), failures, e.toString());
                }
            });
            if (!delivered) {
                return;
            }
            published.addAndGet(message.readings());
            due += messageIntervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -60_000_000_000L) {
                due = System.nanoTime(); // a minute behind after an outage: catch up, but not forever
            }
        }
    }

    /** Readings handed to the gateways so far (published or waiting in a gateway). */
    long produced() {
        return produced.get();
    }

    /** Readings the broker acknowledged for a subscriber. */
    long published() {
        return published.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    /** Stops producing and waits until every produced reading is published; returns the number published. */
    long stop() throws InterruptedException {
        producing = false;
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        return published.get();
    }

    /** InfluxQL counting this load's readings in storage (the load's park, its device-time range). */
    String countQuery() {
        return "SELECT count(power_kw) FROM electricity WHERE park = '" + park.parkId() + "' AND time >= " + traffic.baseMs()
                + "ms AND time < " + (traffic.baseMs() + rounds.get()) + "ms";
    }

    @Override
    public void close() throws Exception {
        producing = false;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(10_000);
        }
        for (GatewayPublisher gateway : gateways) {
            try {
                gateway.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", gateway.settings().gateway(), e.toString());
            }
        }
    }
}
