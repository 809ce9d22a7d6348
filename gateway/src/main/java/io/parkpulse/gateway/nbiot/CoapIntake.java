package io.parkpulse.gateway.nbiot;

import io.parkpulse.protocols.nbiot.Uplink;
import java.net.InetSocketAddress;
import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Meters that talk CoAP to the gateway directly (NB-IoT over a private APN, no carrier platform): they POST their
 * PARKPULSE_WATER_V1 payload to {@code coap://gateway:port/nb/{imei}}. The IMEI is in the path, not the payload, so
 * the payload stays the same whichever way it travels. Answers 2.04 Changed for accepted or duplicate uplinks,
 * 4.00 with the reason for a bad payload, 4.04 for an IMEI no device has, 5.03 when the uplink refused the readings.
 *
 * <p>Californium's defaults are sized for servers (a protocol-stage thread per core, 150 000 peers); the gateway is
 * an edge box with a few thousand meters, so the threads, peer table and message sizes are cut down, and the
 * configuration is built in memory instead of reading or writing {@code Californium3.properties}.
 */
public final class CoapIntake {

    private final NbIotIntake intake;
    private final int requestedPort;
    private CoapServer server;
    private CoapEndpoint endpoint;

    /** @param port the UDP port; 0 picks a free one ({@link #port()} tells which) */
    public CoapIntake(NbIotIntake intake, int port) {
        this.intake = intake;
        this.requestedPort = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Configuration config = smallConfiguration();
        endpoint = new CoapEndpoint.Builder().setConfiguration(config).setInetSocketAddress(new InetSocketAddress(requestedPort)).build();
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new MeterResource());
        server.start();
    }

    /** The bound UDP port; only meaningful once started. */
    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException("the CoAP intake is not started");
        }
        return endpoint.getAddress().getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.destroy();
            server = null;
            endpoint = null;
        }
    }

    static Configuration smallConfiguration() {
        CoapConfig.register();
        UdpConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 20_000);
        // a payload is at most 397 bytes; nothing needs block-wise transfer
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 1024);
        config.set(CoapConfig.MAX_SERVER_OBSERVES, 0);
        return config;
    }

    /** {@code /nb} and every {@code /nb/{imei}} below it. */
    private final class MeterResource extends CoapResource {

        MeterResource() {
            super("nb");
            getAttributes().setTitle("NB-IoT meter uplinks: POST a PARKPULSE_WATER_V1 payload to /nb/{imei}");
        }

        @Override
        public Resource getChild(String name) {
            // any IMEI is a child; handlePOST reads it from the request path
            return this;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            List<String> path = exchange.getRequestOptions().getUriPath();
            if (path.size() != 2 || path.get(1).isBlank()) {
                intake.reject("CoAP: POST to /" + String.join("/", path) + " names no IMEI");
                exchange.respond(ResponseCode.BAD_REQUEST, "POST to /nb/{imei}");
                return;
            }
            Uplink uplink = Uplink.raw(null, path.get(1), System.currentTimeMillis(), exchange.getRequestPayload());
            NbIotIntake.Outcome outcome = intake.accept(uplink);
            if (outcome instanceof NbIotIntake.Forwarded || outcome instanceof NbIotIntake.Duplicate) {
                exchange.respond(ResponseCode.CHANGED);
            } else if (outcome instanceof NbIotIntake.Rejected r) {
                exchange.respond(ResponseCode.BAD_REQUEST, r.reason());
            } else if (outcome instanceof NbIotIntake.UnknownDevice u) {
                exchange.respond(ResponseCode.NOT_FOUND, u.reason());
            } else {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, ((NbIotIntake.Failed) outcome).reason());
            }
        }
    }
}
