package io.parkpulse.gateway.nbiot;

import static io.parkpulse.gateway.nbiot.NbIotDevices.GAS;
import static io.parkpulse.gateway.nbiot.NbIotDevices.GAS_DEVICE_ID;
import static io.parkpulse.gateway.nbiot.NbIotDevices.GAS_IMEI;
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
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.protocols.nbiot.OneNetSignature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push routes on a real Vert.x HTTP server, driven by java.net.http and by the simulators' NB-IoT pusher. */
class CarrierPushRoutesTest {

    static final String TOKEN = "parkpulse-route-token";
    /** OneNET's signing token; no CTWing or Huawei token, so pushes from this machine pass (see CarrierPushAuthTest). */
    static final GatewayConfig.NbIotIntake ONENET_ONLY = new GatewayConfig.NbIotIntake(-1, TOKEN, null, null);

    final NbIotDevices.Sink sink = new NbIotDevices.Sink();
    final NbIotIntake intake = new NbIotIntake(NbIotDevices.devices(), sink, new SimpleMeterRegistry());
    final HttpClient client = HttpClient.newHttpClient();
    Vertx vertx;
    URI base;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new CarrierPushRoutes(intake, ONENET_ONLY).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        base = URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The shape of the CTWing dataReport an integrator's public callback test posts (docs/gateway.md, "Sources"), carrying our payload. */
    static String ctwingBody(byte[] payload) {
        return "{\"upPacketSN\":-1,\"upDataSN\":-1,\"topic\":\"v1/up/ad\",\"timestamp\":1709251260000,\"tenantId\":\"2000033629\","
                + "\"serviceId\":\"\",\"protocol\":\"lwm2m\",\"productId\":\"15114816\",\"payload\":{\"APPdata\":\""
                + Base64.getEncoder().encodeToString(payload) + "\"},\"messageType\":\"dataReport\",\"deviceType\":\"\","
                + "\"deviceId\":\"" + WATER_DEVICE_ID + "\",\"assocAssetId\":\"\",\"IMSI\":\"undefined\",\"IMEI\":\"" + WATER_IMEI + "\"}";
    }

    @Test
    void ctwingPushIsForwardedOnceAndItsRepushAnswered200() throws Exception {
        String body = ctwingBody(dailyPayload(MIDNIGHT));
        HttpResponse<String> first = post("/nbiot/ctwing", body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(first.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(sink.readings).hasSize(23).extracting(Reading::timeMs).first().isEqualTo(MIDNIGHT - 23 * 3_600_000L);

        HttpResponse<String> again = post("/nbiot/ctwing", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(again.body()).getInteger("duplicate")).isEqualTo(1);
        assertThat(sink.readings).hasSize(23);
    }

    @Test
    void garbageIsA400NamingTheReason() throws Exception {
        HttpResponse<String> notJson = post("/nbiot/ctwing", "<xml/>");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(notJson.body()).getString("error")).startsWith("$: not JSON");

        HttpResponse<String> badBase64 = post("/nbiot/ctwing", ctwingBody(new byte[] {1}).replaceFirst("\"APPdata\":\"[^\"]*\"", "\"APPdata\":\"%%%\""));
        assertThat(badBase64.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badBase64.body()).getString("error")).isEqualTo("$.payload.APPdata: not base64");

        byte[] corrupt = dailyPayload(MIDNIGHT);
        corrupt[0] = 0x09;
        HttpResponse<String> badPayload = post("/nbiot/ctwing", ctwingBody(corrupt));
        assertThat(badPayload.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badPayload.body()).getString("error"))
                .isEqualTo("meter W-001: PARKPULSE_WATER_V1 payload: byte 0: version 09, only 01 (PARKPULSE_WATER_V1) is known");
        assertThat(intake.rejectedCount()).isEqualTo(3);
        assertThat(sink.readings).isEmpty();
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        HttpResponse<String> response = post("/nbiot/huawei", "{\"pad\":\"" + "x".repeat((int) CarrierPushRoutes.BODY_LIMIT) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownDeviceIsCountedAndAnswered200WithoutNamingIt() throws Exception {
        HttpResponse<String> response = post("/nbiot/ctwing", ctwingBody(dailyPayload(MIDNIGHT)).replace(WATER_DEVICE_ID, "stranger")
                .replace(WATER_IMEI, "000000000000000"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("stranger");
        assertThat(intake.unknownDeviceCount()).isEqualTo(1);
    }

    @Test
    void oneNetSignedPushIsAcceptedAndABadSignatureIs403() throws Exception {
        String msg = "{\"at\":1709251260000,\"imei\":\"" + GAS_IMEI + "\",\"type\":1,\"ds_id\":\"3300_0_5750\",\"value\":\""
                + HexFormat.of().formatHex(dailyPayload(MIDNIGHT)) + "\",\"dev_id\":" + GAS_DEVICE_ID + "}";
        String nonce = "C1z3?giR";
        String signature = OneNetSignature.of(TOKEN, nonce, msg.getBytes(StandardCharsets.UTF_8));
        String body = "{\"msg\":" + msg + ",\"msg_signature\":\"" + signature + "\",\"nonce\":\"" + nonce + "\"}";

        HttpResponse<String> forged = post("/nbiot/onenet", body.replace(signature, "9XFwVl4VRJ2Lub2ryUJK8g=="));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sink.readings).isEmpty();

        assertThat(post("/nbiot/onenet", body).statusCode()).isEqualTo(200);
        assertThat(sink.readings).hasSize(23).allSatisfy(r -> assertThat(r.meter()).isEqualTo(GAS));
    }

    @Test
    void oneNetUrlVerificationEchoesMsgOnlyWithTheRightSignature() throws Exception {
        String msg = "vY7t2QkP";
        String nonce = "a1b2c3d4";
        String signature = OneNetSignature.of(TOKEN, nonce, msg.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> ok = get("/nbiot/onenet?msg=" + msg + "&nonce=" + nonce + "&signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(msg);
        HttpResponse<String> bad = get("/nbiot/onenet?msg=" + msg + "&nonce=" + nonce + "&signature=AAAA");
        assertThat(bad.statusCode()).isEqualTo(403);
    }

    @Test
    void theEmulatorPushesInEachCarriersFormat() throws Exception {
        List<Reading> day = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            long t = MIDNIGHT + h * 3_600_000L;
            day.add(h < 23 ? new Reading(WATER, t, List.of(Value.of(Quantity.VOLUME_M3, 10 + h * 0.5)))
                    : new Reading(WATER, t, List.of(Value.of(Quantity.VOLUME_M3, 21.5), Value.of(Quantity.BATTERY_V, 3.6),
                    Value.of(Quantity.SIGNAL_DBM, -80))));
        }
        Map<String, NbIotPusher.Identity> meters = Map.of(WATER, new NbIotPusher.Identity(WATER_DEVICE_ID, WATER_IMEI));
        for (NbIotPusher.Carrier carrier : NbIotPusher.Carrier.values()) {
            sink.readings.clear();
            NbIotIntake fresh = new NbIotIntake(NbIotDevices.devices(), sink, new SimpleMeterRegistry());
            Router router = Router.router(vertx);
            new CarrierPushRoutes(fresh, ONENET_ONLY).mount(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (NbIotPusher pusher = new NbIotPusher(new NbIotPusher.HttpTarget(URI.create("http://127.0.0.1:" + server.actualPort()),
                    carrier, TOKEN), meters)) {
                assertThat(pusher.send(WATER, day).get(10, TimeUnit.SECONDS)).as(carrier.name()).isEqualTo(200);
                assertThat(sink.readings).as(carrier.name()).isEqualTo(day);
                assertThat(pusher.sent()).isEqualTo(1);
            }
        }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
