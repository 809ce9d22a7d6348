package io.parkpulse.gateway;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkpulse.gateway.buffer.StoreAndForwardBuffer;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.nbiot.NbIotPorts;
import io.parkpulse.gateway.southbound.DeviceReader;
import io.parkpulse.gateway.southbound.DeviceReaders;
import io.parkpulse.gateway.southbound.Poller;
import io.parkpulse.gateway.status.DeviceHealth;
import io.parkpulse.gateway.status.GatewayMetrics;
import io.parkpulse.gateway.status.SharedSecret;
import io.parkpulse.gateway.status.StatusRoutes;
import io.parkpulse.gateway.uplink.BatchWriter;
import io.parkpulse.gateway.uplink.MqttUplink;
import io.parkpulse.gateway.uplink.Sender;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: meters in (polled and pushed), the on-disk buffer, the broker out, and the status
 * page. Everything read goes into the buffer first; the sender drains it to the broker in order.
 *
 * <pre>
 *  Poller ──┐                          ┌── MqttUplink (QoS 1, online/offline, rejected)
 *           ├─▶ BatchWriter ─▶ buffer ─▶ Sender
 *  NB-IoT ──┘   (seq, ≤ N readings)
 * </pre>
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics;
    private final StoreAndForwardBuffer buffer;
    private final MqttUplink uplink;
    private final Sender sender;
    private final Poller poller;
    private final BatchWriter batches;
    private final Vertx vertx;
    private final NbIotPorts nbiot;
    private HttpServer http;
    private AutoCloseable onClose = () -> { };

    private Gateway(GatewayConfig config, Function<DeviceConfig, DeviceReader> readers) throws Exception {
        this.config = config;
        this.metrics = new GatewayMetrics(registry, config.devices());
        new JvmMemoryMetrics().bindTo(registry);
        try {
            this.buffer = StoreAndForwardBuffer.open(config.buffer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the buffer in " + config.buffer().directory() + ": " + e.getMessage(), e);
        }
        this.batches = new BatchWriter(buffer, config.polling().readingsPerMessage(), metrics);
        Sender[] senderOfAcks = new Sender[1];
        this.uplink = new MqttUplink(config.park(), config.gatewayId(), config.broker(), metrics::rejected,
                config.acks().endToEnd() ? payload -> senderOfAcks[0].onAck(payload) : null);
        this.sender = new Sender(buffer, uplink, metrics, config.acks());
        senderOfAcks[0] = sender;
        this.poller = new Poller(config.devices(), readers, batches::write, buffer::sheddingLevel, metrics);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2).setInternalBlockingPoolSize(1));
        this.nbiot = new NbIotPorts(config, batches::write, metrics);
        registerGauges();
    }

    /** Starts a gateway reading meters with the real protocol readers. */
    public static Gateway start(GatewayConfig config) throws Exception {
        DeviceReaders readers = new DeviceReaders(config.polling());
        Gateway gateway = start(config, readers);
        gateway.onClose = readers;
        return gateway;
    }

    public static Gateway start(GatewayConfig config, Function<DeviceConfig, DeviceReader> readers) throws Exception {
        Gateway gateway = new Gateway(config, readers);
        try {
            gateway.startParts();
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    private void startParts() throws Exception {
        uplink.start();
        sender.start();
        Router router = Router.router(vertx);
        StatusRoutes.mount(router, this::status, registry, () -> !buffer.isClosed(), SharedSecret.ofNullable(config.http().statusToken()));
        nbiot.mount(router);
        http = vertx.createHttpServer().requestHandler(router).listen(config.http().port(), config.http().host())
                .await(30, TimeUnit.SECONDS);
        nbiot.startCoap();
        poller.start();
        LOG.info("gateway {}/{} up: {} devices, status on http://{}:{}/status, buffer {} ({} messages waiting)",
                config.park(), config.gatewayId(), config.devices().size(), config.http().host(), http.actualPort(),
                config.buffer().directory(), buffer.depthMessages());
    }

    private void registerGauges() {
        metrics.gauge("parkpulse.gateway.buffer.messages", "messages waiting in the buffer", buffer::depthMessages);
        metrics.gauge("parkpulse.gateway.buffer.readings", "readings waiting in the buffer", buffer::depthReadings);
        metrics.gauge("parkpulse.gateway.buffer.bytes", "bytes the buffer uses on disk", buffer::bytesUsed);
        metrics.gauge("parkpulse.gateway.buffer.fill", "share of the buffer in use, 0 to 1", buffer::fill);
        metrics.gauge("parkpulse.gateway.messages.unconfirmed", "messages sent and not yet confirmed end to end", sender::unconfirmed);
        metrics.gauge("parkpulse.gateway.oldest.unconfirmed.age.seconds", "seconds since the first send of the oldest unconfirmed message",
                sender::oldestUnconfirmedAgeSeconds);
        metrics.gauge("parkpulse.gateway.broker.connected", "1 while connected to the broker", () -> uplink.isConnected() ? 1 : 0);
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** The UDP port of the CoAP endpoint; 0 when off. */
    public int coapPort() {
        return nbiot.coapPort();
    }

    public Poller poller() {
        return poller;
    }

    public StoreAndForwardBuffer buffer() {
        return buffer;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public boolean isConnected() {
        return uplink.isConnected();
    }

    /** What {@code GET /status} answers. */
    public JsonObject status() {
        JsonArray devices = new JsonArray();
        for (DeviceHealth.Snapshot d : metrics.devices()) {
            devices.add(new JsonObject().put("meter", d.meter()).put("protocol", d.protocol()).put("bus", d.bus())
                    .put("last_read_ms", d.lastReadMs() == 0 ? null : d.lastReadMs())
                    .put("last_success_ms", d.lastSuccessMs() == 0 ? null : d.lastSuccessMs())
                    .put("last_values", d.lastValues()).put("reads", d.reads()).put("failures", d.failures())
                    .put("consecutive_failures", d.consecutiveFailures()).put("last_error", d.lastError())
                    .put("last_problems", new JsonArray(d.lastProblems())));
        }
        return new JsonObject()
                .put("park", config.park()).put("gateway", config.gatewayId())
                .put("broker", new JsonObject().put("url", config.broker().url()).put("connected", uplink.isConnected())
                        .put("platform_subscribed", sender.platformListening()))
                .put("acks", new JsonObject().put("end_to_end", config.acks().endToEnd())
                        .put("unconfirmed_messages", sender.unconfirmed())
                        .put("oldest_unconfirmed_age_s", sender.oldestUnconfirmedAgeSeconds())
                        .put("acks_received", counter("parkpulse.gateway.acks.received"))
                        .put("resends", counter("parkpulse.gateway.messages.resent")))
                .put("buffer", new JsonObject().put("directory", config.buffer().directory().toString())
                        .put("messages", buffer.depthMessages()).put("readings", buffer.depthReadings())
                        .put("bytes", buffer.bytesUsed()).put("max_bytes", buffer.maxBytes()).put("fill", buffer.fill())
                        .put("when_full", config.buffer().whenFull().name().toLowerCase())
                        .put("reading_points_from", buffer.sheddingLevel().name().toLowerCase())
                        .put("dropped_messages", buffer.droppedMessages()).put("dropped_readings", buffer.droppedReadings())
                        .put("corrupt_records_skipped", buffer.corruptRecordsSkipped()))
                .put("nbiot", nbiot.status())
                .put("devices", devices);
    }

    private long counter(String name) {
        return (long) registry.get(name).counter().count();
    }

    /** Stops cleanly: no more reads, {@code offline} published, buffer closed with what is still unsent in it. */
    @Override
    public void close() {
        poller.close();
        closeReaders();
        nbiot.close();
        sender.close();
        uplink.close();
        buffer.close();
        closeVertx();
        LOG.info("gateway {}/{} stopped", config.park(), config.gatewayId());
    }

    /**
     * Stops as a power cut would, for tests: no {@code offline} (the broker's will says it), the buffer's
     * files left as they are. What was acknowledged and what was not is exactly what is on disk.
     */
    public void crash() {
        poller.close();
        closeReaders();
        nbiot.close();
        sender.close();
        uplink.crash();
        buffer.abandon();
        closeVertx();
    }

    private void closeReaders() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.debug("closing the meter connections: {}", e.toString());
        }
    }

    private void closeVertx() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Vert.x did not stop within 10 s");
        }
    }
}
