package io.parkpulse.gateway.nbiot;

import static io.parkpulse.gateway.nbiot.NbIotDevices.MIDNIGHT;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_DEVICE_ID;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_IMEI;
import static io.parkpulse.gateway.nbiot.NbIotDevices.dailyPayload;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.NbIotPusher;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real CoAP over UDP: a Californium client posting to the intake on a free port. */
class CoapIntakeTest {

    final NbIotDevices.Sink sink = new NbIotDevices.Sink();
    final NbIotIntake intake = new NbIotIntake(NbIotDevices.devices(), sink, new SimpleMeterRegistry());
    final CoapIntake coap = new CoapIntake(intake, 0);
    CoapEndpoint clientEndpoint;

    @BeforeEach
    void start() throws Exception {
        coap.start();
        clientEndpoint = new CoapEndpoint.Builder().setConfiguration(CoapIntake.smallConfiguration())
                .setInetSocketAddress(new InetSocketAddress(0)).build();
        clientEndpoint.start();
    }

    @AfterEach
    void stop() {
        clientEndpoint.destroy();
        coap.stop();
    }

    CoapResponse post(String path, byte[] payload) throws Exception {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + coap.port() + path);
        client.setEndpoint(clientEndpoint);
        client.setTimeout(5_000L);
        return client.post(payload, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    }

    @Test
    void aPayloadPostedToItsImeiBecomesReadingsOnce() throws Exception {
        assertThat(coap.port()).isPositive();
        assertThat(post("/nb/" + WATER_IMEI, dailyPayload(MIDNIGHT)).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(sink.readings).hasSize(23).extracting(Reading::timeMs).last().isEqualTo(MIDNIGHT);
        assertThat(post("/nb/" + WATER_IMEI, dailyPayload(MIDNIGHT)).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(sink.readings).hasSize(23);
        assertThat(intake.duplicateCount()).isEqualTo(1);
    }

    @Test
    void badPayloadIs400WithTheReasonAndUnknownImei404() throws Exception {
        CoapResponse bad = post("/nb/" + WATER_IMEI, new byte[] {1, 2, 3});
        assertThat(bad.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(bad.getResponseText()).isEqualTo("meter W-001: PARKPULSE_WATER_V1 payload: payload has 3 bytes, the header alone needs 8");

        CoapResponse unknown = post("/nb/000000000000000", dailyPayload(MIDNIGHT));
        assertThat(unknown.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(intake.unknownDeviceCount()).isEqualTo(1);

        assertThat(post("/nb", dailyPayload(MIDNIGHT)).getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void theEmulatorPostsOverCoap() throws Exception {
        List<Reading> day = List.of(
                new Reading(WATER, MIDNIGHT, List.of(Value.of(Quantity.VOLUME_M3, 5.0))),
                new Reading(WATER, MIDNIGHT + 900_000, List.of(Value.of(Quantity.VOLUME_M3, 5.125), Value.of(Quantity.BATTERY_V, 3.55))));
        try (NbIotPusher pusher = new NbIotPusher(new NbIotPusher.CoapTarget(URI.create("coap://127.0.0.1:" + coap.port())),
                Map.of(WATER, new NbIotPusher.Identity(WATER_DEVICE_ID, WATER_IMEI)))) {
            assertThat(pusher.send(WATER, day).get(10, TimeUnit.SECONDS)).isEqualTo(204);
        }
        assertThat(sink.readings).isEqualTo(day);
    }

    @Test
    void noCaliforniumPropertiesFileIsWritten() {
        assertThat(Files.exists(Path.of("Californium3.properties"))).isFalse();
    }
}
