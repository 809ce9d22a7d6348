package io.parkpulse.chaos;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.simulators.mqtt.UnconfirmedMessages;
import java.util.function.Consumer;
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

    /** How the load's gateways publish, and what counts as published. */
    enum Publishing {
        /** MQTT 5, a message delivered once the broker PUBACKs it for a subscriber (not 0x10): as before issue 17. */
        MQTT5_PUBACK,
        /** MQTT 5 with end-to-end acks: a message counts once ingest acknowledges it stored; resent after the timeout. */
        MQTT5_END_TO_END,
        /** MQTT 3.1.1 (no 0x10) with end-to-end acks, as a third-party gateway following docs/protocol.md. */
        MQTT311_END_TO_END;

        boolean endToEnd() {
            return this != MQTT5_PUBACK;
        }
    }

    /** Sends one message until the broker PUBACKs it; false when abandoned. */
    private interface Sender {
        boolean send(byte[] payload, Runnable failedAttempt);
    }

    private final LoadPark park;
    private final LoadTraffic traffic;
    private final Publishing publishing;
    private final List<GatewayPublisher> gateways = new ArrayList<>();
    private final List<Mqtt311Gateway> gateways311 = new ArrayList<>();
    private final List<Sender> senders = new ArrayList<>();
    /** Per gateway with end-to-end acks: sent and not yet acknowledged as stored. */
    private final List<UnconfirmedMessages<LoadTraffic.Message>> unconfirmed = new ArrayList<>();
    private final AtomicLong resends = new AtomicLong();
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
        this(brokerUrl, park, baseMs, readingsPerSecond, Publishing.MQTT5_PUBACK, Duration.ofSeconds(30));
    }

    /** As above, publishing as {@code publishing} says; with end-to-end acks resending after {@code ackTimeout}, doubling to 5 min. */
    SteadyLoad(String brokerUrl, LoadPark park, long baseMs, double readingsPerSecond, Publishing publishing, Duration ackTimeout)
            throws Exception {
        this.park = park;
        this.publishing = publishing;
        this.traffic = new LoadTraffic(park, park.metersPerGateway(), baseMs, publishing.endToEnd());
        this.roundsProduced = new AtomicLongArray(park.gateways());
        double messagesPerSecondPerGateway = readingsPerSecond / park.meters();
        this.messageIntervalNanos = (long) (1e9 / messagesPerSecondPerGateway);
        try {
            for (int g = 0; g < park.gateways(); g++) {
                String id = LoadPark.gatewayId(g);
                UnconfirmedMessages<LoadTraffic.Message> kept = new UnconfirmedMessages<>(ackTimeout, UnconfirmedMessages.MAX_TIMEOUT);
                unconfirmed.add(kept);
                // published = acknowledged as stored, each message once
                Consumer<Acknowledgement> onAck = ack -> kept.confirm(ack).forEach(m -> published.addAndGet(m.readings()));
                if (publishing == Publishing.MQTT311_END_TO_END) {
                    Mqtt311Gateway gateway = Mqtt311Gateway.connect(brokerUrl, park.parkId(), id, onAck);
                    gateways311.add(gateway);
                    senders.add((payload, failed) -> gateway.publishUntilPubacked(payload, failed, () -> abandoned));
                    continue;
                }
                GatewayPublisher gateway = GatewayPublisher.connect(GatewayPublisher.Settings.anonymous(brokerUrl, park.parkId(), id));
                gateways.add(gateway);
                if (publishing.endToEnd()) {
                    gateway.subscribeAcks(onAck);
                }
                senders.add((payload, failed) -> gateway.publishUntilDelivered(payload, (e, failures) -> {
                    failed.run();
                    if (failures == 1 || failures % 10 == 0) {
                        LOG.info("{}: attempt {} failed, keeping the message: {}", id, failures, e.toString());
                    }
                }, () -> abandoned));
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

    /**
     * Produces a message per interval until stopped; with end-to-end acks also sends again, first, every message whose
     * ack is overdue, and after the stop goes on until every message is acknowledged.
     */
    private void publishLoop(int gateway) {
        Sender sender = senders.get(gateway);
        Runnable failed = failedAttempts::incrementAndGet;
        UnconfirmedMessages<LoadTraffic.Message> kept = unconfirmed.get(gateway);
        long due = System.nanoTime();
        long round = 0;
        while (!abandoned) {
            if (publishing.endToEnd()) {
                List<LoadTraffic.Message> overdue = kept.due(System.currentTimeMillis());
                if (!overdue.isEmpty()) {
                    LOG.info("{}: {} message(s) not acknowledged end to end in time, sending again", LoadPark.gatewayId(gateway),
                            overdue.size());
                }
                for (LoadTraffic.Message m : overdue) {
                    if (!sender.send(m.payload(), failed)) {
                        return;
                    }
                    resends.incrementAndGet();
                }
            }
            if (!producing) {
                if (!publishing.endToEnd() || kept.size() == 0) {
                    return;
                }
                LockSupport.parkNanos(100_000_000L);
                continue;
            }
            LoadTraffic.Message message = traffic.message(gateway, round, 0);
            roundsProduced.set(gateway, round + 1);
            round++;
            if (publishing.endToEnd()) {
                kept.sending(message.seq(), message, System.currentTimeMillis()); // before the PUBACK: the ack may come first
            }
            if (!sender.send(message.payload(), failed)) {
                return;
            }
            if (!publishing.endToEnd()) {
                published.addAndGet(message.readings());
            }
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

    /** Readings the broker acknowledged for a subscriber, or with end-to-end acks ingest acknowledged as stored. */
    long published() {
        return published.get();
    }

    /** Messages sent again for want of an end-to-end ack. */
    long resends() {
        return resends.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    int meters() {
        return park.meters();
    }

    /**
     * Stops producing and waits, at most {@code limit} in all, until every produced reading is published (with
     * end-to-end acks: acknowledged as stored).
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
        gateways311.forEach(Mqtt311Gateway::close);
    }
}
