package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Every API call names its caller with {@code Authorization: Bearer <token>}: a login token (docs/accounts.md) or a
 * service token from the API tokens file, for scripts. Anything else is 401, an expired login token with its own
 * message so the UI knows to ask for the password again. Mount it after the login route, which has no token yet.
 */
public final class Authentication implements Handler<RoutingContext> {

    private final ApiTokens tokens;
    private final LoginTokens logins;

    /** Service tokens and login tokens. */
    public Authentication(ApiTokens tokens, LoginTokens logins) {
        this.tokens = tokens;
        this.logins = logins;
    }

    /** Service tokens only: for a deployment without a users file. */
    public Authentication(ApiTokens tokens) {
        this(tokens, null);
    }

    @Override
    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            refuse(rc, "send Authorization: Bearer <token>; every API call says who is asking");
            return;
        }
        Optional<Caller> service = tokens.caller(token);
        if (service.isPresent()) {
            accept(rc, service.get());
        } else if (logins != null && looksLikeJwt(token)) {
            logins.verify(token).onSuccess(caller -> accept(rc, caller))
                    .onFailure(e -> refuse(rc, e instanceof LoginTokens.Rejected ? e.getMessage() : "the bearer token is not valid"));
        } else {
            refuse(rc, "the bearer token is not known");
        }
    }

    /** Three parts, the first a JSON header in Base64url: a JWT rather than a service token. */
    static boolean looksLikeJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    private static void accept(RoutingContext rc, Caller caller) {
        rc.put(Requests.CALLER, caller);
        rc.next();
    }

    private static void refuse(RoutingContext rc, String message) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"parkpulse\"");
        Http.json(rc, 401, new JsonObject().put("error", message));
    }
}
