package io.parkpulse.protocols.nbiot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * China Mobile OneNET classic HTTP push (https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html):
 * <pre>{"msg":{"at":1555904805407,"imei":"861931046156398","type":1,"ds_id":"3300_0_5700","value":…,"dev_id":523444202},
 * "msg_signature":"9XFwVl4VRJ2Lub2ryUJK8g==","nonce":"C1z3?giR"}</pre>
 * {@code msg} is one message or an array of them. Type 1 is a data point: for a meter sending its payload through an
 * opaque LwM2M resource {@code value} is the payload as a hex (or base64) string. Type 2 (online/offline), 7 (command
 * result) and numeric data points carry no payload and are passed over. The signature is checked over the exact
 * bytes of {@code msg} as they appear in the body ({@link OneNetSignature}) before anything else is believed.
 * Encrypted pushes ({@code enc_msg}) are not supported: turn encryption off on the platform (HTTPS protects transport).
 */
public final class OneNetPushParser {

    private OneNetPushParser() {
    }

    public static PushResult parse(byte[] body, String token) {
        if (token == null || token.isEmpty()) {
            return new PushResult.Forbidden("no OneNET token is configured, so no push can be verified");
        }
        if (body == null || body.length == 0) {
            return new PushResult.Malformed("$: empty body");
        }
        Envelope envelope;
        try {
            envelope = Envelope.read(body);
        } catch (PushFieldException e) {
            return new PushResult.Malformed(e.getMessage());
        }
        if (!OneNetSignature.matches(token, envelope.nonce, envelope.msgBytes, envelope.signature)) {
            return new PushResult.Forbidden("$.msg_signature: does not match base64(md5(token + nonce + msg))");
        }
        try {
            List<Uplink> uplinks = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            if (envelope.msg.isArray()) {
                for (int i = 0; i < envelope.msg.size(); i++) {
                    message(envelope.msg.get(i), "$.msg[" + i + "]", uplinks, ignored);
                }
            } else {
                message(envelope.msg, "$.msg", uplinks, ignored);
            }
            return new PushResult.Parsed(uplinks, ignored);
        } catch (PushFieldException e) {
            return new PushResult.Malformed(e.getMessage());
        }
    }

    private static void message(JsonNode msg, String path, List<Uplink> uplinks, List<String> ignored) throws PushFieldException {
        if (!msg.isObject()) {
            throw new PushFieldException(path, "not an object but " + JsonFields.kind(msg));
        }
        JsonNode type = msg.get("type");
        if (type == null || !type.isIntegralNumber()) {
            throw new PushFieldException(path + ".type", type == null ? "missing" : "not an integer but " + JsonFields.kind(type));
        }
        if (type.intValue() != 1) {
            ignored.add(path + ".type: " + type.intValue() + " is not a data point (1)");
            return;
        }
        long at = JsonFields.epochMillis(msg, "at", path + ".at");
        String devId = JsonFields.optionalId(msg, "dev_id", path + ".dev_id");
        String imei = JsonFields.optionalId(msg, "imei", path + ".imei");
        if (devId == null && imei == null) {
            throw new PushFieldException(path + ".dev_id", "missing, and so is " + path + ".imei");
        }
        JsonNode value = msg.get("value");
        if (value == null || value.isNull()) {
            throw new PushFieldException(path + ".value", "missing");
        }
        if (!value.isTextual()) {
            JsonNode ds = msg.get("ds_id");
            ignored.add(path + ".value: " + JsonFields.kind(value) + (ds != null ? " on ds_id " + JsonFields.abbreviate(ds.asText()) : "")
                    + " is not app data (a hex or base64 string)");
            return;
        }
        uplinks.add(Uplink.raw(devId, imei, at, AppDataText.hexOrBase64(value.textValue(), path + ".value")));
    }

    /** The three top-level fields, with {@code msg} both parsed and as the raw bytes that were signed. */
    private record Envelope(JsonNode msg, byte[] msgBytes, String nonce, String signature) {

        static Envelope read(byte[] body) throws PushFieldException {
            JsonNode msg = null;
            byte[] msgBytes = null;
            String nonce = null;
            String signature = null;
            try (JsonParser p = JsonFields.MAPPER.createParser(body)) {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw new PushFieldException("$", "not an object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "msg" -> {
                            int start = (int) p.currentTokenLocation().getByteOffset();
                            msg = p.readValueAsTree();
                            int end = (int) p.currentLocation().getByteOffset();
                            msgBytes = Arrays.copyOfRange(body, start, end);
                        }
                        case "nonce" -> nonce = t == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "msg_signature" -> signature = t == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "enc_msg" -> throw new PushFieldException("$.enc_msg",
                                "encrypted pushes are not supported; turn push encryption off on OneNET");
                        default -> p.skipChildren();
                    }
                }
            } catch (JacksonException e) {
                throw new PushFieldException("$", "not JSON (" + JsonFields.abbreviate(String.valueOf(e.getOriginalMessage())) + ")");
            } catch (IOException e) {
                throw new PushFieldException("$", "unreadable (" + e.getClass().getSimpleName() + ")");
            }
            if (msg == null || msg.isNull()) {
                throw new PushFieldException("$.msg", "missing");
            }
            if (!msg.isObject() && !msg.isArray()) {
                throw new PushFieldException("$.msg", "not an object or array but " + JsonFields.kind(msg));
            }
            if (nonce == null) {
                throw new PushFieldException("$.nonce", "missing or not a string");
            }
            if (signature == null) {
                throw new PushFieldException("$.msg_signature", "missing or not a string");
            }
            return new Envelope(msg, msgBytes, nonce, signature);
        }
    }
}
