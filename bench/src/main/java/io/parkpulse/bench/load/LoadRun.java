package io.parkpulse.bench.load;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadTraffic;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import io.parkpulse.simulators.mqtt.UnconfirmedMessages;
import io.parkpulse.simulators.run.MqttSink;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load run: G simulated gateways publish readings at a target rate for a duration, then the run
 * waits until ingest has written them and counts what InfluxDB holds.
 */
public final class LoadRun {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
    private static final Duration DRAIN_STALL = Duration.ofSeconds(20);
    private static final Duration DRAIN_MAX = Duration.ofMinutes(10);
    /**
     * Readings sent and not yet written by ingest, at most, when no target rate is set. An open-loop
     * producer faster than the platform fills the broker's queue for ingest until the broker drops
     * messages (Mosquitto's max_queued_messages / max_queued_bytes); "as fast as it goes" therefore
     * means as fast as the pipeline sustains, with this much in the broker's queue at most. (Mosquitto
     * 2.0.11 held about twice the real backlog for a busy subscriber and dropped at its 400 000-message
     * limit with 200 000 readings of one reading each outstanding; see docs/benchmarks.md.)
     */
    private static final long BACKLOG_LIMIT = 100_000;
    /** The name under which a run reports its own process's CPU time. */
    public static final String LOAD_GENERATOR = "load generator";

    /**
     * @param targetRate     readings per second across all gateways; 0 publishes as fast as ingest writes (closed loop,
     *                       needs {@code ingests}) or, without them, as fast as the broker acknowledges
     * @param threads        publishing threads (each drives a share of the gateways)
     * @param ingests        the ingest instances to follow (progress, memory, CPU, share of the stream), or none: then
     *                       progress is followed in InfluxDB
     * @param otherProcesses further processes whose CPU time the run reports (InfluxDB, the broker), by name
     * @param acks           what counts as published: the broker's PUBACK, or (end to end, issue 17) ingest's ack that
     *                       the readings are stored, unacknowledged messages being sent again
     * @param uniqueSeqs     every message of a gateway has its own seq, as a real gateway numbers them (always so with
     *                       end-to-end acks, which name them); else a message's seq is its chunk, as before issue 17
     */
    public record Settings(String label, String brokerUrl, String username, String password, LoadPark park, int readingsPerMessage,
                           int qos, double targetRate, Duration duration, int threads, URI influxUrl, String influxDb,
                           List<IngestTarget> ingests, Map<String, Long> otherProcesses, Duration probeEvery, MqttSink.Acks acks,
                           boolean uniqueSeqs) {

        public Settings {
            uniqueSeqs = uniqueSeqs || acks.endToEnd();
            ingests = List.copyOf(ingests);
            otherProcesses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherProcesses));
            if (acks.endToEnd() && qos != 1) {
                throw new IllegalArgumentException("end-to-end acks need QoS 1");
            }
        }

        /** Counting a broker PUBACK as published, as before issue 17. */
        public Settings(String label, String brokerUrl, String username, String password, LoadPark park, int readingsPerMessage,
                        int qos, double targetRate, Duration duration, int threads, URI influxUrl, String influxDb,
                        List<IngestTarget> ingests, Map<String, Long> otherProcesses, Duration probeEvery) {
            this(label, brokerUrl, username, password, park, readingsPerMessage, qos, targetRate, duration, threads, influxUrl, influxDb,
                    ingests, otherProcesses, probeEvery, MqttSink.Acks.PUBACK, false);
        }

        public Settings withAcks(MqttSink.Acks acks) {
            return new Settings(label, brokerUrl, username, password, park, readingsPerMessage, qos, targetRate, duration, threads,
                    influxUrl, influxDb, ingests, otherProcesses, probeEvery, acks, uniqueSeqs);
        }

        /** The same run with every message numbered as a gateway numbers it, whatever counts as published. */
        public Settings withUniqueSeqs() {
            return new Settings(label, brokerUrl, username, password, park, readingsPerMessage, qos, targetRate, duration, threads,
                    influxUrl, influxDb, ingests, otherProcesses, probeEvery, acks, true);
        }

        /**
         * One ingest instance, or none.
         *
         * @param ingestMetrics the ingest's /metrics URL, or null: then progress is followed in InfluxDB
         * @param ingestPid     the ingest's process id for resident memory and CPU time, or null
         */
        public Settings(String label, String brokerUrl, String username, String password, LoadPark park, int readingsPerMessage,
                        int qos, double targetRate, Duration duration, int threads, URI influxUrl, String influxDb,
                        URI ingestMetrics, Long ingestPid, Duration probeEvery) {
            this(label, brokerUrl, username, password, park, readingsPerMessage, qos, targetRate, duration, threads, influxUrl, influxDb,
                    ingestMetrics == null ? List.of() : List.of(new IngestTarget("ingest", ingestMetrics, ingestPid)), Map.of(), probeEvery);
        }
    }

    private final Settings settings;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong nextProbeNanos = new AtomicLong();
    private final AtomicLong lastRound = new AtomicLong();
    /** Per gateway, with end-to-end acks: the messages not yet acknowledged as stored; empty otherwise. */
    private final List<UnconfirmedMessages<LoadTraffic.Message>> unconfirmed = new ArrayList<>();

    public LoadRun(Settings settings) {
        this.settings = settings;
    }

    public LoadReport run() throws Exception {
        LoadPark park = settings.park();
        Vertx vertx = Vertx.vertx();
        InfluxClient influx = new InfluxClient(vertx, InfluxConfig.of(settings.influxUrl().toString(), settings.influxDb())
                .withCredentials(System.getenv("PARKPULSE_INFLUX_USERNAME"), System.getenv("PARKPULSE_INFLUX_PASSWORD")));
        List<GatewayPublisher> gateways = connect(park);
        IngestFleet fleet = new IngestFleet(settings.ingests());
        Thread.sleep(1_000); // let the gateways' status messages settle before counting ingest's writes
        fleet.sample();
        double[] pointsBefore = fleet.pointsByInstance();
        double writesBefore = fleet.isEmpty() ? -1 : fleet.pointsStored();
        // device times from half an hour ago: in the past, so runs never collide with live data, yet not so old that
        // ingest marks them late (StorageSchema.LATE_AFTER_MS) and the run measures writes a live park would not make
        LoadTraffic traffic = new LoadTraffic(park, settings.readingsPerMessage(), System.currentTimeMillis() - 30 * 60_000,
                settings.uniqueSeqs());
        LatencyProbes probes = new LatencyProbes(influx, "electricity");

        LOG.info("{}: publishing for {} s", settings.label(), settings.duration().toSeconds());
        CpuWindow cpu = new CpuWindow(watchedProcesses());
        long start = System.nanoTime();
        java.util.concurrent.ScheduledExecutorService resends = startResending(gateways);
        publishFor(gateways, traffic, probes, start, fleet, writesBefore);
        for (GatewayPublisher g : gateways) {
            g.awaitAcknowledged(Duration.ofMinutes(2));
        }
        awaitAcknowledgedEndToEnd();
        if (resends != null) {
            resends.shutdownNow();
        }
        long publishEnd = System.nanoTime();
        long drained = awaitDrained(influx, fleet, writesBefore, traffic, cpu);
        probes.close();
        long stored = count(influx, traffic);
        long writes = fleet.isEmpty() || writesBefore < 0 ? -1 : (long) (fleet.pointsStored() - writesBefore);
        Map<String, Double> cpuUsed = cpu.used();
        Map<String, Double> otherCpu = new LinkedHashMap<>(cpuUsed);
        settings.ingests().forEach(t -> otherCpu.remove(t.name()));
        LoadReport report = new LoadReport(settings.label(), park.gateways(), park.meters(), settings.readingsPerMessage(), settings.qos(),
                settings.targetRate(), (publishEnd - start) / 1e9, published.get(), failed.get(), (drained - start) / 1e9, stored, writes,
                rejected.get(), probes.latenciesMs(), probes.notFound(), fleet.figures(pointsBefore, cpuUsed), otherCpu);
        fleet.close();
        for (GatewayPublisher g : gateways) {
            g.close();
        }
        influx.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        return report;
    }

    /** Every ingest instance with a known pid, the other processes named in the settings, and this load generator. */
    private Map<String, Long> watchedProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        settings.ingests().stream().filter(t -> t.pid() != null).forEach(t -> pids.put(t.name(), t.pid()));
        pids.putAll(settings.otherProcesses());
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    /** With end-to-end acks, sends again every message whose timeout passed; null without. */
    private java.util.concurrent.ScheduledExecutorService startResending(List<GatewayPublisher> gateways) {
        if (!settings.acks().endToEnd()) {
            return null;
        }
        java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long tick = Math.max(50, Math.min(1000, settings.acks().firstTimeout().toMillis() / 4));
        timer.scheduleWithFixedDelay(() -> {
            for (int g = 0; g < gateways.size(); g++) {
                for (LoadTraffic.Message m : unconfirmed.get(g).due(System.currentTimeMillis())) {
                    try {
                        gateways.get(g).publishAsync(m.payload(), settings.qos(), () -> { }, e -> { });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        return timer;
    }

    /**
     * With end-to-end acks, waits (up to {@link #DRAIN_MAX}, or a stall of {@link #DRAIN_STALL} beyond the longest
     * resend timeout) until ingest acknowledged every message; what is left counts as failed.
     */
    private void awaitAcknowledgedEndToEnd() throws InterruptedException {
        if (!settings.acks().endToEnd()) {
            return;
        }
        long deadline = System.nanoTime() + DRAIN_MAX.toNanos();
        long stall = DRAIN_STALL.plus(settings.acks().maxTimeout()).toNanos();
        long lastProgress = System.nanoTime();
        long lastPublished = published.get();
        while (unconfirmed.stream().mapToInt(UnconfirmedMessages::size).sum() > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < stall) {
            Thread.sleep(100);
            if (published.get() != lastPublished) {
                lastPublished = published.get();
                lastProgress = System.nanoTime();
            }
        }
        long left = 0;
        for (UnconfirmedMessages<LoadTraffic.Message> u : unconfirmed) {
            left += u.due(Long.MAX_VALUE).stream().mapToLong(LoadTraffic.Message::readings).sum();
        }
        if (left > 0) {
            LOG.warn("{}: {} readings never acknowledged end to end", settings.label(), left);
            failed.addAndGet(left);
        }
    }

    private List<GatewayPublisher> connect(LoadPark park) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<GatewayPublisher>> connecting = new ArrayList<>();
        for (int g = 0; g < park.gateways(); g++) {
            String id = LoadPark.gatewayId(g);
            connecting.add(pool.submit(() -> GatewayPublisher.connect(new GatewayPublisher.Settings(settings.brokerUrl(), park.parkId(), id,
                    settings.username(), settings.password()))));
        }
        List<GatewayPublisher> gateways = new ArrayList<>();
        for (Future<GatewayPublisher> f : connecting) {
            GatewayPublisher gateway = f.get(2, TimeUnit.MINUTES);
            gateway.onReport(r -> rejected.addAndGet(r.rejections().size() + r.omitted()));
            gateways.add(gateway);
            if (settings.acks().endToEnd()) {
                UnconfirmedMessages<LoadTraffic.Message> kept = new UnconfirmedMessages<>(settings.acks().firstTimeout(),
                        settings.acks().maxTimeout());
                unconfirmed.add(kept);
                // published = stored: counted when ingest's ack names the message, each once
                gateway.subscribeAcks(ack -> kept.confirm(ack).forEach(m -> published.addAndGet(m.readings())));
            }
        }
        pool.shutdown();
        return gateways;
    }

    /** Each thread drives every threads-th gateway, round by round, paced to its share of the target rate. */
    private void publishFor(List<GatewayPublisher> gateways, LoadTraffic traffic, LatencyProbes probes, long start,
                            IngestFleet fleet, double writesBefore) throws Exception {
        boolean closedLoop = settings.targetRate() == 0 && !fleet.isEmpty();
        int threads = Math.min(settings.threads(), gateways.size());
        long end = start + settings.duration().toNanos();
        double perThread = settings.targetRate() / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            running.add(pool.submit(() -> {
                long due = System.nanoTime();
                for (long round = 0; System.nanoTime() < end; round++) {
                    lastRound.accumulateAndGet(round, Math::max);
                    for (int g = first; g < gateways.size() && System.nanoTime() < end; g += threads) {
                        for (int chunk = 0; chunk < traffic.messagesPerRound() && System.nanoTime() < end; chunk++) {
                            LoadTraffic.Message message = traffic.message(g, round, chunk);
                            while (closedLoop && sent.get() - (fleet.pointsStored() - writesBefore) > BACKLOG_LIMIT
                                    && System.nanoTime() < end) {
                                LockSupport.parkNanos(1_000_000);
                            }
                            if (perThread > 0) {
                                due += (long) (message.readings() / perThread * 1e9);
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    LockSupport.parkNanos(wait);
                                } else if (wait < -1_000_000_000L) {
                                    due = System.nanoTime(); // more than 1 s behind: do not burst to catch up
                                }
                            }
                            publish(g, gateways.get(g), message, probes);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private void publish(int g, GatewayPublisher gateway, LoadTraffic.Message message, LatencyProbes probes) throws InterruptedException {
        long now = System.nanoTime();
        long probeAt = nextProbeNanos.get();
        if (now >= probeAt && nextProbeNanos.compareAndSet(probeAt, now + settings.probeEvery().toNanos())) {
            probes.probe(message.firstMeter(), message.timeMs(), now);
        }
        sent.addAndGet(message.readings());
        if (settings.acks().endToEnd()) {
            // kept until ingest's ack; a failed or unanswered publish is sent again by the resend timer
            unconfirmed.get(g).sending(message.seq(), message, System.currentTimeMillis());
            gateway.publishAsync(message.payload(), settings.qos(), () -> { }, e -> { });
            return;
        }
        gateway.publishAsync(message.payload(), settings.qos(), () -> published.addAndGet(message.readings()),
                e -> failed.addAndGet(message.readings()));
    }

    /**
     * Waits until ingest has written everything published, or stopped making progress; returns when, and stops the CPU
     * window at that moment (before the final count in InfluxDB, which is not the pipeline's work).
     */
    private long awaitDrained(InfluxClient influx, IngestFleet fleet, double writesBefore, LoadTraffic traffic, CpuWindow cpu)
            throws InterruptedException {
        long target = published.get();
        long deadline = System.nanoTime() + DRAIN_MAX.toNanos();
        double last = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double done;
            if (!fleet.isEmpty()) {
                fleet.sample();
                done = fleet.pointsStored() - writesBefore;
            } else {
                done = count(influx, traffic);
            }
            if (done >= target) {
                long drainedAt = System.nanoTime();
                cpu.stop();
                if (!fleet.isEmpty()) {
                    awaitCounted(influx, traffic, target); // ingest's counter can run ahead of what InfluxDB shows
                }
                return drainedAt;
            }
            if (done > last) {
                last = done;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > DRAIN_STALL.toNanos()) {
                cpu.stop();
                LOG.warn("ingest stopped making progress at {} of {} readings", (long) done, target);
                return lastProgress;
            }
            Thread.sleep(!fleet.isEmpty() ? 100 : 1_000);
        }
        cpu.stop();
        return System.nanoTime();
    }

    /**
     * Waits, briefly, until InfluxDB shows {@code target} readings of the run: a redelivered message counts twice in
     * ingest's counter but once in InfluxDB, so the counter may say done while a last write is still on its way.
     */
    private void awaitCounted(InfluxClient influx, LoadTraffic traffic, long target) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (count(influx, traffic) < target && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Distinct readings of this run in InfluxDB. */
    private long count(InfluxClient influx, LoadTraffic traffic) {
        String q = "SELECT count(power_kw) FROM electricity WHERE park = '" + settings.park().parkId() + "' AND time >= "
                + traffic.baseMs() + "ms AND time <= " + (traffic.baseMs() + lastRound.get()) + "ms";
        try {
            JsonObject result = influx.query(q).await(120, TimeUnit.SECONDS);
            JsonArray series = result.getJsonArray("results").getJsonObject(0).getJsonArray("series");
            return series == null ? 0 : series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
        } catch (Exception e) {
            LOG.warn("counting failed: {}", e.toString());
            return -1;
        }
    }
}
