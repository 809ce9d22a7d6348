package io.parkpulse.simulators.run;

import io.parkpulse.mqtt.MqttClients;
import io.parkpulse.simulators.mqtt.GatewayAccounts;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.simulators.mqtt.UnconfirmedMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to a broker as the park's gateways: one MQTT connection per gateway
 * ({@link GatewayPublisher}: QoS 1, waits for each PUBACK, retained online/offline status), the
 * gateways' lanes sharing a small thread pool so that gateways publish in parallel while each keeps
 * its order. Counts the rejection reports the platform sends back.
 *
 * <p>{@link #send} is called by the simulation thread; everything else is internal.
 */
public final class MqttSink implements MessageSink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSink.class);
    private static final int LOGGED_REPORTS = 20;

    private final List<GatewayLane> lanes;
    private final ExecutorService pool;
    private final java.util.concurrent.ScheduledExecutorService resendTimer;

    private MqttSink(List<GatewayLane> lanes, ExecutorService pool, java.util.concurrent.ScheduledExecutorService resendTimer) {
        this.lanes = lanes;
        this.pool = pool;
        this.resendTimer = resendTimer;
    }

    /**
     * Whether a message counts as delivered at the broker's PUBACK ({@link #PUBACK}) or only at the platform's
     * end-to-end ack (issue 17, {@code --end-to-end-acks}), resent while unacknowledged after {@code firstTimeout}
     * doubling to {@code maxTimeout}.
     */
    public record Acks(boolean endToEnd, java.time.Duration firstTimeout, java.time.Duration maxTimeout) {
        public static final Acks PUBACK = new Acks(false, UnconfirmedMessages.FIRST_TIMEOUT, UnconfirmedMessages.MAX_TIMEOUT);
        public static final Acks END_TO_END = new Acks(true, UnconfirmedMessages.FIRST_TIMEOUT, UnconfirmedMessages.MAX_TIMEOUT);

        public static Acks of(boolean endToEnd) {
            return endToEnd ? END_TO_END : PUBACK;
        }
    }

    /**
     * Connects every gateway.
     *
     * @param gateways the model's gateway ids, in its order
     * @param threads  publishing threads shared by the gateways
     * @throws IllegalStateException naming the broker and gateway that could not connect
     */
    public static MqttSink connect(String brokerUrl, String username, String password, String park, List<String> gateways,
                                   int threads, RunStats stats) {
        GatewayAccounts.Account shared = new GatewayAccounts.Account(username, password);
        return connect(brokerUrl, gateway -> shared, park, gateways, threads, stats);
    }

    /**
     * Connects every gateway with its own account, {@code accountOf(gateway)}, so the broker's ACL confines each
     * simulated gateway to its own topics.
     *
     * @throws IllegalArgumentException when {@code accountOf} has none for a gateway
     */
    public static MqttSink connect(String brokerUrl, Function<String, GatewayAccounts.Account> accountOf, String park,
                                   List<String> gateways, int threads, RunStats stats) {
        return connect(brokerUrl, accountOf, park, gateways, threads, stats, Acks.PUBACK);
    }

    /** As above, choosing what counts as delivered ({@link Acks}). */
    public static MqttSink connect(String brokerUrl, Function<String, GatewayAccounts.Account> accountOf, String park,
                                   List<String> gateways, int threads, RunStats stats, Acks acks) {
        // every account first: a missing one is a configuration error, found before any connection is made
        List<GatewayAccounts.Account> accounts = gateways.stream().map(accountOf).toList();
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, gateways.size())), r -> {
            Thread t = new Thread(r, "publish-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicLong logged = new AtomicLong();
        List<GatewayLane> lanes = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            String gateway = gateways.get(i);
            GatewayAccounts.Account account = accounts.get(i);
            GatewayPublisher publisher;
            try {
                publisher = GatewayPublisher.connect(new GatewayPublisher.Settings(brokerUrl, park, gateway, account.username(),
                        account.password()));
            } catch (Exception e) {
                for (GatewayLane lane : lanes) {
                    closeQuietly(lane.publisher());
                }
                pool.shutdownNow();
                throw new IllegalStateException("cannot connect to " + brokerUrl + " as gateway " + gateway + " of park " + park
                        + (account.username() == null ? " (anonymously)" : " (user " + account.username() + ")") + ": "
                        + (e instanceof MqttException m ? MqttClients.describe(m) : e.getMessage()), e);
            }
            publisher.onReport(report -> {
                int count = report.rejections().size() + report.omitted();
                stats.rejected(count);
                if (logged.incrementAndGet() <= LOGGED_REPORTS) {
                    LOG.warn("the platform reported {} rejection(s) for message {} of {}, first: {}", count,
                            report.seq() == null ? "(unreadable seq)" : report.seq(), gateway,
                            report.rejections().isEmpty() ? "-" : report.rejections().get(0));
                }
            });
            if (!acks.endToEnd()) {
                lanes.add(new GatewayLane(publisher, pool, stats));
                continue;
            }
            GatewayLane lane = new GatewayLane(publisher, pool, stats, new UnconfirmedMessages<>(acks.firstTimeout(), acks.maxTimeout()));
            lanes.add(lane);
            try {
                publisher.subscribeAcks(lane::confirm);
            } catch (MqttException e) {
                for (GatewayLane l : lanes) {
                    closeQuietly(l.publisher());
                }
                pool.shutdownNow();
                throw new IllegalStateException("cannot subscribe to the end-to-end acks of gateway " + gateway + " of park " + park
                        + " on " + brokerUrl + ": " + MqttClients.describe(e), e);
            }
        }
        java.util.concurrent.ScheduledExecutorService timer = null;
        if (acks.endToEnd()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "resend-timer");
                t.setDaemon(true);
                return t;
            });
            long tick = Math.max(50, Math.min(1000, acks.firstTimeout().toMillis() / 4));
            timer.scheduleWithFixedDelay(() -> lanes.forEach(l -> l.resendDue(System.currentTimeMillis())), tick, tick,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return new MqttSink(lanes, pool, timer);
    }

    @Override
    public void send(OutgoingMessage message) throws InterruptedException {
        lanes.get(message.gateway()).put(message);
    }

    /**
     * Waits until every message is acknowledged (however long the broker is away: nothing handed
     * over is dropped), then says {@code offline} for each gateway and disconnects. An interrupt
     * abandons the wait.
     */
    @Override
    public void close() {
        try {
            for (GatewayLane lane : lanes) {
                lane.awaitDrained();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("stopped waiting for acknowledgements; {} message(s) not acknowledged end to end are lost",
                    lanes.stream().mapToInt(GatewayLane::unconfirmedCount).sum());
        } finally {
            for (GatewayLane lane : lanes) {
                closeQuietly(lane.publisher());
            }
            pool.shutdownNow();
            if (resendTimer != null) {
                resendTimer.shutdownNow();
            }
        }
    }

    private static void closeQuietly(GatewayPublisher publisher) {
        try {
            publisher.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", publisher.settings().gateway(), e.toString());
        }
    }
}
