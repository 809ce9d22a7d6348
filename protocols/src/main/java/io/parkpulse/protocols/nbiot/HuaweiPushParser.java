package io.parkpulse.protocols.nbiot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Huawei OceanConnect (IoT platform northbound API, also behind China Telecom's older platform) subscription push
 * {@code deviceDataChanged}, documented at https://support.huaweicloud.com/en-us/api-iothub/iot_06_0035.html:
 * <pre>{"notifyType":"deviceDataChanged","requestId":"…","deviceId":"…","gatewayId":"…",
 * "service":{"serviceId":"…","serviceType":"…","data":{…},"eventTime":"20170311T163657Z"}}</pre>
 * and its batch form {@code deviceDatasChanged} with a {@code services} array. {@code eventTime} is UTC in the basic
 * ISO format yyyyMMdd'T'HHmmss'Z'. The meter bytes are base64 in {@code data.rawData} (a profile with one raw
 * property); otherwise the profile's decoded properties are read. Other notify types are passed over.
 */
public final class HuaweiPushParser {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private HuaweiPushParser() {
    }

    public static PushResult parse(byte[] body) {
        try {
            JsonNode root = JsonFields.parse(body);
            if (!root.isObject()) {
                return new PushResult.Malformed("$: not an object but " + JsonFields.kind(root));
            }
            String type = JsonFields.text(root, "notifyType", "$.notifyType");
            String deviceId = JsonFields.optionalId(root, "deviceId", "$.deviceId");
            if (type.equals("deviceDataChanged")) {
                requireDevice(deviceId);
                JsonNode service = JsonFields.object(root, "service", "$.service");
                return new PushResult.Parsed(List.of(uplink(deviceId, service, "$.service")), List.of());
            }
            if (type.equals("deviceDatasChanged")) {
                requireDevice(deviceId);
                JsonNode services = root.get("services");
                if (services == null || !services.isArray() || services.isEmpty()) {
                    return new PushResult.Malformed("$.services: missing or not a non-empty array");
                }
                List<Uplink> uplinks = new ArrayList<>();
                for (int i = 0; i < services.size(); i++) {
                    String path = "$.services[" + i + "]";
                    if (!services.get(i).isObject()) {
                        return new PushResult.Malformed(path + ": not an object but " + JsonFields.kind(services.get(i)));
                    }
                    uplinks.add(uplink(deviceId, services.get(i), path));
                }
                return new PushResult.Parsed(uplinks, List.of());
            }
            return new PushResult.Parsed(List.of(), List.of("$.notifyType: " + JsonFields.abbreviate(type) + " is not a data change notification"));
        } catch (PushFieldException e) {
            return new PushResult.Malformed(e.getMessage());
        }
    }

    private static void requireDevice(String deviceId) throws PushFieldException {
        if (deviceId == null) {
            throw new PushFieldException("$.deviceId", "missing");
        }
    }

    private static Uplink uplink(String deviceId, JsonNode service, String path) throws PushFieldException {
        long time = eventTime(JsonFields.text(service, "eventTime", path + ".eventTime"), path + ".eventTime");
        JsonNode data = JsonFields.object(service, "data", path + ".data");
        if (data.has("rawData")) {
            String raw = JsonFields.text(data, "rawData", path + ".data.rawData");
            return Uplink.raw(deviceId, null, time, AppDataText.base64(raw, path + ".data.rawData"));
        }
        Map<PayloadField, Double> fields = DecodedFields.from(data, path + ".data");
        if (fields.isEmpty()) {
            throw new PushFieldException(path + ".data", "neither rawData nor a volume, battery or signal property");
        }
        return Uplink.decoded(deviceId, null, time, fields);
    }

    static long eventTime(String text, String path) throws PushFieldException {
        try {
            return LocalDateTime.parse(text, EVENT_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new PushFieldException(path, "\"" + JsonFields.abbreviate(text) + "\" is not yyyyMMdd'T'HHmmss'Z'");
        }
    }
}
