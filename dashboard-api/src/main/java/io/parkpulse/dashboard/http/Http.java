package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.storage.InfluxException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writing answers: JSON bodies, and every failure as {@code {"error", "field"}} with the status that fits it. */
final class Http {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);

    private Http() {
    }

    static void json(RoutingContext rc, int status, JsonObject body) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    static void respond(RoutingContext rc, Future<JsonObject> answer) {
        answer.onSuccess(body -> json(rc, 200, body)).onFailure(e -> fail(rc, e));
    }

    /** The router's failure handler and the end of every failed future. */
    static void fail(RoutingContext rc, Throwable e) {
        if (e instanceof ApiError error) {
            JsonObject body = new JsonObject().put("error", error.getMessage()).put("field", error.field());
            if (error.zh() != null) {
                body.put("error_zh", error.zh());
            }
            json(rc, error.status(), body);
        } else if (e instanceof EfficiencyService.PolicyProblem problem) {
            json(rc, 422, new JsonObject().put("error", problem.getMessage()).put("field", "policy"));
        } else if (e instanceof EfficiencyService.TooMuchData tooMuch) {
            json(rc, 422, new JsonObject().put("error", tooMuch.getMessage()).put("field", "period"));
        } else if (e instanceof InfluxException influx) {
            LOG.warn("{} {}: InfluxDB: {}", rc.request().method(), rc.request().path(), influx.getMessage());
            json(rc, 503, new JsonObject().put("error", "the time-series store is not answering; try again shortly"));
        } else {
            LOG.error("{} {} failed", rc.request().method(), rc.request().path(), e);
            json(rc, 500, new JsonObject().put("error", "internal error; it is logged"));
        }
    }
}
