package io.parkpulse.gateway.nbiot;

import io.parkpulse.protocols.nbiot.CtwingPushParser;
import io.parkpulse.protocols.nbiot.HuaweiPushParser;
import io.parkpulse.protocols.nbiot.OneNetPushParser;
import io.parkpulse.protocols.nbiot.OneNetSignature;
import io.parkpulse.protocols.nbiot.PushResult;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;

/**
 * The carrier push endpoints on the gateway's HTTP server:
 * <ul>
 *   <li>{@code POST /nbiot/ctwing} — China Telecom CTWing/AEP subscription push</li>
 *   <li>{@code POST /nbiot/onenet} — China Mobile OneNET classic push, signed with the configured token;
 *       {@code GET /nbiot/onenet?msg=…&nonce=…&signature=…} — OneNET's URL verification, answered with {@code msg}</li>
 *   <li>{@code POST /nbiot/huawei} — Huawei OceanConnect {@code deviceDataChanged}/{@code deviceDatasChanged}</li>
 * </ul>
 * Bodies are small (a day of frozen values is under 1 KiB of JSON), so they are limited to {@link #BODY_LIMIT}
 * and parsed on the event loop; handing readings to the sink runs on a worker because the sink may write to disk.
 */
public final class CarrierPushRoutes {

    public static final long BODY_LIMIT = 64 * 1024;

    private final NbIotIntake intake;
    private final String onenetToken;

    /** @param onenetToken the OneNET push token; {@code null} answers every OneNET request with 403 */
    public CarrierPushRoutes(NbIotIntake intake, String onenetToken) {
        this.intake = intake;
        this.onenetToken = onenetToken;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT).setHandleFileUploads(false);
        router.post("/nbiot/ctwing").handler(body).handler(ctx -> push(ctx, CtwingPushParser::parse));
        router.post("/nbiot/huawei").handler(body).handler(ctx -> push(ctx, HuaweiPushParser::parse));
        router.post("/nbiot/onenet").handler(body).handler(ctx -> push(ctx, bytes -> OneNetPushParser.parse(bytes, onenetToken)));
        router.get("/nbiot/onenet").handler(this::verifyOneNetUrl);
    }

    private void push(RoutingContext ctx, Function<byte[], PushResult> parser) {
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        PushResult parsed = parser.apply(bytes);
        ctx.vertx().executeBlocking(() -> PushReply.of(parsed, intake), false).onComplete(done -> {
            if (done.succeeded()) {
                reply(ctx.response(), done.result().status(), done.result().body());
            } else {
                reply(ctx.response(), 500, new JsonObject().put("error", "push not processed: " + done.cause()));
            }
        });
    }

    private void verifyOneNetUrl(RoutingContext ctx) {
        String msg = ctx.request().getParam("msg");
        boolean valid = OneNetSignature.verifiesUrl(onenetToken, msg, ctx.request().getParam("nonce"),
                ctx.request().getParam("signature"));
        if (valid) {
            ctx.response().putHeader("content-type", "text/plain; charset=utf-8").end(msg);
        } else {
            intake.reject("OneNET URL verification: signature does not match base64(md5(token + nonce + msg))");
            reply(ctx.response(), 403, new JsonObject().put("error", "signature does not match base64(md5(token + nonce + msg))"));
        }
    }

    private static void reply(HttpServerResponse response, int status, JsonObject body) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
        }
    }
}
