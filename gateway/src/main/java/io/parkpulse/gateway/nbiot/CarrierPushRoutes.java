package io.parkpulse.gateway.nbiot;

import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.LoopbackHost;
import io.parkpulse.gateway.status.SharedSecret;
import io.parkpulse.protocols.nbiot.CtwingPushParser;
import io.parkpulse.protocols.nbiot.HuaweiPushParser;
import io.parkpulse.protocols.nbiot.OneNetPushParser;
import io.parkpulse.protocols.nbiot.OneNetSignature;
import io.parkpulse.protocols.nbiot.PushResult;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carrier push endpoints on the gateway's HTTP server:
 * <ul>
 *   <li>{@code POST /nbiot/ctwing} — China Telecom CTWing/AEP subscription push</li>
 *   <li>{@code POST /nbiot/onenet} — China Mobile OneNET classic push, signed with the configured token;
 *       {@code GET /nbiot/onenet?msg=…&nonce=…&signature=…} — OneNET's URL verification, answered with {@code msg}</li>
 *   <li>{@code POST /nbiot/huawei} — Huawei OceanConnect {@code deviceDataChanged}/{@code deviceDatasChanged}</li>
 * </ul>
 * OneNET signs its pushes; CTWing and Huawei document no signature, so their pushes must carry a shared token in the
 * callback URL ({@code ?token=…}) or as {@code Authorization: Bearer}; without a configured token only pushes from
 * this machine (a local reverse proxy, the demo's emulator) are taken. Unauthenticated pushes get 401 before their
 * body is read. Bodies are small (a day of frozen values is under 1 KiB of JSON), so they are limited to
 * {@link #BODY_LIMIT} and parsed on the event loop; handing readings to the sink runs on a worker because the sink
 * may write to disk. Every failure is answered (4xx/5xx JSON) and logged with the carrier, path and caller.
 */
public final class CarrierPushRoutes {

    public static final long BODY_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CarrierPushRoutes.class);

    private final NbIotIntake intake;
    private final String onenetToken;
    private final SharedSecret ctwingToken;
    private final SharedSecret huaweiToken;

    /** @param secrets the carriers' push secrets; a null OneNET token answers every OneNET request with 403 */
    public CarrierPushRoutes(NbIotIntake intake, GatewayConfig.NbIotIntake secrets) {
        this.intake = intake;
        this.onenetToken = secrets.onenetToken();
        this.ctwingToken = SharedSecret.ofNullable(secrets.ctwingToken());
        this.huaweiToken = SharedSecret.ofNullable(secrets.huaweiToken());
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT).setHandleFileUploads(false);
        // authorization is a route of its own ahead of the body's: Vert.x wants a route's BodyHandler first, and an
        // unauthenticated push should be refused before its body is read
        router.post("/nbiot/ctwing").handler(ctx -> authorize(ctx, ctwingToken, "nbiot.ctwing_token_env"));
        router.post("/nbiot/ctwing").handler(body).handler(ctx -> push(ctx, CtwingPushParser::parse));
        router.post("/nbiot/huawei").handler(ctx -> authorize(ctx, huaweiToken, "nbiot.huawei_token_env"));
        router.post("/nbiot/huawei").handler(body).handler(ctx -> push(ctx, HuaweiPushParser::parse));
        router.post("/nbiot/onenet").handler(body).handler(ctx -> push(ctx, bytes -> OneNetPushParser.parse(bytes, onenetToken)));
        router.get("/nbiot/onenet").handler(this::verifyOneNetUrl);
        // without it a failure (the body limit's 413, a bug) ends in Vert.x's "Unhandled exception in router" with no context
        router.route("/nbiot/*").failureHandler(this::failed);
    }

    /** Lets the push on when it carries the token, or, with none configured, when it comes from this machine; else 401. */
    private void authorize(RoutingContext ctx, SharedSecret token, String tokenKey) {
        HttpServerRequest request = ctx.request();
        String refusal;
        if (token == null) {
            if (fromThisMachine(request.remoteAddress())) {
                ctx.next();
                return;
            }
            refusal = tokenKey + " is not set, so only pushes from this machine are taken";
        } else {
            String inUrl = request.getParam("token");
            String bearer = SharedSecret.bearer(request);
            if (token.matches(inUrl) || token.matches(bearer)) {
                ctx.next();
                return;
            }
            refusal = inUrl == null && bearer == null ? "no token (query parameter token or Authorization: Bearer)" : "wrong token";
        }
        intake.reject(source(ctx) + " refused (401): " + refusal);
        reply(ctx.response(), 401, new JsonObject().put("error", "unauthorized"));
    }

    private void push(RoutingContext ctx, Function<byte[], PushResult> parser) {
        String source = source(ctx);
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        PushResult parsed;
        try {
            parsed = parser.apply(bytes);
        } catch (RuntimeException e) { // the parsers never throw by contract; if one does, the push still gets an answer
            ctx.fail(500, e);
            return;
        }
        ctx.vertx().executeBlocking(() -> PushReply.of(parsed, intake, source), false).onComplete(done -> {
            if (done.succeeded()) {
                reply(ctx.response(), done.result().status(), done.result().body());
            } else {
                ctx.fail(500, done.cause());
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
            intake.reject(source(ctx) + ": URL verification signature does not match base64(md5(token + nonce + msg))");
            reply(ctx.response(), 403, new JsonObject().put("error", "signature does not match base64(md5(token + nonce + msg))"));
        }
    }

    /** Answers and logs whatever failed a push route: the body limit (413), anything else as 4xx or 500. */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        String answer;
        if (status == 413) {
            answer = "body over " + BODY_LIMIT + " bytes (64 KiB), the most a carrier push may carry";
        } else if (status < 500) {
            answer = "push refused (HTTP " + status + ")";
        } else {
            answer = "push not processed: the gateway failed (see its log); push again";
        }
        String reason = ctx.failure() == null ? answer : answer + ": " + ctx.failure();
        if (status >= 500) {
            LOG.error("{} failed ({}): {}", source(ctx), status, reason, ctx.failure());
        } else {
            intake.reject(source(ctx) + " failed (" + status + "): " + reason);
        }
        reply(ctx.response(), status, new JsonObject().put("error", answer));
    }

    /** "CTWing push from 10.1.2.3 to /nbiot/ctwing": who sent what, for every log line about a push. */
    private static String source(RoutingContext ctx) {
        String path = ctx.request().path();
        String carrier = path.endsWith("/ctwing") ? "CTWing" : path.endsWith("/huawei") ? "Huawei" : path.endsWith("/onenet") ? "OneNET" : "carrier";
        SocketAddress remote = ctx.request().remoteAddress();
        return carrier + " push from " + (remote == null ? "an unknown address" : remote.hostAddress()) + " to " + path;
    }

    private static boolean fromThisMachine(SocketAddress remote) {
        return remote != null && remote.hostAddress() != null && LoopbackHost.is(remote.hostAddress());
    }

    private static void reply(HttpServerResponse response, int status, JsonObject body) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
        }
    }
}
