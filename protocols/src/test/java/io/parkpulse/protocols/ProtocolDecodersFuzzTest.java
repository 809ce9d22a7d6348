package io.parkpulse.protocols;

import io.parkpulse.testkit.fuzz.FuzzInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.Cjt188Unit;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterStatus;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.ReadReply;
import io.parkpulse.protocols.nbiot.CtwingPushParser;
import io.parkpulse.protocols.nbiot.HuaweiPushParser;
import io.parkpulse.protocols.nbiot.OneNetPushParser;
import io.parkpulse.protocols.nbiot.OneNetSignature;
import io.parkpulse.protocols.nbiot.PushResult;
import io.parkpulse.protocols.nbiot.WaterPayload;
import io.parkpulse.protocols.nbiot.WaterPayloadCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzes every protocol decoder that takes bytes from outside — DL/T 645 and CJ/T 188 frame streams with the replies
 * inside them, the NB-IoT water payload, the three carrier pushes — with {@link FuzzInputs#INPUTS} mutated inputs each
 * (system property {@code parkpulse.fuzz.inputs}): no exception escapes, every rejection carries a reason.
 */
class ProtocolDecodersFuzzTest {

    static final String TOKEN = "parkpulse-fuzz-token";
    static final byte[] DLT_ADDRESS = {0x78, 0x56, 0x34, 0x12, 0x00, 0x00};
    static final byte[] CJT_ADDRESS = {0x33, 0x22, 0x11, 0x00, 0x00, 0x00, 0x00};

    /** What a decoder made of one input; {@code reasons} are every rejection's reason, empty when it was all accepted. */
    record Verdict(List<String> reasons) {
        static Verdict of(List<String> reasons) {
            return new Verdict(reasons);
        }
    }

    // ---- DL/T 645 -----------------------------------------------------------------------------------------------

    static List<byte[]> dltStreams() {
        List<byte[]> streams = new ArrayList<>();
        for (DataIdentifier id : DataIdentifier.values()) {
            double number = id.signed() ? -1.5 : 12.5;
            byte[] value = id.hasTime() ? id.encode(number, LocalDateTime.of(2026, 11, 5, 14, 30)) : id.encode(number);
            byte[] data = concat(id.wire(), value);
            streams.add(concat(ReadReply.request(DLT_ADDRESS, id).encode(4),
                    new Dlt645Frame(DLT_ADDRESS, 0x80 | Dlt645Frame.READ_DATA, data).encode(2)));
        }
        streams.add(new Dlt645Frame(DLT_ADDRESS, 0xC0 | Dlt645Frame.READ_DATA, new byte[] {0x02}).encode(0));
        return streams;
    }

    static Verdict dlt645(byte[] input) {
        Dlt645Decoder decoder = new Dlt645Decoder();
        List<String> reasons = new ArrayList<>();
        for (Dlt645Decoder.Result result : feedInChunks(decoder, input)) {
            if (result instanceof Dlt645Decoder.Rejected rejected) {
                assertThat(rejected.bytes()).as("bytes of %s", rejected).isPositive();
                reasons.add(rejected.reason());
            } else if (result instanceof Dlt645Decoder.Decoded decoded) {
                List<String> refusals = readReplies(decoded.frame());
                // a request in the stream (our own echoed) is passed over, not rejected; its refusals still need reasons
                refusals.forEach(reason -> assertThat(reason).as("ReadReply's refusal").isNotBlank());
                if (decoded.frame().isReply()) {
                    reasons.addAll(refusals);
                }
            }
        }
        return Verdict.of(reasons);
    }

    /** A frame's reply read as the answer to each identifier: a wrong one is refused by the documented exception. */
    private static List<String> readReplies(Dlt645Frame frame) {
        List<String> reasons = new ArrayList<>();
        boolean answered = false;
        for (DataIdentifier asked : DataIdentifier.values()) {
            try {
                ReadReply.of(frame, asked);
                answered = true;
            } catch (IllegalArgumentException refused) {
                reasons.add(refused.getMessage());
            }
        }
        return answered ? List.of() : reasons;
    }

    // ---- CJ/T 188 -----------------------------------------------------------------------------------------------

    static List<byte[]> cjtStreams() {
        List<byte[]> streams = new ArrayList<>();
        for (DiOrder order : DiOrder.values()) {
            MeteringData data = new MeteringData(7, 1234.56, 1200.5, Optional.of(LocalDateTime.of(2026, 11, 21, 8, 15, 30)),
                    MeterStatus.NORMAL);
            streams.add(concat(MeteringRead.request(0x10, CJT_ADDRESS, order, 7).encode(4),
                    MeteringRead.reply(0x10, CJT_ADDRESS, order, data, Cjt188Unit.CUBIC_METRE).encode(2)));
            streams.add(MeteringRead.reply(0x10, CJT_ADDRESS, order, new MeteringData(255, 0, 999.99, Optional.empty(),
                    MeterStatus.NORMAL), Cjt188Unit.LITRE).encode(0));
        }
        streams.add(new Cjt188Frame(0x10, CJT_ADDRESS, 0xC0 | Cjt188Frame.READ_DATA, new byte[] {0x1F, (byte) 0x90, 1, 0x04}).encode(1));
        return streams;
    }

    static Verdict cjt188(byte[] input) {
        Cjt188Decoder decoder = new Cjt188Decoder();
        List<String> reasons = new ArrayList<>();
        for (Cjt188Decoder.Result result : feedInChunks(decoder, input)) {
            if (result instanceof Cjt188Decoder.Rejected rejected) {
                assertThat(rejected.bytes()).as("bytes of %s", rejected).isPositive();
                reasons.add(rejected.reason());
            } else if (result instanceof Cjt188Decoder.Decoded decoded
                    && MeteringRead.decode(decoded.frame()) instanceof MeteringRead.Refused refused) {
                // a request in the stream (our own echoed) is passed over, not rejected; its refusal still needs a reason
                assertThat(refused.reason()).as("MeteringRead's refusal").isNotBlank();
                if (decoded.frame().isReply()) {
                    reasons.add(refused.reason());
                }
            }
        }
        return Verdict.of(reasons);
    }

    /** Feeds the stream as a converter delivers it, in reads of varying size, asking for results after each read. */
    private static <R> List<R> feedInChunks(FrameDecoder<R> decoder, byte[] input) {
        Random split = new Random(Arrays.hashCode(input));
        List<R> results = new ArrayList<>();
        for (int at = 0; at < input.length; ) {
            int n = Math.min(input.length - at, 1 + split.nextInt(64));
            decoder.append(input, at, n);
            at += n;
            for (R r = decoder.next(); r != null; r = decoder.next()) {
                results.add(r);
            }
        }
        for (R r = decoder.finish(); r != null; r = decoder.finish()) {
            results.add(r);
        }
        return results;
    }

    // ---- NB-IoT payload and carrier pushes ----------------------------------------------------------------------

    static List<byte[]> waterPayloads() {
        return List.of(
                WaterPayloadCodec.encode(new WaterPayload(1_795_305_600_000L, 15, List.of(12.5, 12.75, Double.NaN, 13.0), 3.6, -91)),
                WaterPayloadCodec.encode(new WaterPayload(0, 1, List.of(0.0), Double.NaN, Double.NaN)),
                WaterPayloadCodec.encode(new WaterPayload(4_294_967_295_000L, 65535,
                        java.util.Collections.nCopies(96, 4_294_967.294), 65.534, -128)));
    }

    static Verdict water(byte[] input) {
        return WaterPayloadCodec.decode(input) instanceof WaterPayloadCodec.Rejected rejected
                ? Verdict.of(List.of(rejected.reason())) : Verdict.of(List.of());
    }

    static final String CTWING = "{\"upPacketSN\":-1,\"upDataSN\":-1,\"topic\":\"v1/up/ad\",\"timestamp\":1650554828842,"
            + "\"tenantId\":\"2000033629\",\"serviceId\":\"\",\"protocol\":\"lwm2m\",\"productId\":\"15114816\","
            + "\"payload\":{\"APPdata\":\"AQFWMS4wAAAAACMAAAAH/wAlODYyNTkyMDUxNjUxNDcyAAEAMjUAODAAAAAAAAABAQAAAAEAAASD\"},"
            + "\"messageType\":\"dataReport\",\"deviceType\":\"\",\"deviceId\":\"40edca19b0124480864366de4621de99\","
            + "\"assocAssetId\":\"\",\"IMSI\":\"undefined\",\"IMEI\":\"862592051651472\"}";
    static final String CTWING_PROFILE = "{\"timestamp\":1606982320277,\"payload\":{\"serviceId\":\"notification\",\"serviceData\":"
            + "{\"volume\":12.5,\"battery_v\":3.55,\"Signal\":-91,\"IMEI\":\"860374051096202\"}},\"messageType\":\"dataReport\","
            + "\"deviceId\":\"acf7baaee65e431eadfb8f5fe50e8b81\",\"IMEI\":\"860374051096202\"}";
    static final String CTWING_ONLINE = "{\"timestamp\":1650554828842,\"deviceId\":\"40edca19\",\"messageType\":\"deviceOnlineOfflineReport\",\"eventType\":1}";
    static final String HUAWEI = "{\"notifyType\":\"deviceDataChanged\",\"requestId\":\"1\",\"deviceId\":\"d-1\",\"gatewayId\":\"d-1\","
            + "\"service\":{\"serviceId\":\"Meter\",\"serviceType\":\"Meter\",\"data\":{\"rawData\":\"AQID\"},\"eventTime\":\"20170311T163657Z\"}}";
    static final String HUAWEI_BATCH = "{\"notifyType\":\"deviceDatasChanged\",\"requestId\":null,\"deviceId\":\"70a8d7cd\","
            + "\"gatewayId\":\"70a8d7cd\",\"services\":[{\"serviceId\":\"Meter\",\"serviceType\":\"Meter\","
            + "\"data\":{\"volume\":42.125,\"battery\":3.6},\"eventTime\":\"20170211T034003Z\"},{\"serviceId\":\"B\","
            + "\"data\":{\"signal\":-80},\"eventTime\":\"20170211T034004Z\"}]}";
    static final List<String> ONENET_MSGS = List.of(
            "{\"at\":1551052412074,\"imei\":\"861931046156398\",\"type\":1,\"ds_id\":\"3300_0_5750\",\"value\":\"c0ced68f09234e9e4581fdfa1edab74f10ad9e4c\",\"dev_id\":111111}",
            "[{\"at\":1551052412074,\"imei\":\"0000000\",\"type\":2,\"status\":1,\"dev_id\":111111},"
                    + "{\"at\":1551052412075,\"imei\":\"0000000\",\"type\":1,\"ds_id\":\"3300_0_5750\",\"value\":\"AQID+w==\",\"dev_id\":111111}]",
            "{\"at\":1555904805407,\"imei\":\"861931046156398\",\"type\":1,\"ds_id\":\"3300_0_5700\",\"value\":-115,\"dev_id\":523444202}");

    static String signedOneNet(String msg, String nonce) {
        return "{\"msg\":" + msg + ",\"msg_signature\":\"" + OneNetSignature.of(TOKEN, nonce, msg.getBytes(StandardCharsets.UTF_8))
                + "\",\"nonce\":\"" + nonce + "\"}";
    }

    static Verdict push(PushResult result) {
        if (result instanceof PushResult.Malformed m) {
            return Verdict.of(List.of(m.reason()));
        }
        if (result instanceof PushResult.Forbidden f) {
            return Verdict.of(List.of(f.reason()));
        }
        return Verdict.of(((PushResult.Parsed) result).ignored());
    }

    /** Mutated OneNET messages signed with the right token, so the fuzz gets past the signature into the parsing. */
    static Gen<byte[]> signedOneNetBodies() {
        return FuzzInputs.mutatedJson(ONENET_MSGS).map(msg -> signedOneNet(new String(msg, StandardCharsets.UTF_8), "n0nce?!x")
                .getBytes(StandardCharsets.UTF_8));
    }

    // ---- the fuzz runs ------------------------------------------------------------------------------------------

    @Test
    void dlt645Streams() {
        fuzz("Dlt645Decoder + ReadReply", FuzzInputs.mutatedBytes(dltStreams()), ProtocolDecodersFuzzTest::dlt645);
    }

    @Test
    void cjt188Streams() {
        fuzz("Cjt188Decoder + MeteringRead", FuzzInputs.mutatedBytes(cjtStreams()), ProtocolDecodersFuzzTest::cjt188);
    }

    @Test
    void waterPayloadsFromTheCarrier() {
        fuzz("WaterPayloadCodec", FuzzInputs.mutatedBytes(waterPayloads()), ProtocolDecodersFuzzTest::water);
    }

    @Test
    void ctwingPushes() {
        fuzz("CtwingPushParser", FuzzInputs.mutatedJson(List.of(CTWING, CTWING_PROFILE, CTWING_ONLINE)),
                body -> push(CtwingPushParser.parse(body)));
    }

    @Test
    void huaweiPushes() {
        fuzz("HuaweiPushParser", FuzzInputs.mutatedJson(List.of(HUAWEI, HUAWEI_BATCH)), body -> push(HuaweiPushParser.parse(body)));
    }

    @Test
    void oneNetPushes() {
        List<String> bodies = ONENET_MSGS.stream().map(m -> signedOneNet(m, "abcdefgh")).toList();
        fuzz("OneNetPushParser (whole body)", FuzzInputs.mutatedJson(bodies), body -> push(OneNetPushParser.parse(body, TOKEN)));
        fuzz("OneNetPushParser (signed msg)", signedOneNetBodies(), body -> push(OneNetPushParser.parse(body, TOKEN)));
    }

    @Test
    void theSamplesThemselvesAreAccepted() {
        assertThat(dltStreams().stream().map(ProtocolDecodersFuzzTest::dlt645).filter(v -> !v.reasons().isEmpty())).isEmpty();
        assertThat(cjtStreams().stream().map(ProtocolDecodersFuzzTest::cjt188).filter(v -> !v.reasons().isEmpty())).hasSize(1);
        assertThat(waterPayloads().stream().map(ProtocolDecodersFuzzTest::water).filter(v -> !v.reasons().isEmpty())).isEmpty();
        assertThat(push(CtwingPushParser.parse(bytes(CTWING))).reasons()).isEmpty();
        assertThat(push(CtwingPushParser.parse(bytes(CTWING_PROFILE))).reasons()).isEmpty();
        assertThat(push(HuaweiPushParser.parse(bytes(HUAWEI))).reasons()).isEmpty();
        assertThat(push(HuaweiPushParser.parse(bytes(HUAWEI_BATCH))).reasons()).isEmpty();
        for (String msg : ONENET_MSGS) {
            assertThat(OneNetPushParser.parse(bytes(signedOneNet(msg, "abcdefgh")), TOKEN)).as(msg).isInstanceOf(PushResult.Parsed.class);
        }
    }

    private static void fuzz(String decoder, Gen<byte[]> inputs, Function<byte[], Verdict> decode) {
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(FuzzInputs.EXAMPLES).withShrinkCycles(200).forAll(inputs).checkAssert(input -> {
            Verdict verdict = decode.apply(input);
            for (String reason : verdict.reasons()) {
                assertThat(reason).as("a rejection's reason").isNotBlank();
            }
            (verdict.reasons().isEmpty() ? accepted : rejected).incrementAndGet();
        });
        System.out.printf("fuzz %s: %d inputs, %d rejected with a reason, %d accepted, 0 escaped%n",
                decoder, rejected.get() + accepted.get(), rejected.get(), accepted.get());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
