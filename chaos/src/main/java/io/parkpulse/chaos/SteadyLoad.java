package io.parkpulse.chaos;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's gateways publishing at a steady rate through a fault. Each gateway publishes its messages in
 * order and keeps a message until the broker took it for a subscriber, as a gateway's store-and-forward does
 * ({@link GatewayPublisher#publishUntilDelivered}); so a reading can only go missing inside the platform. A message
 * holds one reading of each of the gateway's meters at device time {@code base + round} ms, so every reading is
 * distinct and InfluxDB's count over a time range is the number stored.
 *
 * <p>Thread-safe: one publishing thread per gateway; counters are atomic.
 */
final class SteadyLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SteadyLoad.class);

    private final LoadPark park;
    private final LoadTraffic traffic;
    private final List<GatewayPublisher> gateways = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Per gateway, the rounds handed to it (produced) so far. */
    private final AtomicLongArray roundsProduced;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final long messageIntervalNanos;
    private volatile boolean producing = true;
    private volatile boolean abandoned;

    /** Connects the park's gateways and starts publishing readings whose device times start at {@code baseMs}. */
    SteadyLoad(String brokerUrl, LoadPark park, long baseMs, double readingsPerSecond) throws Exception {
        this.park = park;
        this.traffic = new LoadTraffic(park, park.metersPerGateway(), baseMs);
        this.roundsProduced = new AtomicLongArray(park.gateways());
        double messagesPerSecondPerGateway = readingsPerSecond / park.meters();
        this.messageIntervalNanos = (long) (1e9 / messagesPerSecondPerGateway);
        try {
            for (int g = 0; g < park.gateways(); g++) {
                String id = LoadPark.gatewayId(g);
                gateways.add(GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(brokerUrl, park.parkId(), id)));
            }
        } catch (Exception e) {
            close();
            throw e;
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
            roundsProduced.set(gateway, round + 1);
            boolean delivered = publisher.publishUntilDelivered(message.payload(), (e, failures) -> {
                failedAttempts.incrementAndGet();
                if (failures == 1 || failures % 10 == 0) {
                    LOG.info("{}: attempt {} failed, keeping the message: {}", LoadPark.gatewayId(gateway), failures, e.toString());
                }
            }, () -> abandoned);
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
        long rounds = 0;
        for (int g = 0; g < roundsProduced.length(); g++) {
            rounds += roundsProduced.get(g);
        }
        return rounds * park.metersPerGateway();
    }

    /** Rounds every gateway has been handed: all readings at device times before {@code base + this} ms exist. */
    long completeRounds() {
        long rounds = Long.MAX_VALUE;
        for (int g = 0; g < roundsProduced.length(); g++) {
            rounds = Math.min(rounds, roundsProduced.get(g));
        }
        return rounds;
    }

    /** Readings the broker acknowledged for a subscriber. */
    long published() {
        return published.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    int meters() {
        return park.meters();
    }

    /**
     * Stops producing and waits, at most {@code limit} in all, until every produced reading is published.
     *
     * @throws IllegalStateException if a gateway still holds an undelivered message then
     */
    long stop(Duration limit) throws InterruptedException {
        producing = false;
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            throw new IllegalStateException("the load's gateways could not deliver their last messages within " + limit.toSeconds() + " s");
        }
        return published.get();
    }

    /** InfluxQL counting this load's readings in storage. */
    String countQuery() {
        return countQueryBefore(maxRounds());
    }

    /** InfluxQL counting this load's readings of the rounds before {@code rounds}. */
    String countQueryBefore(long rounds) {
        long end = traffic.baseMs() + rounds;
        return "SELECT count(power_kw) FROM electricity WHERE park = '" + park.parkId() + "' AND time >= " + traffic.baseMs()
                + "ms AND time < " + end + "ms";
    }

    private long maxRounds() {
        long rounds = 0;
        for (int g = 0; g < roundsProduced.length(); g++) {
            rounds = Math.max(rounds, roundsProduced.get(g));
        }
        return rounds;
    }

    @Override
    public void close() throws Exception {
        producing = false;
        abandoned = true;
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
