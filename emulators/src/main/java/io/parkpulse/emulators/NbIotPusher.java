package io.parkpulse.emulators;

import io.parkpulse.contract.Reading;
import io.parkpulse.protocols.nbiot.WaterPayload;
import io.parkpulse.protocols.nbiot.WaterPayloadCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulates NB-IoT meters reaching the gateway: each uplink's frozen values (volume_m3 or gas_m3, oldest first on a
 * whole-minute grid) and battery/signal are packed into PARKPULSE_WATER_V1 and sent either as a carrier platform
 * would push them over HTTP (CTWing, OneNET signed with its token, Huawei OceanConnect) or as the meter itself would
 * POST them over CoAP to {@code /nb/{imei}}. Sending is asynchronous; outcomes are counted and the last status kept,
 * and nothing is ever thrown into the simulation thread that calls {@link #uplink}. Thread-safe.
 */
public final class NbIotPusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NbIotPusher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The carrier platform whose push format is used. */
    public enum Carrier { CTWING, ONENET, HUAWEI }

    /** Where uplinks go. */
    public sealed interface Target permits HttpTarget, CoapTarget {
    }

    /**
     * The gateway's HTTP server, e.g. {@code http://127.0.0.1:8080}; posts go to {@code /nbiot/ctwing|onenet|huawei}.
     *
     * @param onenetToken the OneNET push token; required for {@link Carrier#ONENET}
     */
    public record HttpTarget(URI baseUrl, Carrier carrier, String onenetToken) implements Target {
        public HttpTarget {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(carrier, "carrier");
            if (carrier == Carrier.ONENET && (onenetToken == null || onenetToken.isEmpty())) {
                throw new IllegalArgumentException("OneNET pushes are signed: give the token");
            }
        }
    }

    /** The gateway's CoAP endpoint, e.g. {@code coap://127.0.0.1:5683}; posts go to {@code /nb/{imei}}. */
    public record CoapTarget(URI baseUri) implements Target {
        public CoapTarget {
            Objects.requireNonNull(baseUri, "baseUri");
        }
    }

    /** How the platform (device id) and the network (IMEI) know a meter. */
    public record Identity(String deviceId, String imei) {
    }

    private final Target target;
    private final Map<String, Identity> meters;
    private final HttpClient http;
    private final CoapEndpoint coapEndpoint;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger lastStatus = new AtomicInteger();

    /** @param meters meter id (as in the park file) → its platform identity */
    public NbIotPusher(Target target, Map<String, Identity> meters) {
        this.target = Objects.requireNonNull(target, "target");
        this.meters = Map.copyOf(meters);
        if (target instanceof CoapTarget) {
            this.http = null;
            this.coapEndpoint = new CoapEndpoint.Builder().setConfiguration(smallCoapConfiguration())
                    .setInetSocketAddress(new InetSocketAddress(0)).build();
            try {
                coapEndpoint.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot open a UDP socket for CoAP: " + e.getMessage(), e);
            }
        } else {
            this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            this.coapEndpoint = null;
        }
    }

    /** Sends one uplink of {@code meter} in the background; failures are counted, never thrown. */
    public void uplink(String meter, List<Reading> readings) {
        send(meter, readings);
    }

    /**
     * Sends one uplink and tells how it went: the highest status of its pushes (HTTP status; CoAP code as
     * class × 100 + detail, so 2.04 → 204), or -1 when it could not be sent. The future never fails.
     */
    public CompletableFuture<Integer> send(String meter, List<Reading> readings) {
        try {
            Identity identity = meters.get(meter);
            if (identity == null) {
                return failed("meter " + meter + " has no NB-IoT identity");
            }
            List<WaterPayload> payloads = NbIotPayloads.of(readings);
            if (payloads.isEmpty()) {
                return CompletableFuture.completedFuture(0);
            }
            List<CompletableFuture<Integer>> pushes = new ArrayList<>(payloads.size());
            for (WaterPayload p : payloads) {
                pushes.add(push(identity, WaterPayloadCodec.encode(p)));
            }
            return CompletableFuture.allOf(pushes.toArray(CompletableFuture[]::new))
                    .thenApply(done -> pushes.stream().mapToInt(CompletableFuture::join).reduce(Integer.MIN_VALUE, NbIotPusher::worse));
        } catch (RuntimeException e) {
            return failed("uplink of meter " + meter + " not sent: " + e.getMessage());
        }
    }

    private static int worse(int a, int b) {
        return a == -1 || b == -1 ? -1 : Math.max(a, b);
    }

    private CompletableFuture<Integer> push(Identity identity, byte[] payload) {
        if (target instanceof CoapTarget coap) {
            return coapPost(coap, identity, payload);
        }
        HttpTarget t = (HttpTarget) target;
        long now = System.currentTimeMillis();
        byte[] body = switch (t.carrier()) {
            case CTWING -> NbIotPushBodies.ctwing(identity.deviceId(), identity.imei(), now, payload);
            case ONENET -> NbIotPushBodies.onenet(identity.deviceId(), identity.imei(), now, payload, t.onenetToken());
            case HUAWEI -> NbIotPushBodies.huawei(identity.deviceId(), now, payload);
        };
        URI uri = t.baseUrl().resolve("/nbiot/" + t.carrier().name().toLowerCase());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error != null ? record(-1, uri + ": " + error) : record(response.statusCode(), response.body()));
    }

    private CompletableFuture<Integer> coapPost(CoapTarget coap, Identity identity, byte[] payload) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        String uri = coap.baseUri().resolve("/nb/" + identity.imei()).toString();
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(coapEndpoint);
        client.setTimeout(TIMEOUT.toMillis());
        client.post(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                int code = response.getCode().codeClass * 100 + response.getCode().codeDetail;
                done.complete(record(code, response.getResponseText()));
            }

            @Override
            public void onError() {
                done.complete(record(-1, uri + ": no CoAP response"));
            }
        }, payload, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
        return done;
    }

    private int record(int status, String detail) {
        lastStatus.set(status);
        if (status >= 200 && status < 300) {
            sent.incrementAndGet();
        } else {
            failures.incrementAndGet();
            LOG.debug("NB-IoT push answered {}: {}", status, detail);
        }
        return status;
    }

    private CompletableFuture<Integer> failed(String reason) {
        failures.incrementAndGet();
        lastStatus.set(-1);
        LOG.debug(reason);
        return CompletableFuture.completedFuture(-1);
    }

    /** Pushes answered 2xx. */
    public long sent() {
        return sent.get();
    }

    /** Pushes refused, unanswered or never sent. */
    public long failures() {
        return failures.get();
    }

    /** The status of the most recent push (-1: none received). */
    public int lastStatus() {
        return lastStatus.get();
    }

    @Override
    public void close() {
        if (coapEndpoint != null) {
            coapEndpoint.destroy();
        }
    }

    /** Californium configured in memory, small: no Californium3.properties is read or written. */
    private static Configuration smallCoapConfiguration() {
        CoapConfig.register();
        UdpConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        return config;
    }
}
