package io.parkpulse.gateway.nbiot;

import static io.parkpulse.gateway.nbiot.NbIotDevices.MIDNIGHT;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_DEVICE_ID;
import static io.parkpulse.gateway.nbiot.NbIotDevices.WATER_IMEI;
import static io.parkpulse.gateway.nbiot.NbIotDevices.dailyPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkpulse.gateway.TestNetwork;
import io.parkpulse.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Who may push: CTWing and Huawei pushes carry the configured token (query parameter or bearer header) or get 401
 * before their body is read; without a token only this machine may push. A device id no meter has is answered like
 * a push with nothing for us, and a body over the limit gets a clear 413 — each logged with carrier, path and caller,
 * never as Vert.x's "Unhandled exception in router". A real Vert.x server, real HTTP requests.
 */
class CarrierPushAuthTest {

    /** Made per run: no secret lives in the repository. */
    static final String CTWING_TOKEN = TestNetwork.randomToken();
    static final String HUAWEI_TOKEN = TestNetwork.randomToken();

    final NbIotDevices.Sink sink = new NbIotDevices.Sink();
    final NbIotIntake intake = new NbIotIntake(NbIotDevices.devices(), sink, new SimpleMeterRegistry());
    final HttpClient client = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(log);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCtwingPushWithoutTheTokenIs401AndForwardsNothing() throws Exception {
        URI base = serve(new GatewayConfig.NbIotIntake(-1, null, CTWING_TOKEN, HUAWEI_TOKEN), "127.0.0.1");
        String body = CarrierPushRoutesTest.ctwingBody(dailyPayload(MIDNIGHT));

        HttpResponse<String> none = post(base.resolve("/nbiot/ctwing"), body, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(none.body())).isEqualTo(new JsonObject().put("error", "unauthorized"));
        assertThat(post(base.resolve("/nbiot/ctwing?token=" + HUAWEI_TOKEN), body, null).statusCode()).isEqualTo(401);
        assertThat(post(base.resolve("/nbiot/ctwing"), body, "Bearer " + CTWING_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(sink.readings).isEmpty();
        assertThat(intake.rejectedCount()).isEqualTo(3);
        assertThat(messages(Level.WARN)).anySatisfy(m -> assertThat(m).contains("CTWing push from 127.0.0.1 to /nbiot/ctwing refused (401)"));

        HttpResponse<String> inUrl = post(base.resolve("/nbiot/ctwing?token=" + CTWING_TOKEN), body, null);
        assertThat(inUrl.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(inUrl.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(sink.readings).hasSize(23);
    }

    @Test
    void aHuaweiPushCarriesItsTokenAsBearerOrInTheCallbackUrl() throws Exception {
        URI base = serve(new GatewayConfig.NbIotIntake(-1, null, CTWING_TOKEN, HUAWEI_TOKEN), "127.0.0.1");
        String body = huaweiBody(WATER_DEVICE_ID, dailyPayload(MIDNIGHT));

        assertThat(post(base.resolve("/nbiot/huawei"), body, null).statusCode()).isEqualTo(401);
        assertThat(post(base.resolve("/nbiot/huawei"), body, "Bearer " + CTWING_TOKEN).statusCode()).isEqualTo(401);
        assertThat(sink.readings).isEmpty();

        assertThat(post(base.resolve("/nbiot/huawei"), body, "Bearer " + HUAWEI_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sink.readings).hasSize(23);
        HttpResponse<String> again = post(base.resolve("/nbiot/huawei?token=" + HUAWEI_TOKEN), body, null);
        assertThat(new JsonObject(again.body()).getInteger("duplicate")).isEqualTo(1);
    }

    @Test
    void withoutATokenOnlyThisMachineMayPush() throws Exception {
        InetAddress lan = TestNetwork.nonLoopbackAddress();
        assumeThat(lan).as("a non-loopback IPv4 address on this machine").isNotNull();
        URI loopback = serve(new GatewayConfig.NbIotIntake(-1, null, null, null), "0.0.0.0");
        URI fromLan = URI.create("http://" + lan.getHostAddress() + ":" + loopback.getPort());
        String body = CarrierPushRoutesTest.ctwingBody(dailyPayload(MIDNIGHT));

        HttpResponse<String> remote = post(fromLan.resolve("/nbiot/ctwing"), body, null);
        assertThat(remote.statusCode()).isEqualTo(401);
        assertThat(post(fromLan.resolve("/nbiot/huawei"), huaweiBody(WATER_DEVICE_ID, dailyPayload(MIDNIGHT)), null).statusCode())
                .isEqualTo(401);
        assertThat(sink.readings).isEmpty();
        assertThat(messages(Level.WARN)).anySatisfy(m -> assertThat(m)
                .contains("CTWing push from " + lan.getHostAddress() + " to /nbiot/ctwing refused (401): nbiot.ctwing_token_env is not set"));

        assertThat(post(loopback.resolve("/nbiot/ctwing"), body, null).statusCode()).isEqualTo(200);
        assertThat(sink.readings).hasSize(23);
    }

    @Test
    void anUnknownDeviceIsAnsweredLikeAPushWithNothingForUsAndLoggedHere() throws Exception {
        URI base = serve(new GatewayConfig.NbIotIntake(-1, null, CTWING_TOKEN, HUAWEI_TOKEN), "127.0.0.1");
        String stranger = CarrierPushRoutesTest.ctwingBody(dailyPayload(MIDNIGHT)).replace(WATER_DEVICE_ID, "stranger-4711")
                .replace(WATER_IMEI, "000000000000000");
        String onlineReport = CarrierPushRoutesTest.ctwingBody(dailyPayload(MIDNIGHT)).replace("\"dataReport\"", "\"deviceOnlineOfflineReport\"");

        HttpResponse<String> unknown = post(base.resolve("/nbiot/ctwing?token=" + CTWING_TOKEN), stranger, null);
        HttpResponse<String> huaweiUnknown = post(base.resolve("/nbiot/huawei?token=" + HUAWEI_TOKEN),
                huaweiBody("stranger-4712", dailyPayload(MIDNIGHT)), null);
        HttpResponse<String> nothingForUs = post(base.resolve("/nbiot/ctwing?token=" + CTWING_TOKEN), onlineReport, null);

        assertThat(unknown.statusCode()).isEqualTo(200).isEqualTo(nothingForUs.statusCode());
        assertThat(huaweiUnknown.statusCode()).isEqualTo(200);
        JsonObject answer = new JsonObject(unknown.body());
        assertThat(answer.fieldNames()).isEqualTo(new JsonObject(nothingForUs.body()).fieldNames());
        assertThat(answer).isEqualTo(new JsonObject("{\"accepted\":0,\"duplicate\":0,\"rejected\":[],\"ignored\":[]}"));
        assertThat(unknown.body() + huaweiUnknown.body()).doesNotContain("stranger").doesNotContainIgnoringCase("device");
        assertThat(intake.unknownDeviceCount()).isEqualTo(2);
        assertThat(sink.readings).isEmpty();
        assertThat(messages(Level.WARN)).anySatisfy(m -> assertThat(m)
                .contains("CTWing push from 127.0.0.1 to /nbiot/ctwing ignored: no NB-IoT device is configured with deviceId=stranger-4711"));
    }

    @Test
    void aBodyOverTheLimitIsA413SayingSoAndLoggedWithContext() throws Exception {
        URI base = serve(new GatewayConfig.NbIotIntake(-1, null, CTWING_TOKEN, HUAWEI_TOKEN), "127.0.0.1");
        String seventyKb = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

        HttpResponse<String> tooLarge = post(base.resolve("/nbiot/ctwing?token=" + CTWING_TOKEN), seventyKb, null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(tooLarge.body()).getString("error")).contains("65536 bytes").contains("carrier push");
        assertThat(post(base.resolve("/nbiot/huawei"), seventyKb, null).statusCode()).as("no token: refused before reading").isEqualTo(401);
        assertThat(post(base.resolve("/nbiot/onenet"), seventyKb, null).statusCode()).isEqualTo(413);

        assertThat(messages(Level.ERROR)).isEmpty();
        assertThat(messages(Level.WARN)).anySatisfy(m -> assertThat(m)
                .contains("CTWing push from 127.0.0.1 to /nbiot/ctwing failed (413): body over 65536 bytes"));
        assertThat(intake.rejectedCount()).isEqualTo(3);
    }

    URI serve(GatewayConfig.NbIotIntake secrets, String host) throws Exception {
        Router router = Router.router(vertx);
        new CarrierPushRoutes(intake, secrets).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, host).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    HttpResponse<String> post(URI uri, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Huawei OceanConnect's deviceDataChanged, as docs/gateway.md cites it, carrying our payload. */
    static String huaweiBody(String deviceId, byte[] payload) {
        return "{\"notifyType\":\"deviceDataChanged\",\"requestId\":null,\"deviceId\":\"" + deviceId + "\",\"gatewayId\":\"" + deviceId
                + "\",\"service\":{\"serviceId\":\"RawData\",\"serviceType\":\"RawData\",\"data\":{\"rawData\":\""
                + Base64.getEncoder().encodeToString(payload) + "\"},\"eventTime\":\"20240301T000000Z\"}}";
    }
}
