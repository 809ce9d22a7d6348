package io.parkpulse.protocols.nbiot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** PARKPULSE_WATER_V1: a worked example, round trips, and corrupt or random bytes always rejected with a reason. */
class WaterPayloadCodecTest {

    /** 2024-03-01T00:00:00Z, three hourly values 123.456, 123.5 and (not frozen), 3.6 V, -85 dBm. */
    static final long NEWEST_MS = 1_709_251_200_000L;

    static WaterPayload threeHours() {
        return new WaterPayload(NEWEST_MS, 60, List.of(123.456, 123.5, Double.NaN), 3.6, -85);
    }

    @Test
    void crcIsModbusCrc16() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16Modbus.of(check, 0, check.length)).isEqualTo(0x4B37);
    }

    @Test
    void encodesTheDocumentedLayout() {
        byte[] bytes = WaterPayloadCodec.encode(threeHours());
        String hex = HexFormat.of().formatHex(bytes);
        // version | 65e11a80 = 1709251200 s | 003c = 60 min | 03 | 0001e240 = 123456 l | 0001e26c = 123500 l
        // | ffffffff not frozen | 0e10 = 3600 mV | ab = -85 dBm | CRC low byte first
        assertThat(hex).startsWith("01" + "65e11a80" + "003c" + "03" + "0001e240" + "0001e26c" + "ffffffff" + "0e10" + "ab");
        assertThat(bytes).hasSize(13 + 4 * 3);
        int crc = Crc16Modbus.of(bytes, 0, bytes.length - 2);
        assertThat(bytes[bytes.length - 2] & 0xFF).isEqualTo(crc & 0xFF);
        assertThat(bytes[bytes.length - 1] & 0xFF).isEqualTo(crc >>> 8);
    }

    @Test
    void decodesFrozenValuesWithTheirOwnTimes() {
        WaterPayload p = decoded(WaterPayloadCodec.encode(threeHours()));
        assertThat(p.frozenValues()).containsExactly(
                new WaterPayload.FrozenValue(NEWEST_MS - 2 * 3_600_000L, 123.456),
                new WaterPayload.FrozenValue(NEWEST_MS - 3_600_000L, 123.5));
        assertThat(p.batteryV()).isEqualTo(3.6);
        assertThat(p.signalDbm()).isEqualTo(-85);
    }

    @Test
    void roundTripsAnyPayload() {
        qt().withExamples(500).forAll(payloads()).checkAssert(p -> {
            WaterPayload back = decoded(WaterPayloadCodec.encode(p));
            assertThat(back.newestTimeMs()).isEqualTo(p.newestTimeMs());
            assertThat(back.intervalMinutes()).isEqualTo(p.intervalMinutes());
            assertThat(back.volumesM3()).isEqualTo(p.volumesM3());
            assertThat(Double.valueOf(back.batteryV())).isEqualTo(Double.valueOf(p.batteryV()));
            assertThat(Double.valueOf(back.signalDbm())).isEqualTo(Double.valueOf(p.signalDbm()));
        });
    }

    @Test
    void everySingleBitFlipIsRejectedWithAReason() {
        qt().withExamples(300).forAll(payloads(), integers().between(0, Integer.MAX_VALUE)).checkAssert((p, pick) -> {
            byte[] bytes = WaterPayloadCodec.encode(p);
            int bit = pick % (bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(WaterPayloadCodec.decode(bytes)).isInstanceOfSatisfying(WaterPayloadCodec.Rejected.class,
                    r -> assertThat(r.reason()).isNotBlank());
        });
    }

    @Test
    void truncatedOrExtendedPayloadsAreRejected() {
        qt().withExamples(200).forAll(payloads(), integers().between(-20, 20)).checkAssert((p, delta) -> {
            byte[] bytes = WaterPayloadCodec.encode(p);
            int length = Math.max(0, bytes.length + (delta == 0 ? 1 : delta));
            byte[] changed = java.util.Arrays.copyOf(bytes, length);
            assertThat(WaterPayloadCodec.decode(changed)).isInstanceOf(WaterPayloadCodec.Rejected.class);
        });
    }

    @Test
    void reasonsNameWhatIsWrong() {
        byte[] good = WaterPayloadCodec.encode(threeHours());
        assertThat(reason(new byte[0])).isEqualTo("payload is empty");

        byte[] version = good.clone();
        version[0] = 0x02;
        assertThat(reason(version)).isEqualTo("byte 0: version 02, only 01 (PARKPULSE_WATER_V1) is known");

        assertThat(reason(java.util.Arrays.copyOf(good, good.length - 1))).isEqualTo("payload has 24 bytes, count 3 needs 25");

        byte[] crc = good.clone();
        crc[10] ^= 0x01;
        assertThat(reason(crc)).matches("bytes 23-24: CRC [0-9A-F]{4} given, [0-9A-F]{4} computed");

        assertThat(reason(withCrc(patched(good, 7, 0)))).isEqualTo("byte 7: count 0 of frozen values, must be 1…96");
        assertThat(reason(withCrc(patched(good, 7, 97)))).isEqualTo("byte 7: count 97 of frozen values, must be 1…96");

        byte[] interval = patched(patched(good, 5, 0), 6, 0);
        assertThat(reason(withCrc(interval))).isEqualTo("bytes 5-6: interval 0 minutes between frozen values");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(420)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = WaterPayloadCodec.VERSION;
            }
            WaterPayloadCodec.Result r = WaterPayloadCodec.decode(bytes);
            if (r instanceof WaterPayloadCodec.Rejected rejected) {
                assertThat(rejected.reason()).isNotBlank();
            }
        }
        assertThat(WaterPayloadCodec.decode(null)).isInstanceOf(WaterPayloadCodec.Rejected.class);
    }

    @Test
    void encoderRefusesWhatTheLayoutCannotCarry() {
        assertThatThrownBy(() -> WaterPayloadCodec.encode(new WaterPayload(NEWEST_MS, 60, List.of(), 3.6, -80)))
                .hasMessageContaining("1…96");
        assertThatThrownBy(() -> WaterPayloadCodec.encode(new WaterPayload(NEWEST_MS, 0, List.of(1.0), 3.6, -80)))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> WaterPayloadCodec.encode(new WaterPayload(NEWEST_MS, 60, List.of(-1.0), 3.6, -80)))
                .hasMessageContaining("uint32 litres");
        assertThatThrownBy(() -> WaterPayloadCodec.encode(new WaterPayload(NEWEST_MS, 60, List.of(1.0), 3.6, -200)))
                .hasMessageContaining("int8");
    }

    static WaterPayload decoded(byte[] bytes) {
        WaterPayloadCodec.Result r = WaterPayloadCodec.decode(bytes);
        assertThat(r).isInstanceOf(WaterPayloadCodec.Decoded.class);
        return ((WaterPayloadCodec.Decoded) r).payload();
    }

    static String reason(byte[] bytes) {
        WaterPayloadCodec.Result r = WaterPayloadCodec.decode(bytes);
        assertThat(r).isInstanceOf(WaterPayloadCodec.Rejected.class);
        return ((WaterPayloadCodec.Rejected) r).reason();
    }

    static byte[] patched(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    static byte[] withCrc(byte[] bytes) {
        int crc = Crc16Modbus.of(bytes, 0, bytes.length - 2);
        bytes[bytes.length - 2] = (byte) crc;
        bytes[bytes.length - 1] = (byte) (crc >>> 8);
        return bytes;
    }

    /** Payloads whose values are exact on the wire: whole litres, mV and dBm; some slots not frozen. */
    static Gen<WaterPayload> payloads() {
        Gen<Double> volume = longs().between(0, 0xFFFF_FFFEL).zip(integers().between(0, 9),
                (litres, missing) -> missing == 0 ? Double.NaN : litres / 1000.0);
        Gen<Double> battery = integers().between(-1, 0xFFFE).map(mv -> mv < 0 ? Double.NaN : mv / 1000.0);
        Gen<Double> signal = integers().between(-129, 126).map(dbm -> dbm < -128 ? Double.NaN : (double) dbm);
        Gen<Long> newest = longs().between(0, 0xFFFF_FFFFL).map(s -> s * 1000);
        Gen<List<Double>> volumes = lists().of(volume).ofSizeBetween(1, 96).map(l -> new ArrayList<>(l));
        return newest.zip(integers().between(1, 0xFFFF), volumes, (t, interval, vs) -> new Object[] {t, interval, vs})
                .zip(battery, signal, (o, b, s) -> {
                    @SuppressWarnings("unchecked")
                    List<Double> vs = (List<Double>) o[2];
                    return new WaterPayload((Long) o[0], (Integer) o[1], vs, b, s);
                });
    }
}
