package io.parkpulse.gateway.nbiot;

import io.parkpulse.protocols.nbiot.PushResult;
import io.parkpulse.protocols.nbiot.Uplink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The HTTP answer to one carrier push. Carriers re-push until they see a 200, so 200 means "nothing more to do":
 * accepted, duplicate, or nothing in it for us (online reports, a device this gateway does not read). 400 says what
 * to fix (a malformed body or payload), 403 a bad signature, 503 a full uplink — worth a retry. A device id no meter
 * has is answered 200 with nothing in the body about it, so a caller cannot probe which ids exist (and Huawei, which
 * blocks a callback URL after 10 failed pushes in a row, keeps pushing the meters that are ours); the gateway logs it.
 */
record PushReply(int status, JsonObject body) {

    /** @param source who pushed what ("CTWing push from 10.1.2.3 to /nbiot/ctwing"), for the log */
    static PushReply of(PushResult result, NbIotIntake intake, String source) {
        if (result instanceof PushResult.Malformed m) {
            intake.reject(source + ": " + m.reason());
            return new PushReply(400, new JsonObject().put("error", m.reason()));
        }
        if (result instanceof PushResult.Forbidden f) {
            intake.reject(source + ": " + f.reason());
            return new PushReply(403, new JsonObject().put("error", f.reason()));
        }
        PushResult.Parsed parsed = (PushResult.Parsed) result;
        int accepted = 0;
        int duplicate = 0;
        boolean failed = false;
        JsonArray rejected = new JsonArray();
        for (Uplink uplink : parsed.uplinks()) {
            NbIotIntake.Outcome outcome = intake.accept(uplink, source);
            if (outcome instanceof NbIotIntake.Forwarded) {
                accepted++;
            } else if (outcome instanceof NbIotIntake.Duplicate) {
                duplicate++;
            } else if (outcome instanceof NbIotIntake.Rejected r) {
                rejected.add(r.reason());
            } else if (outcome instanceof NbIotIntake.UnknownDevice) {
                continue; // counted and logged by the intake; nothing in the answer
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
            status = 400;
        }
        if (status != 200) {
            body.put("error", rejected.getString(0));
        }
        return new PushReply(status, body);
    }
}
