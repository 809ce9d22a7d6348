package io.parkpulse.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parkpulse.protocols.nbiot.OneNetSignature;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/** A meter payload wrapped the way each carrier platform pushes it to an application (docs: gateway NB-IoT fragment). */
final class NbIotPushBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HUAWEI_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NbIotPushBodies() {
    }

    /** CTWing AEP {@code dataReport} of a transparent product: the bytes base64 in {@code payload.APPdata}. */
    static byte[] ctwing(String deviceId, String imei, long nowMs, byte[] payload) {
        ObjectNode body = JSON.createObjectNode();
        body.put("upPacketSN", -1).put("upDataSN", -1).put("topic", "v1/up/ad").put("timestamp", nowMs)
                .put("tenantId", "parkpulse-sim").put("serviceId", "").put("protocol", "lwm2m").put("productId", "parkpulse-sim");
        body.putObject("payload").put("APPdata", Base64.getEncoder().encodeToString(payload));
        body.put("messageType", "dataReport").put("deviceType", "").put("deviceId", deviceId).put("assocAssetId", "")
                .put("IMSI", "undefined").put("IMEI", imei);
        return bytes(body);
    }

    /** OneNET type-1 data point on the opaque LwM2M resource 3300/0/5750, hex value, signed with the token. */
    static byte[] onenet(String deviceId, String imei, long nowMs, byte[] payload, String token) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("at", nowMs).put("imei", imei).put("type", 1).put("ds_id", "3300_0_5750")
                .put("value", HexFormat.of().formatHex(payload));
        if (deviceId != null && deviceId.matches("\\d{1,18}")) {
            msg.put("dev_id", Long.parseLong(deviceId));
        } else {
            msg.put("dev_id", deviceId);
        }
        byte[] msgBytes = bytes(msg);
        String nonce = nonce();
        String signature = OneNetSignature.of(token, nonce, msgBytes);
        String body = "{\"msg\":" + new String(msgBytes, StandardCharsets.UTF_8) + ",\"msg_signature\":"
                + quoted(signature) + ",\"nonce\":" + quoted(nonce) + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Huawei OceanConnect {@code deviceDataChanged} with the bytes base64 in {@code service.data.rawData}. */
    static byte[] huawei(String deviceId, long nowMs, byte[] payload) {
        ObjectNode body = JSON.createObjectNode();
        body.put("notifyType", "deviceDataChanged").putNull("requestId").put("deviceId", deviceId).put("gatewayId", deviceId);
        ObjectNode service = body.putObject("service");
        service.put("serviceId", "RawData").put("serviceType", "RawData");
        service.putObject("data").put("rawData", Base64.getEncoder().encodeToString(payload));
        service.put("eventTime", HUAWEI_TIME.format(Instant.ofEpochMilli(nowMs)));
        return bytes(body);
    }

    private static String nonce() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
        }
        return sb.toString();
    }

    private static String quoted(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
