package io.parkpulse.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.http.OpsEndpoints;
import io.parkpulse.ingest.live.LivePublishing;
import io.parkpulse.ingest.live.PahoRollupSender;
import io.parkpulse.ingest.mqtt.ContextHandoff;
import io.parkpulse.ingest.mqtt.MqttSource;
import io.parkpulse.ingest.mqtt.ReportPublisher;
import io.parkpulse.ingest.pipeline.Acknowledger;
import io.parkpulse.ingest.pipeline.BatchWriter;
import io.parkpulse.ingest.pipeline.Batching;
import io.parkpulse.ingest.pipeline.IngestPipeline;
import io.parkpulse.ingest.pipeline.MessagePreparer;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.parkpulse.ingest.pipeline.Warmup;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.park.ParkRegistryHolder;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest instance: takes telemetry and gateway status from the broker's shared subscription,
 * stores it in InfluxDB, acknowledges it once stored, and serves {@code /metrics} and {@code /health}.
 *
 * <p>Threads: Paho's callback thread decodes and validates each message ({@link MessagePreparer}) and hands it to
 * this verticle's event loop in groups ({@link ContextHandoff}); everything else runs on the event loop.
 */
public final class IngestVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);
    /** How long a stop waits for what is in hand to be written, acknowledged and reported (longer than a report's settling). */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /** The most a warm-up may delay start-up, on a slow or busy machine. */
    static final Duration WARMUP_BUDGET = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final PrometheusMeterRegistry registry;
    private IngestMetrics metrics;
    private ParkRegistryHolder parks;
    private InfluxClient influx;
    private BatchWriter writer;
    private MqttSource mqtt;
    private ReportPublisher reports;
    private IngestPipeline pipeline;
    /** Live rollups for the dashboard, or {@code null} when switched off. */
    private LivePublishing live;
    private HttpServer http;
    private long reloadTimer = -1;

    public IngestVerticle(IngestConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        metrics = new IngestMetrics(registry);
        parks = new ParkRegistryHolder(new ParkDirectory(config.parksDirectory()), metrics::reloadFailed);
        return vertx.executeBlocking(parks::load).compose(loaded -> warmUp()).compose(warm -> {
            try {
                wire();
            } catch (MqttException e) {
                return Future.failedFuture(e);
            }
            return vertx.createHttpServer()
                    .requestHandler(OpsEndpoints.router(vertx, registry, this::health))
                    .listen(config.httpPort(), config.httpHost());
        }).onSuccess(server -> {
            http = server;
            influx.createDatabase().onFailure(e -> LOG.warn("cannot create database {} yet: {}", config.influx().database(), e.getMessage()));
            reports.start();
            mqtt.start();
            if (config.liveRollups()) {
                try {
                    live = LivePublishing.start(vertx, new PahoRollupSender.Settings(config.pahoServerUri(), config.mqttClientId() + "-live",
                            config.mqttUsername(), config.mqttPassword()), config.liveRollupInterval(), registry);
                } catch (MqttException e) {
                    LOG.error("live rollups are off: cannot create their MQTT client: {}", e.toString());
                }
            }
            reloadTimer = vertx.setPeriodic(config.parksReloadInterval().toMillis(), id -> reloadParks());
            LOG.info("ingest ready: metrics and health on http://{}:{}/", config.httpHost(), server.actualPort());
        });
    }

    /** The JIT's work done before subscribing, not while a backlog waits (docs/ingest.md, "Start-up"). */
    private Future<Void> warmUp() {
        if (config.warmupMessages() == 0) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> Warmup.run(config.limits(), config.warmupMessages(), WARMUP_BUDGET))
                .onSuccess(r -> LOG.info("warmed up on {} synthetic messages ({} points) in {} ms, {} ms of it compiling",
                        r.messages(), r.points(), r.took().toMillis(), r.compiling().toMillis()))
                .mapEmpty();
    }

    private void wire() throws MqttException {
        Context context = this.context;
        ContextHandoff toEventLoop = new ContextHandoff(context);
        influx = new InfluxClient(vertx, config.influx());
        writer = new BatchWriter(vertx, influx, config.writeConcurrency(), metrics);
        MessagePreparer preparer = new MessagePreparer(new TelemetryDecoder(config.limits(), Clock.systemUTC()), parks);
        reports = new ReportPublisher(new ReportPublisher.Settings(config.pahoServerUri(), config.mqttClientId() + "-reports",
                config.mqttUsername(), config.mqttPassword()));
        mqtt = new MqttSource(new MqttSource.Settings(config.pahoServerUri(), config.mqttClientId(), config.mqttUsername(),
                config.mqttPassword(), config.sessionExpiry().toSeconds(), config.receiveMaximum(), config.receiveMaximumBytes(),
                List.of(Topics.shared(config.shareGroup(), Channel.TELEMETRY), Topics.shared(config.shareGroup(), Channel.STATUS))),
                message -> {
                    PreparedMessage prepared = preparer.prepare(message);
                    toEventLoop.offer(() -> {
                        pipeline.accept(prepared);
                        if (live != null) {
                            live.accept(prepared); // as it is taken, not once stored: live values must not wait for InfluxDB
                        }
                    });
                },
                // through the same hand-off: handled after every message the lost connection delivered
                lost -> toEventLoop.offer(() -> pipeline.connectionLost(lost)));
        Consumer<PreparedMessage> acks = endToEndAcks(context);
        pipeline = new IngestPipeline(vertx, writer, new Batching(config.batchMaxPoints(), config.batchMaxMessages(), config.batchMaxDelay()),
                new Acknowledger() {
                    @Override
                    public void acknowledge(PreparedMessage message) {
                        mqtt.acknowledge(message.source());
                        acks.accept(message); // stored or rejected: the same moment, never before the write
                    }

                    @Override
                    public void forget(PreparedMessage message) {
                        mqtt.forget(message.source());
                    }
                }, new RejectionReporter(vertx, reports, metrics), metrics);
        // counted by the pipeline, not by the permits that enforce the bound, so the figure can prove the bound holds
        metrics.gauge("parkpulse.ingest.unacknowledged.messages", "Messages received and not yet acknowledged", pipeline::unacknowledged);
        metrics.gauge("parkpulse.ingest.pending.points", "Points received and not yet stored", pipeline::pendingPoints);
        metrics.gauge("parkpulse.ingest.broker.connected", "1 while connected to the broker", () -> mqtt.isConnected() ? 1 : 0);
        metrics.gauge("parkpulse.ingest.reports.connected", "1 while the rejection reports' connection is up", () -> reports.isConnected() ? 1 : 0);
        metrics.gauge("parkpulse.ingest.broker.subscribed", "1 while connected with every subscription granted", () -> mqtt.isSubscribed() ? 1 : 0);
        metrics.gauge("parkpulse.ingest.parks", "Parks in the registry", () -> parks.get().parks().size());
        metrics.gauge("parkpulse.ingest.meters", "Meters in the registry", () -> parks.get().meterCount());
    }

    /** Where a settled message goes to be acknowledged to its gateway: {@link EndToEndAcks}, or nowhere when switched off. */
    private Consumer<PreparedMessage> endToEndAcks(Context context) {
        if (!config.endToEndAcks()) {
            LOG.warn("end-to-end acks are off (PARKPULSE_END_TO_END_ACKS=off): a gateway or simulator waiting for them never has "
                    + "a message confirmed and resends it forever; only gateways that trust the broker's PUBACK work as meant");
            return message -> { };
        }
        return new EndToEndAcks(context, reports, metrics, Clock.systemUTC())::settled;
    }

    private void reloadParks() {
        vertx.executeBlocking(() -> {
            parks.reload();
            return null;
        }, true).onFailure(e -> LOG.error("park reload failed", e));
    }

    /** Completes with the health document; InfluxDB is pinged live. */
    Future<JsonObject> health() {
        boolean brokerUp = mqtt.isSubscribed();
        ParkRegistry registryNow = parks.get();
        List<ConfigFileError> reloadErrors = parks.lastErrors();
        return influx.ping().transform(ping -> {
            boolean influxUp = ping.succeeded() && !writer.inOutage();
            String stalled = pipeline.stalled();
            JsonObject checks = new JsonObject()
                    .put("broker", new JsonObject().put("status", up(brokerUp)).put("url", config.pahoServerUri())
                            .put("clientId", config.mqttClientId()).put("connected", mqtt.isConnected()).put("subscribed", brokerUp))
                    .put("influxdb", new JsonObject().put("status", up(influxUp)).put("url", config.influx().url().toString())
                            .put("database", config.influx().database())
                            .put("error", ping.succeeded() ? null : ping.cause().getMessage())
                            .put("writesFailing", writer.inOutage()))
                    .put("parks", new JsonObject().put("status", "UP").put("parks", registryNow.parks().size())
                            .put("meters", registryNow.meterCount())
                            .put("reloadErrors", new JsonArray(reloadErrors.stream().map(ConfigFileError::toString).toList())))
                    .put("pipeline", new JsonObject().put("status", up(stalled == null)).put("error", stalled));
            return Future.succeededFuture(new JsonObject()
                    .put("status", up(brokerUp && influxUp && stalled == null))
                    .put("checks", checks)
                    .put("unacknowledgedMessages", pipeline.unacknowledged())
                    .put("pendingPoints", pipeline.pendingPoints()));
        });
    }

    private static String up(boolean up) {
        return up ? "UP" : "DOWN";
    }

    /** The port /metrics and /health are served on (useful when configured as 0). */
    public int httpPort() {
        return http == null ? -1 : http.actualPort();
    }

    /** Stops taking messages only after what is in hand is written and acknowledged (up to a timeout). */
    @Override
    public Future<?> stop() {
        if (reloadTimer >= 0) {
            vertx.cancelTimer(reloadTimer);
        }
        if (mqtt != null) {
            mqtt.stopTaking();
        }
        Future<Void> drained = pipeline == null ? Future.succeededFuture() : pipeline.drain(DRAIN_TIMEOUT);
        return drained
                .eventually(() -> vertx.executeBlocking(() -> {
                    if (live != null) {
                        live.close();
                    }
                    if (mqtt != null) {
                        mqtt.close();
                    }
                    if (reports != null) {
                        reports.close();
                    }
                    return null;
                }))
                .eventually(() -> http == null ? Future.succeededFuture() : http.close())
                .eventually(() -> {
                    if (influx != null) {
                        influx.close();
                    }
                    return Future.succeededFuture();
                });
    }
}
