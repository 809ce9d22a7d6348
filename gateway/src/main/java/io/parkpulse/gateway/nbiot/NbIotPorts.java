package io.parkpulse.gateway.nbiot;

import io.parkpulse.contract.Reading;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.status.GatewayMetrics;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where NB-IoT meters come in: the carrier push routes on the gateway's HTTP server and, when a port is
 * configured, the CoAP endpoint; both feed one {@link NbIotIntake}.
 */
public final class NbIotPorts implements AutoCloseable {

    private final NbIotIntake intake;
    private final CarrierPushRoutes pushes;
    private final CoapIntake coap;

    public NbIotPorts(GatewayConfig config, Consumer<List<Reading>> readings, GatewayMetrics metrics) {
        this.intake = new NbIotIntake(config.devices(), uplinked -> {
            readings.accept(uplinked);
            // an NB-IoT meter's "read" is its uplink: the status page shows when it last reported
            long now = System.currentTimeMillis();
            uplinked.stream().collect(java.util.stream.Collectors.groupingBy(Reading::meter, java.util.stream.Collectors.summingInt(r -> r.values().size())))
                    .forEach((meter, values) -> metrics.readSucceeded(meter, now, values, List.of()));
        }, metrics.registry());
        this.pushes = new CarrierPushRoutes(intake, config.nbiot());
        this.coap = config.nbiot().coapPort() >= 0 ? new CoapIntake(intake, config.nbiot().coapPort()) : null;
    }

    public void mount(Router router) {
        pushes.mount(router);
    }

    public void startCoap() {
        if (coap != null) {
            coap.start();
        }
    }

    public int coapPort() {
        return coap == null ? 0 : coap.port();
    }

    public JsonObject status() {
        return new JsonObject().put("accepted_pushes", intake.acceptedCount()).put("duplicate_pushes", intake.duplicateCount())
                .put("rejected_pushes", intake.rejectedCount()).put("unknown_device_pushes", intake.unknownDeviceCount())
                .put("failed_pushes", intake.failedCount()).put("coap_port", coapPort());
    }

    @Override
    public void close() {
        if (coap != null) {
            coap.stop();
        }
    }
}
