package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.Caller;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Every API call names its caller with {@code Authorization: Bearer <token>}; anything else is 401. */
final class Authentication implements Handler<RoutingContext> {

    private final ApiTokens tokens;

    Authentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<Caller> caller = tokens.caller(token);
        if (caller.isEmpty()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"parkpulse\"");
            Http.json(rc, 401, new JsonObject().put("error", token == null
                    ? "send Authorization: Bearer <token>; every API call says who is asking"
                    : "the bearer token is not known"));
            return;
        }
        rc.put(Requests.CALLER, caller.get());
        rc.next();
    }
}
