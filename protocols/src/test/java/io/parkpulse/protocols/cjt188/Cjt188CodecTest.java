package io.parkpulse.protocols.cjt188;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.parkpulse.protocols.cjt188.Cjt188Decoder.Decoded;
import io.parkpulse.protocols.cjt188.Cjt188Decoder.Rejected;
import io.parkpulse.protocols.cjt188.Cjt188Decoder.Result;
import io.parkpulse.protocols.cjt188.MeteringRead.Outcome;
import io.parkpulse.protocols.cjt188.MeteringRead.Read;
import io.parkpulse.protocols.cjt188.MeteringRead.Refused;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** CJ/T 188 frames: published wire vectors, the pitfalls of docs/domain.md §6.3, and properties over random frames. */
class Cjt188CodecTest {

    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.trim().toUpperCase());
    }

    static List<Cjt188Frame> frames(List<Result> results) {
        return results.stream().filter(r -> r instanceof Decoded).map(r -> ((Decoded) r).frame()).toList();
    }

    static Cjt188Frame only(String hex) {
        List<Result> results = Cjt188Decoder.decodeAll(bytes(hex));
        assertThat(results).as(hex).hasSize(1).allMatch(r -> r instanceof Decoded);
        return ((Decoded) results.get(0)).frame();
    }

    static MeteringData read(Cjt188Frame frame) {
        Outcome outcome = MeteringRead.decode(frame);
        assertThat(outcome).isInstanceOf(Read.class);
        return ((Read) outcome).data();
    }

    static String refusal(Cjt188Frame frame) {
        Outcome outcome = MeteringRead.decode(frame);
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).reason();
    }

    // ---- published vectors -------------------------------------------------------------------------------------

    /**
     * https://cnblogs.com/yangykaifa/p/7010777.html (reposted at hftangyu.com/563.html and elsewhere), "数据发送": a
     * metering-data read of cold-water meter 0011223344, manufacturer 7833, DI sent 1F 90.
     */
    @Test
    void annotated_blog_request_byte_for_byte() {
        byte[] address = Cjt188Address.toWire("78330011223344");
        assertThat(HEX.formatHex(address)).isEqualTo("44 33 22 11 00 33 78");
        Cjt188Frame request = MeteringRead.request(MeterType.COLD_WATER.code(), address, DiOrder.LOW_FIRST, 0);
        assertThat(HEX.formatHex(request.encode(4)))
                .isEqualTo("FE FE FE FE 68 10 44 33 22 11 00 33 78 01 03 1F 90 00 80 16");
        assertThat(only("FE FE FE FE 68 10 44 33 22 11 00 33 78 01 03 1F 90 00 80 16")).isEqualTo(request);
    }

    /**
     * Same page, "回复数据": the reply as published ends {@code 21 84 08 16}, but its bytes sum to 13, not 08 — the
     * much-reposted wrong example of docs/domain.md §6.3 — so it is rejected. github:hupengwu/fox-edge-server-protocol
     * {@code cjt188/Demo.java} publishes the same reply with checksum 13; that one decodes to the page's annotation:
     * 556677.00 m³ twice (unit 2C), 2015-05-11 22:01:31, status 21 84.
     */
    @Test
    void annotated_blog_reply_has_a_wrong_checksum_and_decodes_once_corrected() {
        String body = "68 10 44 33 22 11 00 33 78 81 16 1F 90 00 00 77 66 55 2C 00 77 66 55 2C 31 01 22 11 05 15 20 21 84";
        assertThat(Cjt188Decoder.decodeAll(bytes("FE FE FE FE " + body + " 08 16")).get(0))
                .isEqualTo(new Rejected("checksum 08 given, 13 computed", 1));

        Cjt188Frame frame = only(body + " 13 16");
        assertThat(frame.meterType()).isEqualTo(0x10);
        assertThat(Cjt188Address.fromWire(frame.address())).isEqualTo("78330011223344");
        Read read = (Read) MeteringRead.decode(frame);
        assertThat(read.order()).isEqualTo(DiOrder.LOW_FIRST);
        assertThat(read.data().currentFlowM3()).isEqualTo(556677.00);
        assertThat(read.data().settlementFlowM3()).isEqualTo(556677.00);
        assertThat(read.data().meterClock()).contains(LocalDateTime.of(2015, 5, 11, 22, 1, 31));
        assertThat(read.data().status()).isEqualTo(new MeterStatus(0x21, 0x84));
        assertThat(read.data().status().valveBits()).isEqualTo(1);
        assertThat(read.data().status().batteryLow()).isFalse();
    }

    /**
     * github:aixiwang/python_cjt188 {@code python_cjt188.py}, the commented self-test of {@code encode_cjt188} (DI
     * sent 90 1F) and of {@code decode_cjt188}: flows 10 00 10 00 = 1000.10 m³, clock all zeros, status 00 FF.
     */
    @Test
    void python_cjt188_self_test_vectors() {
        byte[] address = bytes("12 00 00 00 00 00 00");
        assertThat(HEX.formatHex(MeteringRead.request(0x10, address, DiOrder.HIGH_FIRST, 0).encode(0)))
                .isEqualTo("68 10 12 00 00 00 00 00 00 01 03 90 1F 00 3D 16");

        Cjt188Frame reply = only("FE FE FE 68 10 12 00 00 00 00 00 00 81 16 90 1F 00 10 00 10 00 2C"
                + " 10 00 10 00 2C 00 00 00 00 00 00 00 00 FF 67 16");
        assertThat(Cjt188Address.fromWire(reply.address())).isEqualTo("00000000000012");
        Read read = (Read) MeteringRead.decode(reply);
        assertThat(read.order()).isEqualTo(DiOrder.HIGH_FIRST);
        assertThat(read.data().currentFlowM3()).isEqualTo(1000.10);
        assertThat(read.data().settlementFlowM3()).isEqualTo(1000.10);
        assertThat(read.data().meterClock()).isEmpty();
        assertThat(read.data().status()).isEqualTo(new MeterStatus(0x00, 0xFF));
    }

    /** Same file, the commented read-address command: type AA, address AA×7, C=03, DI 81 0A, SER 00. */
    @Test
    void python_cjt188_read_address_command() {
        Cjt188Frame readAddress = new Cjt188Frame(MeterType.ANY, Cjt188Address.toWire(Cjt188Address.WILDCARD),
                Cjt188Frame.READ_ADDRESS, bytes("81 0A 00"));
        assertThat(HEX.formatHex(readAddress.encode(4)))
                .isEqualTo("FE FE FE FE 68 AA AA AA AA AA AA AA AA 03 03 81 0A 00 49 16");
    }

    /**
     * github:hupengwu/fox-edge-server-protocol: {@code CJT188ProtocolGetData.java} (javadoc) sends {@code 1F 90},
     * {@code TestUtils.java} also decodes {@code 90 1F}; the checksum is the same in both orders.
     */
    @Test
    void fox_edge_requests_in_both_identifier_orders() {
        byte[] address = Cjt188Address.toWire("00000805000001");
        assertThat(HEX.formatHex(MeteringRead.request(0x10, address, DiOrder.LOW_FIRST, 0).encode(0)))
                .isEqualTo("68 10 01 00 00 05 08 00 00 01 03 1F 90 00 39 16");
        assertThat(HEX.formatHex(MeteringRead.request(0x10, address, DiOrder.HIGH_FIRST, 0).encode(0)))
                .isEqualTo("68 10 01 00 00 05 08 00 00 01 03 90 1F 00 39 16");
    }

    /** Same repository, {@code Demo.java} / {@code TestUtils.java}: two water-meter replies with DI 90 1F. */
    @Test
    void fox_edge_water_meter_replies() {
        MeteringData first = read(only("FE FE FE 68 10 01 00 00 05 08 00 00 81 16 90 1F 00 00 23 01 00 2C"
                + " 00 00 00 00 2C 00 00 00 00 00 00 00 00 00 48 16"));
        assertThat(first.currentFlowM3()).isEqualTo(123.00);
        assertThat(first.settlementFlowM3()).isEqualTo(0.0);
        assertThat(first.meterClock()).isEmpty();

        Cjt188Frame frame = only("FE FE FE 68 10 18 02 12 20 20 00 00 81 16 90 1F 00 00 02 00 00 2C"
                + " 00 02 00 00 2C 00 00 00 00 00 00 00 00 FF 85 16");
        assertThat(Cjt188Address.fromWire(frame.address())).isEqualTo("00002020120218");
        assertThat(read(frame).currentFlowM3()).isEqualTo(2.00);
        assertThat(read(frame).status()).isEqualTo(new MeterStatus(0x00, 0xFF));
    }

    /**
     * Same files: read-address reply (83), write-address request (15, DI A0 18) and the vendor's valve reply (AA) —
     * frames, but no metering data.
     */
    @Test
    void fox_edge_address_and_valve_frames() {
        Cjt188Frame address = only("68 10 01 00 00 05 08 00 00 83 03 81 0A 00 97 16");
        assertThat(address.isReply()).isTrue();
        assertThat(address.function()).isEqualTo(Cjt188Frame.READ_ADDRESS);
        assertThat(refusal(address)).isEqualTo("control 83 is not a reply to a read of data (81)");

        Cjt188Frame write = only("68 10 02 00 00 05 08 00 00 15 0a a0 18 00 01 00 00 05 08 00 00 6C 16");
        assertThat(write.isReply()).isFalse();
        assertThat(write.function()).isEqualTo(Cjt188Frame.WRITE_ADDRESS);
        assertThat(Cjt188Address.fromWire(Arrays.copyOfRange(write.data(), 3, 10))).isEqualTo("00000805000001");

        Cjt188Frame valve = only("FE FE FE 68 10 01 00 00 05 08 00 00 AA 05 A0 17 00 01 FF EC 16");
        assertThat(valve.isReply()).isTrue();
        assertThat(valve.isAbnormal()).isFalse();
        assertThat(refusal(valve)).contains("control AA");
    }

    /** Meter types of the cnblogs page and python_cjt188's constants. */
    @Test
    void meter_types() {
        assertThat(MeterType.byCode(0x10)).contains(MeterType.COLD_WATER);
        assertThat(MeterType.byCode(0x30)).contains(MeterType.GAS);
        assertThat(MeterType.byCode(0x40)).contains(MeterType.ELECTRICITY);
        assertThat(MeterType.byCode(0x20)).contains(MeterType.HEAT_METER_HEATING);
        assertThat(MeterType.byCode(0x99)).isEmpty();
    }

    // ---- replies: units, abnormal, echoes ----------------------------------------------------------------------------

    static Cjt188Frame waterReply(String flow, String flowUnit, String clock) {
        return new Cjt188Frame(0x10, bytes("01 00 00 00 00 00 00"), 0x81,
                bytes("90 1F 07 " + flow + " " + flowUnit + " 00 00 00 00 2C " + clock + " 00 00"));
    }

    static final String NO_CLOCK = "00 00 00 00 00 00 00";

    @Test
    void flows_in_litres_become_cubic_metres() {
        assertThat(read(waterReply("56 34 12 00", "29", NO_CLOCK)).currentFlowM3()).isCloseTo(1.23456, within(1e-12));
        assertThat(read(waterReply("56 34 12 00", "29", NO_CLOCK)).serial()).isEqualTo(7);
    }

    @Test
    void unit_codes_convert_to_their_base_unit() {
        assertThat(Cjt188Unit.byCode(0x2C)).contains(Cjt188Unit.CUBIC_METRE);
        assertThat(Cjt188Unit.byCode(0x29).orElseThrow().toBase(1500)).isEqualTo(1.5);
        assertThat(Cjt188Unit.byCode(0x11).orElseThrow().toBase(1)).isCloseTo(277.7778, within(1e-4));
        assertThat(Cjt188Unit.byCode(0x0A).orElseThrow().toBase(2)).isEqualTo(200_000.0);
        assertThat(Cjt188Unit.byCode(0x13).orElseThrow().toBase(1)).isCloseTo(27_777.78, within(0.01));
        assertThat(Cjt188Unit.byCode(0x0E).orElseThrow().toBase(3.6)).isCloseTo(1.0, within(1e-12));
        assertThat(Cjt188Unit.byCode(0x14).orElseThrow().toBase(1500)).isEqualTo(1.5);
        assertThat(Cjt188Unit.byCode(0x32).orElseThrow().toBase(250)).isEqualTo(0.25);
        assertThat(Cjt188Unit.byCode(0x32).orElseThrow().dimension().base()).isEqualTo("m³/h");
        assertThat(Cjt188Unit.byCode(0x7F)).isEmpty();
    }

    @Test
    void unknown_or_non_volume_units_are_refused_naming_the_code() {
        assertThat(refusal(waterReply("00 00 01 00", "7F", NO_CLOCK))).isEqualTo("current cumulative flow: unknown unit code 7F");
        assertThat(refusal(waterReply("00 00 01 00", "05", NO_CLOCK)))
                .isEqualTo("current cumulative flow: unit 05 (kWh) is not a volume");
        assertThat(refusal(waterReply("0A 00 01 00", "2C", NO_CLOCK)))
                .isEqualTo("current cumulative flow: value byte 0 is 0A, not BCD");
    }

    @Test
    void a_clock_that_is_not_a_time_is_flagged_and_the_flows_are_kept() {
        MeteringData noSuchDay = read(waterReply("00 00 01 00", "2C", "31 01 22 11 13 15 20"));
        assertThat(noSuchDay.currentFlowM3()).isEqualTo(read(waterReply("00 00 01 00", "2C", NO_CLOCK)).currentFlowM3()).isPositive();
        assertThat(noSuchDay.meterClock()).isEmpty();
        assertThat(noSuchDay.clockProblem()).hasValueSatisfying(p -> assertThat(p).contains("31 01 22 11 13 15 20").contains("is not a time"));

        MeteringData notBcd = read(waterReply("00 00 01 00", "2C", "3A 01 22 11 05 15 20"));
        assertThat(notBcd.currentFlowM3()).isEqualTo(noSuchDay.currentFlowM3());
        assertThat(notBcd.clockProblem()).contains("real time: byte 0 is 3A, not BCD");
    }

    @Test
    void a_clock_in_the_other_byte_order_is_never_read_as_a_far_year() {
        // 2015-05-11 22:01:31 written highest byte first: read lowest first it would be the year 3101
        MeteringData reversed = read(waterReply("00 00 01 00", "2C", "20 15 05 11 22 01 31"));
        assertThat(reversed.currentFlowM3()).isEqualTo(read(waterReply("00 00 01 00", "2C", NO_CLOCK)).currentFlowM3());
        assertThat(reversed.meterClock()).isEmpty();
        assertThat(reversed.clockProblem()).hasValueSatisfying(p -> assertThat(p).contains("the year 3101").contains("2000–2099"));
    }

    @Test
    void abnormal_replies_echoes_and_other_identifiers_are_refused_with_a_reason() {
        Cjt188Frame abnormal = new Cjt188Frame(0x10, bytes("01 00 00 00 00 00 00"), 0xC1, bytes("90 1F 00"));
        assertThat(refusal(abnormal)).isEqualTo("the meter answered abnormally (control C1): data 90 1F 00");
        Cjt188Frame echo = MeteringRead.request(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.HIGH_FIRST, 0);
        assertThat(refusal(echo)).startsWith("control 01 is a request");
        Cjt188Frame other = new Cjt188Frame(0x10, bytes("01 00 00 00 00 00 00"), 0x81,
                bytes("90 2F 00 00 00 00 00 2C 00 00 00 00 2C 00 00 00 00 00 00 00 00 00"));
        assertThat(refusal(other)).isEqualTo("identifier 90 2F is not 901F in either byte order");
        Cjt188Frame heat = new Cjt188Frame(0x20, bytes("01 00 00 00 00 00 00"), 0x81, new byte[46]);
        assertThat(refusal(heat)).isEqualTo("a water or gas meter's metering-data reply has 22 data bytes, got 46"
                + " (the length of a heat meter's reply)");
    }

    @Test
    void addresses_are_printed_highest_byte_first() {
        assertThat(HEX.formatHex(Cjt188Address.toWire(Cjt188Address.WILDCARD))).isEqualTo("AA AA AA AA AA AA AA");
        assertThatThrownBy(() -> Cjt188Address.toWire("123")).hasMessageContaining("14 hexadecimal digits");
    }

    // ---- the pitfalls of docs/domain.md §6.3 ----------------------------------------------------------------------------

    @Test
    void a_checksum_of_16_does_not_end_the_frame_early() {
        Cjt188Frame frame = null;
        for (int serial = 0; serial < 256; serial++) {
            Cjt188Frame candidate = MeteringRead.request(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.HIGH_FIRST, serial);
            byte[] wire = candidate.encode(0);
            if (wire[wire.length - 2] == 0x16) {
                frame = candidate;
            }
        }
        assertThat(frame).isNotNull();
        assertThat(frames(Cjt188Decoder.decodeAll(frame.encode(0)))).containsExactly(frame);
    }

    @Test
    void wake_up_bytes_noise_and_back_to_back_frames() {
        byte[] frame = MeteringRead.request(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.HIGH_FIRST, 1).encode(0);
        for (int preamble = 0; preamble <= 4; preamble++) {
            byte[] fe = new byte[preamble];
            Arrays.fill(fe, (byte) 0xFE);
            assertThat(Cjt188Decoder.decodeAll(concat(fe, frame))).hasSize(1).allMatch(r -> r instanceof Decoded);
        }
        List<Result> results = Cjt188Decoder.decodeAll(concat(bytes("01 02"), frame, frame));
        assertThat(results.get(0)).isEqualTo(new Rejected(
                "2 byte(s) before a frame that are neither wake-up bytes (FE) nor a frame start (68)", 2));
        assertThat(frames(results)).hasSize(2);
    }

    /** A frame cut off after its length byte (promising 255 data bytes) does not hide the complete reply behind it. */
    @Test
    void a_stray_68_does_not_swallow_the_frame_behind_it() {
        byte[] reply = MeteringRead.reply(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.HIGH_FIRST,
                new MeteringData(0, 12.5, 10, Optional.empty(), MeterStatus.NORMAL), Cjt188Unit.CUBIC_METRE).encode(3);
        Cjt188Decoder decoder = new Cjt188Decoder();
        decoder.append(concat(bytes("68 10 01 00 00 00 00 00 00 81 FF"), reply));
        assertThat(decoder.next()).isEqualTo(new Rejected(
                "a 68 promising 255 data bytes, given up because a complete frame starts 14 byte(s) after it", 14));
        assertThat(decoder.next()).isInstanceOf(Decoded.class);
        assertThat(decoder.next()).isNull();
    }

    @Test
    void a_frame_split_over_reads_waits_for_its_rest() {
        byte[] frame = MeteringRead.reply(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.LOW_FIRST,
                new MeteringData(3, 1, 1, Optional.empty(), MeterStatus.NORMAL), Cjt188Unit.CUBIC_METRE).encode(2);
        Cjt188Decoder decoder = new Cjt188Decoder();
        decoder.append(frame, 0, 12);
        assertThat(decoder.next()).isNull();
        decoder.append(frame, 12, frame.length - 12);
        assertThat(decoder.next()).isInstanceOf(Decoded.class);
        assertThat(decoder.next()).isNull();
        assertThat(decoder.finish()).isNull();
    }

    @Test
    void a_bad_frame_costs_only_itself() {
        byte[] good = MeteringRead.request(0x10, bytes("01 00 00 00 00 00 00"), DiOrder.LOW_FIRST, 9).encode(0);
        byte[] bad = good.clone();
        bad[bad.length - 2] ^= 1;
        List<Result> results = Cjt188Decoder.decodeAll(concat(bad, good));
        assertThat(results.get(0)).isInstanceOf(Rejected.class);
        assertThat(frames(results)).containsExactly(frames(Cjt188Decoder.decodeAll(good)).get(0));
        assertThat(Cjt188Decoder.decodeAll(Arrays.copyOf(good, good.length - 1)))
                .containsExactly(new Rejected("15 byte(s) of an incomplete frame at the end of the input", 15));
        byte[] wrongEnd = good.clone();
        wrongEnd[wrongEnd.length - 1] = 0x17;
        assertThat(Cjt188Decoder.decodeAll(wrongEnd).get(0))
                .isEqualTo(new Rejected("a frame with 3 data bytes must end in 16, found 17", 1));
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    @Test
    void any_frame_survives_encoding_and_decoding() {
        // type and control code share one generator: quicktheories takes at most four
        qt().forAll(integers().between(0, 0xFFFF), byteArrays(7, 7), byteArrays(0, 255), integers().between(0, 4))
                .checkAssert((typeAndControl, address, data, preamble) -> {
                    Cjt188Frame frame = new Cjt188Frame(typeAndControl >> 8, address, typeAndControl & 0xFF, data);
                    assertThat(frames(Cjt188Decoder.decodeAll(frame.encode(preamble)))).containsExactly(frame);
                });
    }

    @Test
    void any_flow_unit_and_clock_survive_a_reply() {
        Gen<LocalDateTime> clocks = longs().between(0, 3_155_673_599L) // 2000-01-01 to 2099-12-31T23:59:59: the years a meter shows
                .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s));
        // bit 8 of serialAndUnit picks the unit: quicktheories takes at most four generators
        qt().forAll(longs().between(0, 99_999_999), longs().between(0, 99_999_999), clocks, integers().between(0, 511))
                .checkAssert((current, settlement, clock, serialAndUnit) -> {
                    int serial = serialAndUnit & 0xFF;
                    Cjt188Unit unit = serialAndUnit > 255 ? Cjt188Unit.LITRE : Cjt188Unit.CUBIC_METRE;
                    MeteringData data = new MeteringData(serial, unit.toBase(current / 100.0),
                            unit.toBase(settlement / 100.0), Optional.of(clock), new MeterStatus(serial, 255 - serial));
                    for (DiOrder order : DiOrder.values()) {
                        Cjt188Frame frame = MeteringRead.reply(0x10, bytes("44 33 22 11 00 33 78"), order, data, unit);
                        Read read = (Read) MeteringRead.decode(frames(Cjt188Decoder.decodeAll(frame.encode(3))).get(0));
                        assertThat(read.order()).isEqualTo(order);
                        assertThat(read.data().currentFlowM3()).isCloseTo(data.currentFlowM3(), within(1e-9));
                        assertThat(read.data().settlementFlowM3()).isCloseTo(data.settlementFlowM3(), within(1e-9));
                        assertThat(read.data().meterClock()).isEqualTo(data.meterClock());
                        assertThat(read.data().status()).isEqualTo(data.status());
                        assertThat(read.data().serial()).isEqualTo(serial);
                    }
                });
    }

    /** Every single-bit flip inside a frame is caught, with a reason; nothing escapes as an exception. */
    @Test
    void every_single_bit_flip_is_rejected_with_a_reason() {
        List<Cjt188Frame> samples = List.of(
                MeteringRead.request(0x10, Cjt188Address.toWire("78330011223344"), DiOrder.LOW_FIRST, 0),
                only("68 10 44 33 22 11 00 33 78 81 16 1F 90 00 00 77 66 55 2C 00 77 66 55 2C 31 01 22 11 05 15 20 21 84 13 16"),
                only("68 10 01 00 00 05 08 00 00 83 03 81 0A 00 97 16"));
        for (Cjt188Frame frame : samples) {
            byte[] wire = frame.encode(0);
            for (int i = 0; i < wire.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] corrupt = wire.clone();
                    corrupt[i] ^= (byte) (1 << bit);
                    List<Result> results = Cjt188Decoder.decodeAll(corrupt);
                    assertThat(frames(results)).as("byte %d bit %d of %s", i, bit, frame).doesNotContain(frame);
                    assertThat(results).as("byte %d bit %d", i, bit).anySatisfy(r -> assertThat(r).isInstanceOf(Rejected.class));
                }
            }
        }
    }

    @Test
    void random_bytes_never_throw() {
        qt().forAll(byteArrays(0, 600)).checkAssert(noise -> {
            List<Result> results = Cjt188Decoder.decodeAll(concat(noise, bytes("68 68")));
            int accounted = 0;
            for (Result r : results) {
                accounted += r instanceof Rejected rej ? rej.bytes() : 0;
            }
            assertThat(accounted).isLessThanOrEqualTo(noise.length + 2);
        });
    }

    @Test
    void random_replies_never_throw() {
        qt().forAll(integers().between(0, 255), byteArrays(0, 40)).checkAssert((control, data) -> {
            Outcome outcome = MeteringRead.decode(new Cjt188Frame(0x10, new byte[7], control, data));
            if (outcome instanceof Refused refused) {
                assertThat(refused.reason()).isNotBlank();
            }
        });
        // the right shape with random content: refused or read, never thrown
        qt().forAll(byteArrays(19, 19)).checkAssert(rest -> {
            Outcome outcome = MeteringRead.decode(new Cjt188Frame(0x10, new byte[7], 0x81, concat(bytes("90 1F 00"), rest)));
            assertThat(outcome).isNotNull();
        });
    }

    static Gen<byte[]> byteArrays(int min, int max) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(min, max).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i).byteValue();
            }
            return out;
        });
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
