package io.parkpulse.protocols.nbiot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The three carrier push formats, fed with bodies published by the carriers or captured by integrators (sources
 * beside each), and with garbage that must be rejected with a reason, never an exception.
 */
class CarrierPushParsersTest {

    static final String TOKEN = "parkpulse-test-token";

    // ---- CTWing -------------------------------------------------------------------------------------------------

    /** A transparent-product dataReport from an integrator's callback test (a public Python test posting it to its {@code /cwting/callback}; also quoted in docs/domain.md §7.2). */
    static final String CTWING_TRANSPARENT = "{\"upPacketSN\":-1,\"upDataSN\":-1,\"topic\":\"v1/up/ad\",\"timestamp\":1650554828842,"
            + "\"tenantId\":\"2000033629\",\"serviceId\":\"\",\"protocol\":\"lwm2m\",\"productId\":\"15114816\","
            + "\"payload\":{\"APPdata\":\"AQFWMS4wAAAAACMAAAAH/wAlODYyNTkyMDUxNjUxNDcyAAEAMjUAODAAAAAAAAABAQAAAAEAAASD\"},"
            + "\"messageType\":\"dataReport\",\"deviceType\":\"\",\"deviceId\":\"40edca19b0124480864366de4621de99\","
            + "\"assocAssetId\":\"\",\"IMSI\":\"undefined\",\"IMEI\":\"862592051651472\"}";

    /** A profile-decoded dataReport of a smoke detector (a public integrator's entity-class test). */
    static final String CTWING_PROFILE = "{\"upPacketSN\":-1,\"upDataSN\":-1,\"topic\":\"v1/up/ad19prof\",\"timestamp\":1606982320277,"
            + "\"tenantId\":\"10461180\",\"serviceId\":\"\",\"protocol\":\"lwm2m\",\"productId\":\"15014772\",\"payload\":{\"serviceId\":"
            + "\"notification\",\"serviceData\":{\"TData\":30,\"SNR\":1,\"RSRP\":114,\"IMEI\":\"860374051096202\",\"Cell_ID_Length\":8,"
            + "\"Cell_ID\":\"38848339\",\"CSQ\":5,\"Battery_Level\":100,\"Alarm_Status\":2,\"AlarmLevel\":100}},\"messageType\":"
            + "\"dataReport\",\"deviceType\":\"\",\"deviceId\":\"acf7baaee65e431eadfb8f5fe50e8b81\",\"assocAssetId\":\"\","
            + "\"IMSI\":\"undefined\",\"IMEI\":\"860374051096202\"}";

    @Test
    void ctwingTransparentReportCarriesTheBase64AppData() {
        Uplink u = single(CtwingPushParser.parse(bytes(CTWING_TRANSPARENT)));
        assertThat(u.deviceId()).isEqualTo("40edca19b0124480864366de4621de99");
        assertThat(u.imei()).isEqualTo("862592051651472");
        assertThat(u.platformTimeMs()).isEqualTo(1650554828842L);
        assertThat(u.appData()).isEqualTo(Base64.getDecoder().decode("AQFWMS4wAAAAACMAAAAH/wAlODYyNTkyMDUxNjUxNDcyAAEAMjUAODAAAAAAAAABAQAAAAEAAASD"));
        // that vendor's bytes are not our layout: the payload decoder says why instead of guessing
        assertThat(WaterPayloadCodec.decode(u.appData())).isInstanceOfSatisfying(WaterPayloadCodec.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("byte 7: count 0 of frozen values, must be 1…96"));
    }

    @Test
    void ctwingProfileReportWithoutOurPropertiesIsRejectedNamingThePath() {
        assertThat(malformed(CtwingPushParser.parse(bytes(CTWING_PROFILE))))
                .isEqualTo("$.payload.serviceData: neither APPdata nor a volume, battery or signal property");
    }

    @Test
    void ctwingProfileReportWithOurPropertiesBecomesDecodedFields() {
        String body = CTWING_PROFILE.replace("\"TData\":30", "\"volume\":12.5,\"battery_v\":3.55,\"Signal\":-91");
        Uplink u = single(CtwingPushParser.parse(bytes(body)));
        assertThat(u.isRaw()).isFalse();
        assertThat(u.fields()).isEqualTo(Map.of(PayloadField.VOLUME, 12.5, PayloadField.BATTERY, 3.55, PayloadField.SIGNAL, -91.0));
    }

    @Test
    void ctwingOnlineOfflineReportIsPassedOver() {
        // field names as listed in CTWing's subscription push documentation mirrored by integrators (docs/domain.md §7.2)
        String body = "{\"timestamp\":1650554828842,\"tenantId\":\"2000033629\",\"productId\":\"15114816\",\"deviceId\":\"40edca19\","
                + "\"messageType\":\"deviceOnlineOfflineReport\",\"eventType\":1}";
        PushResult.Parsed parsed = parsed(CtwingPushParser.parse(bytes(body)));
        assertThat(parsed.uplinks()).isEmpty();
        assertThat(parsed.ignored()).containsExactly("$.messageType: deviceOnlineOfflineReport is not a data report");
    }

    @Test
    void ctwingReasonsNameTheField() {
        assertThat(malformed(CtwingPushParser.parse(bytes(CTWING_TRANSPARENT.replace("AQFWMS4w", "!!!!"))))).isEqualTo("$.payload.APPdata: not base64");
        assertThat(malformed(CtwingPushParser.parse(bytes(CTWING_TRANSPARENT.replace("\"timestamp\":1650554828842", "\"timestamp\":\"soon\"")))))
                .isEqualTo("$.timestamp: not epoch milliseconds but the string \"soon\"");
        assertThat(malformed(CtwingPushParser.parse(bytes("[1,2]")))).isEqualTo("$: not an object but an array");
        assertThat(malformed(CtwingPushParser.parse(bytes("{\"messageType\":\"dataReport\"")))).startsWith("$: not JSON");
        assertThat(malformed(CtwingPushParser.parse(new byte[0]))).isEqualTo("$: empty body");
    }

    // ---- OneNET -------------------------------------------------------------------------------------------------

    /**
     * A push exactly as OneNET delivered it (178 bytes, Content-Length 178, User-Agent OneNET), logged by an
     * integrator's receiver, published in its repository. Its token is not public, so only its failing check is testable.
     */
    static final String ONENET_CAPTURED = "{\"msg\":{\"at\":1555904805407,\"imei\":\"861931046156398\",\"type\":1,\"ds_id\":\"3300_0_5700\","
            + "\"value\":-115,\"dev_id\":523444202},\"msg_signature\":\"9XFwVl4VRJ2Lub2ryUJK8g==\",\"nonce\":\"C1z3?giR\"}";

    /** The msg of a published OneNET push example with an opaque hex value (an integrator's public example). */
    static final String ONENET_OPAQUE_MSG = "{\"at\":1551052412074,\"imei\":\"0000000\",\"type\":1,\"ds_id\":\"3300_0_5750\","
            + "\"value\":\"c0ced68f09234e9e4581fdfa1edab74f10ad9e4c\",\"dev_id\":111111}";

    static String signedOneNet(String msg, String nonce) {
        String signature = OneNetSignature.of(TOKEN, nonce, bytes(msg));
        return "{\"msg\":" + msg + ",\"msg_signature\":\"" + signature + "\",\"nonce\":\"" + nonce + "\"}";
    }

    @Test
    void oneNetCapturedPushFailsAnotherToken() {
        assertThat(ONENET_CAPTURED).hasSize(178);
        assertThat(OneNetPushParser.parse(bytes(ONENET_CAPTURED), TOKEN)).isInstanceOfSatisfying(PushResult.Forbidden.class,
                f -> assertThat(f.reason()).isEqualTo("$.msg_signature: does not match base64(md5(token + nonce + msg))"));
    }

    @Test
    void oneNetNumericDataPointIsPassedOverOnceSigned() {
        String msg = ONENET_CAPTURED.substring("{\"msg\":".length(), ONENET_CAPTURED.indexOf(",\"msg_signature\""));
        PushResult.Parsed parsed = parsed(OneNetPushParser.parse(bytes(signedOneNet(msg, "C1z3?giR")), TOKEN));
        assertThat(parsed.uplinks()).isEmpty();
        assertThat(parsed.ignored()).containsExactly("$.msg.value: the number -115 on ds_id 3300_0_5700 is not app data (a hex or base64 string)");
    }

    @Test
    void oneNetOpaqueHexValueBecomesAppData() {
        Uplink u = single(OneNetPushParser.parse(bytes(signedOneNet(ONENET_OPAQUE_MSG, "abcdefgh")), TOKEN));
        assertThat(u.deviceId()).isEqualTo("111111");
        assertThat(u.imei()).isEqualTo("0000000");
        assertThat(u.platformTimeMs()).isEqualTo(1551052412074L);
        assertThat(u.appData()).isEqualTo(HexFormat.of().parseHex("c0ced68f09234e9e4581fdfa1edab74f10ad9e4c"));
    }

    @Test
    void oneNetSignatureIsOverTheMsgTextAsSentWithItsSpacing() {
        String spaced = "{ \"at\": 1551052412074, \"imei\": \"0000000\", \"type\": 1, \"value\": \"0102\", \"dev_id\": 111111 }";
        assertThat(single(OneNetPushParser.parse(bytes(signedOneNet(spaced, "n0nce123")), TOKEN)).appData()).containsExactly(1, 2);
        String tampered = signedOneNet(spaced, "n0nce123").replace("\"0102\"", "\"0103\"");
        assertThat(OneNetPushParser.parse(bytes(tampered), TOKEN)).isInstanceOf(PushResult.Forbidden.class);
    }

    @Test
    void oneNetArrayMixesDataPointsAndOnlineReports() {
        // type 2 fields as in OneNET's push guide: status 1 = online, login_type 10 = NB-IoT
        String online = "{\"at\":1551052412000,\"login_type\":10,\"imei\":\"0000000\",\"type\":2,\"dev_id\":111111,\"status\":1}";
        String base64Value = ONENET_OPAQUE_MSG.replace("c0ced68f09234e9e4581fdfa1edab74f10ad9e4c", "AQID+w==");
        PushResult.Parsed parsed = parsed(OneNetPushParser.parse(bytes(signedOneNet("[" + online + "," + base64Value + "]", "Xy7?ab!c")), TOKEN));
        assertThat(parsed.ignored()).containsExactly("$.msg[0].type: 2 is not a data point (1)");
        assertThat(parsed.uplinks()).singleElement().satisfies(u -> assertThat(u.appData()).containsExactly(1, 2, 3, 0xFB));
    }

    @Test
    void oneNetUrlVerification() {
        String msg = "Mw8k3jGH";
        String nonce = "Ja9d3kFz";
        String signature = OneNetSignature.of(TOKEN, nonce, bytes(msg));
        assertThat(OneNetSignature.verifiesUrl(TOKEN, msg, nonce, signature)).isTrue();
        // a '+' in the signature arrives as a space once the query string is decoded
        assertThat(OneNetSignature.verifiesUrl(TOKEN, msg, nonce, signature.replace('+', ' '))).isTrue();
        assertThat(OneNetSignature.verifiesUrl("other", msg, nonce, signature)).isFalse();
        assertThat(OneNetSignature.verifiesUrl(TOKEN, msg, null, signature)).isFalse();
    }

    @Test
    void oneNetReasons() {
        assertThat(OneNetPushParser.parse(bytes(ONENET_CAPTURED), null)).isInstanceOf(PushResult.Forbidden.class);
        assertThat(malformed(OneNetPushParser.parse(bytes("{\"msg\":\"x\",\"nonce\":\"a\",\"msg_signature\":\"b\"}"), TOKEN)))
                .isEqualTo("$.msg: not an object or array but the string \"x\"");
        assertThat(malformed(OneNetPushParser.parse(bytes("{\"msg\":{},\"msg_signature\":\"b\"}"), TOKEN)))
                .isEqualTo("$.nonce: missing or not a string");
        assertThat(malformed(OneNetPushParser.parse(bytes("{\"enc_msg\":\"abc\",\"nonce\":\"a\",\"msg_signature\":\"b\"}"), TOKEN)))
                .startsWith("$.enc_msg: encrypted pushes are not supported");
        String badValue = ONENET_OPAQUE_MSG.replace("c0ced68f09234e9e4581fdfa1edab74f10ad9e4c", "zz-not-hex");
        assertThat(malformed(OneNetPushParser.parse(bytes(signedOneNet(badValue, "abcdefgh")), TOKEN)))
                .isEqualTo("$.msg.value: neither hex nor base64");
    }

    // ---- Huawei OceanConnect ------------------------------------------------------------------------------------

    /** The request example of https://support.huaweicloud.com/en-us/api-iothub/iot_06_0035.html (ids masked there too). */
    static final String HUAWEI_DOC = "{\"notifyType\":\"deviceDataChanged\",\"requestId\":\"*************\","
            + "\"deviceId\":\"********************************\",\"gatewayId\":\"*************\",\"service\":{\"serviceId\":"
            + "\"Brightness\",\"serviceType\":\"Brightness\",\"data\":{\"brightness\":80},\"eventTime\":\"20170311T163657Z\"}}";

    @Test
    void huaweiDocumentedExampleParsesButCarriesNoMeterData() {
        assertThat(malformed(HuaweiPushParser.parse(bytes(HUAWEI_DOC))))
                .isEqualTo("$.service.data: neither rawData nor a volume, battery or signal property");
    }

    @Test
    void huaweiRawDataAndEventTime() {
        String body = HUAWEI_DOC.replace("{\"brightness\":80}", "{\"rawData\":\"AQID\"}");
        Uplink u = single(HuaweiPushParser.parse(bytes(body)));
        assertThat(u.deviceId()).isEqualTo("********************************");
        assertThat(u.platformTimeMs()).isEqualTo(Instant.parse("2017-03-11T16:36:57Z").toEpochMilli());
        assertThat(u.appData()).containsExactly(1, 2, 3);
    }

    @Test
    void huaweiBatchNotificationAndOtherTypes() {
        // the FAQ's water meter example reports a battery service (https://support.huaweicloud.com/en-us/iothub_faq/iot_faq_00067.html)
        String batch = "{\"notifyType\":\"deviceDatasChanged\",\"requestId\":null,\"deviceId\":\"70a8d7cd-5ecd-4bda-a87c-afc16bd31bda\","
                + "\"gatewayId\":\"70a8d7cd-5ecd-4bda-a87c-afc16bd31bda\",\"services\":[{\"serviceId\":\"Meter\",\"serviceType\":\"Meter\","
                + "\"data\":{\"volume\":42.125,\"battery\":3.6},\"eventTime\":\"20170211T034003Z\"}]}";
        Uplink u = single(HuaweiPushParser.parse(bytes(batch)));
        assertThat(u.fields()).containsEntry(PayloadField.VOLUME, 42.125).containsEntry(PayloadField.BATTERY, 3.6);
        assertThat(parsed(HuaweiPushParser.parse(bytes("{\"notifyType\":\"deviceInfoChanged\",\"deviceId\":\"x\"}"))).ignored())
                .containsExactly("$.notifyType: deviceInfoChanged is not a data change notification");
        assertThat(malformed(HuaweiPushParser.parse(bytes(HUAWEI_DOC.replace("20170311T163657Z", "2017-03-11 16:36:57")))))
                .isEqualTo("$.service.eventTime: \"2017-03-11 16:36:57\" is not yyyyMMdd'T'HHmmss'Z'");
    }

    // ---- garbage ------------------------------------------------------------------------------------------------

    @Test
    void randomBytesAndMangledBodiesNeverThrow() {
        Random random = new Random(11);
        List<String> seeds = List.of(CTWING_TRANSPARENT, CTWING_PROFILE, ONENET_CAPTURED, signedOneNet(ONENET_OPAQUE_MSG, "abcdefgh"), HUAWEI_DOC);
        for (int i = 0; i < 20_000; i++) {
            byte[] body;
            if (i % 2 == 0) {
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            } else {
                body = mangle(seeds.get(random.nextInt(seeds.size())), random);
            }
            for (PushResult r : List.of(CtwingPushParser.parse(body), OneNetPushParser.parse(body, TOKEN), HuaweiPushParser.parse(body))) {
                assertThat(r).isNotNull();
                if (r instanceof PushResult.Malformed m) {
                    assertThat(m.reason()).startsWith("$");
                }
            }
        }
    }

    @Test
    void deeplyNestedJsonIsRejectedNotOverflowed() {
        String deep = "{\"msg\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(CtwingPushParser.parse(bytes(deep))).isInstanceOf(PushResult.Malformed.class);
        assertThat(OneNetPushParser.parse(bytes(deep), TOKEN)).isInstanceOf(PushResult.Malformed.class);
    }

    /** Deletes, duplicates or replaces a few characters: JSON that is almost right is the hard case. */
    static byte[] mangle(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        String alphabet = "{}[]\":,0123456789-.eE aZ\\";
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return bytes(sb.toString());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Uplink single(PushResult r) {
        return parsed(r).uplinks().get(0);
    }

    static PushResult.Parsed parsed(PushResult r) {
        assertThat(r).isInstanceOf(PushResult.Parsed.class);
        PushResult.Parsed p = (PushResult.Parsed) r;
        return p;
    }

    static String malformed(PushResult r) {
        assertThat(r).isInstanceOf(PushResult.Malformed.class);
        return ((PushResult.Malformed) r).reason();
    }
}
