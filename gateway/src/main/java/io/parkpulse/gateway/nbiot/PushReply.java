package io.parkpulse.gateway.nbiot;

import io.parkpulse.protocols.nbiot.PushResult;
import io.parkpulse.protocols.nbiot.Uplink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The HTTP answer to one carrier push. Carriers re-push until they see a 200, so 200 means "nothing more to do":
 * accepted, duplicate, or nothing in it for us (online reports). 400 and 404 say what to fix (a malformed body or
 * payload; a meter this gateway does not know), 403 a bad signature, 503 a full uplink — worth a retry.
 */
record PushReply(int status, JsonObject body) {

    static PushReply of(PushResult result, NbIotIntake intake) {
        if (result instanceof PushResult.Malformed m) {
            intake.reject(m.reason());
            return new PushReply(400, new JsonObject().put("error", m.reason()));
        }
        if (result instanceof PushResult.Forbidden f) {
            intake.reject(f.reason());
            return new PushReply(403, new JsonObject().put("error", f.reason()));
        }
        PushResult.Parsed parsed = (PushResult.Parsed) result;
        int accepted = 0;
        int duplicate = 0;
        boolean failed = false;
        boolean badPayload = false;
        JsonArray rejected = new JsonArray();
        for (Uplink uplink : parsed.uplinks()) {
            NbIotIntake.Outcome outcome = intake.accept(uplink);
            if (outcome instanceof NbIotIntake.Forwarded) {
                accepted++;
            } else if (outcome instanceof NbIotIntake.Duplicate) {
                duplicate++;
            } else if (outcome instanceof NbIotIntake.Rejected r) {
                badPayload = true;
                rejected.add(r.reason());
            } else if (outcome instanceof NbIotIntake.UnknownDevice u) {
                rejected.add(u.reason());
            } else {
                failed = true;
                rejected.add(((NbIotIntake.Failed) outcome).reason());
            }
        }
        JsonObject body = new JsonObject().put("accepted", accepted).put("duplicate", duplicate)
                .put("rejected", rejected).put("ignored", new JsonArray(parsed.ignored()));
        int status;
        if (failed) {
            status = 503;
        } else if (accepted + duplicate > 0 || rejected.isEmpty()) {
            status = 200;
        } else {
            status = badPayload ? 400 : 404;
        }
        if (status != 200) {
            body.put("error", rejected.getString(0));
        }
        return new PushReply(status, body);
    }
}
