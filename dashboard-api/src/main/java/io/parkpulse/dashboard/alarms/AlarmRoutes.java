package io.parkpulse.dashboard.alarms;

import io.parkpulse.contract.MeterId;
import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The park's alarms (docs/alarms.md): active ones or the history of a window, and an operator's acknowledgement.
 * Operators see every alarm; an enterprise sees only those about itself or its meters.
 */
public final class AlarmRoutes {

    /** The longest history window one request reads. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final int MAX_NOTE = 500;

    private final Parks parks;
    private final AlarmEngine engine;
    private final Clock clock;

    public AlarmRoutes(Parks parks, AlarmEngine engine, Clock clock) {
        this.parks = parks;
        this.engine = engine;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/parks/:park/alarms").handler(this::list);
        api.post("/parks/:park/alarms/:id/ack").handler(this::acknowledge);
    }

    private void list(RoutingContext rc) {
        ParkModel model = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        String state = rc.queryParams().get("state");
        state = state == null || state.isBlank() ? "active" : state.trim();
        Park park = model.park();
        if (state.equals("active")) {
            engine.active(park.id()).onSuccess(alarms -> reply(rc, park, caller, alarms, null))
                    .onFailure(rc::fail);
            return;
        }
        if (!state.equals("all")) {
            throw ApiError.badRequest("state", "state is active (the default) or all, not \"" + state + "\"");
        }
        // the default end takes in what was raised this very millisecond
        Instant to = time(rc, "to", park, clock.instant().plusMillis(1));
        Instant from = time(rc, "from", park, to.minus(DEFAULT_WINDOW));
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("from", "from " + from + " must be before to " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiError.badRequest("from", "ask for at most 366 days at a time");
        }
        engine.raisedBetween(park.id(), from.toEpochMilli(), to.toEpochMilli())
                .onSuccess(page -> reply(rc, park, caller, page.alarms(), page.truncated()))
                .onFailure(rc::fail);
    }

    private static void reply(RoutingContext rc, Park park, Caller caller, List<Alarm> alarms, Boolean truncated) {
        JsonArray list = new JsonArray();
        alarms.stream().filter(a -> visible(a, park, caller)).forEach(a -> list.add(AlarmJson.alarm(a)));
        JsonObject body = new JsonObject().put("park", park.id()).put("alarms", list);
        if (truncated != null) {
            body.put("truncated", truncated);
        }
        json(rc, 200, body);
    }

    /**
     * Operators see everything; an enterprise sees alarms about itself and its own meters. The live stream scopes
     * relayed {@link AlarmEvent}s with this too.
     */
    public static boolean visible(Alarm a, Park park, Caller caller) {
        if (caller.isOperator()) {
            return true;
        }
        return switch (a.subject().kind()) {
            case ENTERPRISE -> caller.enterprise().equals(a.subject().id());
            case METER -> MeterId.parse(a.subject().id()).flatMap(park::meter).map(Meter::enterprise)
                    .map(e -> e.value().equals(caller.enterprise())).orElse(false);
            case GATEWAY, PARK -> false; // the park's own budgets and targets are the operators' business
        };
    }

    private void acknowledge(RoutingContext rc) {
        ParkModel model = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        if (!caller.isOperator()) {
            throw ApiError.forbidden("acknowledging alarms is for park operators; " + caller.name() + " is enterprise "
                    + caller.enterprise());
        }
        String note = note(rc);
        engine.acknowledge(model.park().id(), rc.pathParam("id"), caller.name(), note)
                .onSuccess(alarm -> json(rc, 200, AlarmJson.alarm(alarm)))
                .onFailure(e -> rc.fail(e instanceof AlarmEngine.NotFound ? ApiError.notFound(e.getMessage())
                        : e instanceof AlarmEngine.Conflict ? new ApiError(409, null, e.getMessage()) : e));
    }

    /** The optional {@code note} of an acknowledgement body. */
    private static String note(RoutingContext rc) {
        String text = rc.body() == null ? null : rc.body().asString();
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonObject body;
        try {
            body = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw ApiError.badRequest("body", "the body is a JSON object such as {\"note\": \"crew sent\"}");
        }
        Object note = body.getValue("note");
        if (note != null && !(note instanceof String)) {
            throw ApiError.badRequest("note", "note must be text");
        }
        String s = (String) note;
        if (s != null && s.length() > MAX_NOTE) {
            throw ApiError.badRequest("note", "note is at most " + MAX_NOTE + " characters, got " + s.length());
        }
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code from}/{@code to}: an instant with offset, or a local date of the park (its first instant). */
    private static Instant time(RoutingContext rc, String name, Park park, Instant fallback) {
        String text = rc.queryParams().get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(park.timeZone()).toInstant()
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name, name + " \"" + text + "\" is not a date such as 2026-10-01 or a time such "
                    + "as 2026-10-01T08:00:00+08:00");
        }
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        if (!rc.response().ended()) {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(body.encode());
        }
    }
}
