package io.parkpulse.protocols.nbiot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * China Telecom CTWing (AEP) HTTP subscription push. A {@code dataReport} looks like
 * <pre>{"upPacketSN":-1,"upDataSN":-1,"topic":"v1/up/ad","timestamp":1650554828842,"tenantId":"…","serviceId":"",
 * "protocol":"lwm2m","productId":"15114816","payload":{"APPdata":"&lt;base64&gt;"},"messageType":"dataReport",
 * "deviceType":"","deviceId":"40edca19…","assocAssetId":"","IMSI":"undefined","IMEI":"862592051651472"}</pre>
 * Transparent products put the meter bytes base64-encoded in {@code payload.APPdata}; products with a profile put
 * decoded properties in {@code payload.serviceData} or straight in {@code payload}. Other message types
 * ({@code deviceOnlineOfflineReport}, command responses …) carry no meter data and are passed over.
 * {@code timestamp} is the platform's receive time in epoch milliseconds.
 */
public final class CtwingPushParser {

    private CtwingPushParser() {
    }

    public static PushResult parse(byte[] body) {
        try {
            JsonNode root = JsonFields.parse(body);
            if (!root.isObject()) {
                return new PushResult.Malformed("$: not an object but " + JsonFields.kind(root));
            }
            String type = JsonFields.text(root, "messageType", "$.messageType");
            if (!type.equals("dataReport")) {
                return new PushResult.Parsed(List.of(), List.of("$.messageType: " + JsonFields.abbreviate(type) + " is not a data report"));
            }
            String deviceId = JsonFields.optionalId(root, "deviceId", "$.deviceId");
            String imei = JsonFields.optionalId(root, "IMEI", "$.IMEI");
            if (deviceId == null && imei == null) {
                return new PushResult.Malformed("$.deviceId: missing, and so is $.IMEI");
            }
            long time = JsonFields.epochMillis(root, "timestamp", "$.timestamp");
            JsonNode payload = JsonFields.object(root, "payload", "$.payload");
            if (payload.has("APPdata")) {
                byte[] app = AppDataText.base64(JsonFields.text(payload, "APPdata", "$.payload.APPdata"), "$.payload.APPdata");
                return new PushResult.Parsed(List.of(Uplink.raw(deviceId, imei, time, app)), List.of());
            }
            String path = "$.payload";
            JsonNode data = payload;
            if (payload.has("serviceData")) {
                path = "$.payload.serviceData";
                data = JsonFields.object(payload, "serviceData", path);
            }
            Map<PayloadField, Double> fields = DecodedFields.from(data, path);
            if (fields.isEmpty()) {
                return new PushResult.Malformed(path + ": neither APPdata nor a volume, battery or signal property");
            }
            return new PushResult.Parsed(List.of(Uplink.decoded(deviceId, imei, time, fields)), List.of());
        } catch (PushFieldException e) {
            return new PushResult.Malformed(e.getMessage());
        }
    }
}
