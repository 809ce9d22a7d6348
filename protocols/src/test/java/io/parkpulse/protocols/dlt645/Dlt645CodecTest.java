package io.parkpulse.protocols.dlt645;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.integers;

import io.parkpulse.protocols.dlt645.Dlt645Decoder.Decoded;
import io.parkpulse.protocols.dlt645.Dlt645Decoder.Rejected;
import io.parkpulse.protocols.dlt645.Dlt645Decoder.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DL/T 645-2007 frames: published wire vectors, the pitfalls of docs/domain.md §6.3, and properties over random frames. */
class Dlt645CodecTest {

    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    static List<Dlt645Frame> frames(List<Result> results) {
        return results.stream().filter(r -> r instanceof Decoded).map(r -> ((Decoded) r).frame()).toList();
    }

    // ---- published vectors -------------------------------------------------------------------------------------

    /** github:600888/dlt645 cpp/tests/core_test.cpp, "Python read-address wire vector". */
    @Test
    void read_address_on_the_wildcard_address() {
        byte[] wire = new Dlt645Frame(MeterAddress.WILDCARD, Dlt645Frame.READ_ADDRESS, new byte[0]).encode(4);
        assertThat(HEX.formatHex(wire)).isEqualTo("FE FE FE FE 68 AA AA AA AA AA AA 68 13 00 DF 16");
    }

    /** Same source, "Python write-address wire vector": data bytes carry +0x33. */
    @Test
    void write_address_adds_33_to_every_data_byte() {
        byte[] address = bytes("12 34 56 78 10 12");
        byte[] wire = new Dlt645Frame(address, Dlt645Frame.WRITE_ADDRESS, bytes("12 34 56 78 10 13")).encode(4);
        assertThat(HEX.formatHex(wire)).isEqualTo("FE FE FE FE 68 12 34 56 78 10 12 68 15 06 45 67 89 AB 43 46 8A 16");
        assertThat(frames(Dlt645Decoder.decodeAll(wire))).singleElement()
                .satisfies(f -> assertThat(f.data()).isEqualTo(bytes("12 34 56 78 10 13")));
    }

    /** Same source, "Python time-sync wire vector": broadcast address 99…99, control 08. */
    @Test
    void broadcast_time_sync() {
        byte[] wire = new Dlt645Frame(MeterAddress.BROADCAST, Dlt645Frame.BROADCAST_TIME, bytes("25 11 02 12 34 56")).encode(4);
        assertThat(HEX.formatHex(wire)).isEqualTo("FE FE FE FE 68 99 99 99 99 99 99 68 08 06 58 44 35 45 67 89 7A 16");
    }

    /**
     * github:olivenet-iot/ivy-4g-gateway .claude/protocols.md, "Read Total Active Energy": request and reply of
     * meter 000000001234, value 1234.56 kWh. The published request carries checksum B2; the right one is F7 (one of
     * the wrong published frames docs/domain.md §6.3 warns about), so it is rejected and ours differs only there.
     */
    @Test
    void read_total_active_energy_as_published() {
        byte[] published = bytes("68 34 12 00 00 00 00 68 11 04 33 33 33 33 B2 16");
        assertThat(Dlt645Decoder.decodeAll(published).get(0)).isEqualTo(new Rejected("checksum B2 given, F7 computed", 1));
        byte[] address = MeterAddress.toWire("000000001234");
        assertThat(HEX.formatHex(ReadReply.request(address, DataIdentifier.COMBINED_ACTIVE_ENERGY).encode(0)))
                .isEqualTo("68 34 12 00 00 00 00 68 11 04 33 33 33 33 F7 16");

        // the reply as published, with its checksum (left "XX" there) computed: E3
        byte[] reply = bytes("68 34 12 00 00 00 00 68 91 08 33 33 33 33 89 67 45 33 E3 16");
        Dlt645Frame frame = frames(Dlt645Decoder.decodeAll(reply)).get(0);
        assertThat(MeterAddress.fromWire(frame.address())).isEqualTo("000000001234");
        ReadReply r = ReadReply.of(frame, DataIdentifier.COMBINED_ACTIVE_ENERGY);
        assertThat(r.value()).isEqualTo(1234.56);
        assertThat(r.identifier().quantity().wireName()).isEqualTo("energy_kwh");
    }

    // ---- the identifiers beyond energy, power and phase A (docs/gateway.md "DL/T 645-2007") ---------------------

    /**
     * 01 01 00 00, forward active maximum demand and when: 8 value bytes sent as one field lowest digits first — the
     * time's minute, hour, day, month, year, then XX.XXXX kW (github:bobyuxinyang/dlt645_2007 dlt645_api_07.c,
     * trans_d07_data_XX_XXXX_YYMMDDhhmm with d07_bcd2str reading the field from its last byte).
     */
    @Test
    void maximum_demand_and_when_it_occurred() {
        byte[] data = bytes("00 00 01 01 30 14 05 11 26 56 34 12");
        Dlt645Frame reply = new Dlt645Frame(MeterAddress.toWire("000000001234"), 0x91, data);
        Dlt645Frame wire = frames(Dlt645Decoder.decodeAll(reply.encode(2))).get(0);

        ReadReply r = ReadReply.of(wire, DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND);

        assertThat(r.value()).isEqualTo(12.3456);
        assertThat(r.time()).contains(java.time.LocalDateTime.of(2026, 11, 5, 14, 30));
        assertThat(r.timeProblem()).isNull();
        assertThat(r.identifier().quantity().wireName()).isEqualTo("max_demand_kw");
        assertThat(r.identifier().timeQuantity().wireName()).isEqualTo("max_demand_at");
        assertThat(HEX.formatHex(DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND.encode(12.3456, java.time.LocalDateTime.of(2026, 11, 5, 14, 30))))
                .isEqualTo("30 14 05 11 26 56 34 12");
    }

    @Test
    void a_demand_time_that_is_no_time_keeps_the_demand_and_says_why() {
        byte[] address = MeterAddress.toWire("000000001234");
        ReadReply noSuchDay = ReadReply.of(new Dlt645Frame(address, 0x91, bytes("00 00 01 01 30 14 32 11 26 00 50 01")),
                DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND);
        assertThat(noSuchDay.value()).isEqualTo(1.5);
        assertThat(noSuchDay.time()).isEmpty();
        assertThat(noSuchDay.timeProblem()).startsWith("FORWARD_ACTIVE_MAX_DEMAND: 26-11-32 14:30 is no time");

        ReadReply notBcd = ReadReply.of(new Dlt645Frame(address, 0x91, bytes("00 00 01 01 3A 14 05 11 26 00 50 01")),
                DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND);
        assertThat(notBcd.timeProblem()).isEqualTo("FORWARD_ACTIVE_MAX_DEMAND: time byte 0 is 3A, not BCD");

        ReadReply none = ReadReply.of(new Dlt645Frame(address, 0x91, bytes("00 00 01 01 00 00 00 00 00 00 00 00")),
                DataIdentifier.FORWARD_ACTIVE_MAX_DEMAND);
        assertThat(none.value()).isZero();
        assertThat(none.time()).as("no demand since the last clearing: no time, and nothing wrong").isEmpty();
        assertThat(none.timeProblem()).isNull();
    }

    /** The codes of appendix A as github:bobyuxinyang/dlt645_2007 and github:600888/dlt645 decode them. */
    @Test
    void tariff_settlement_reactive_apparent_and_phase_identifiers() {
        assertThat(DataIdentifier.FORWARD_ACTIVE_ENERGY_T1.code()).isEqualTo(0x00010100);
        assertThat(DataIdentifier.FORWARD_ACTIVE_ENERGY_T4.code()).isEqualTo(0x00010400);
        assertThat(HEX.formatHex(DataIdentifier.SETTLED_FORWARD_ACTIVE_ENERGY.wire())).as("DI0 = 01: the last settlement")
                .isEqualTo("01 00 01 00");
        assertThat(DataIdentifier.COMBINED_REACTIVE_ENERGY.code()).isEqualTo(0x00030000);
        assertThat(DataIdentifier.Q1_REACTIVE_ENERGY.code()).isEqualTo(0x00050000);
        assertThat(DataIdentifier.Q4_REACTIVE_ENERGY.code()).isEqualTo(0x00080000);
        assertThat(DataIdentifier.FORWARD_APPARENT_ENERGY.code()).isEqualTo(0x00090000);
        assertThat(DataIdentifier.TOTAL_APPARENT_POWER.code()).isEqualTo(0x02050000);
        assertThat(DataIdentifier.L3_VOLTAGE.code()).isEqualTo(0x02010300);
        assertThat(DataIdentifier.L2_CURRENT.code()).isEqualTo(0x02020200);
        assertThat(DataIdentifier.L1_ACTIVE_POWER.code()).isEqualTo(0x02030100);

        // 2 345.67 kWh in tariff 2 (峰): 67 45 23 00
        assertThat(DataIdentifier.FORWARD_ACTIVE_ENERGY_T2.decode(bytes("67 45 23 00"), 0)).isEqualTo(2345.67);
        // combined reactive energy carries a sign: -123.45 kvarh
        assertThat(HEX.formatHex(DataIdentifier.COMBINED_REACTIVE_ENERGY.encode(-123.45))).isEqualTo("45 23 01 80");
        assertThat(DataIdentifier.COMBINED_REACTIVE_ENERGY.decode(bytes("45 23 01 80"), 0)).isEqualTo(-123.45);
        // phase C current XXX.XXX A, signed: 12.345 A
        assertThat(DataIdentifier.L3_CURRENT.decode(bytes("45 23 01"), 0)).isEqualTo(12.345);
    }

    @Test
    void phase_a_goes_by_two_names_and_a_profile_picks_one() {
        assertThat(DataIdentifier.byCode(0x02010100)).containsExactly(DataIdentifier.PHASE_A_VOLTAGE, DataIdentifier.L1_VOLTAGE);
        assertThat(DataIdentifier.of(0x02010100, io.parkpulse.contract.Quantity.VOLTAGE_L1_V)).contains(DataIdentifier.L1_VOLTAGE);
        assertThat(DataIdentifier.of(0x02010100, io.parkpulse.contract.Quantity.VOLTAGE_V)).contains(DataIdentifier.PHASE_A_VOLTAGE);
        assertThat(DataIdentifier.of(0x02010100, io.parkpulse.contract.Quantity.CURRENT_A)).isEmpty();
        assertThat(DataIdentifier.byCode(0x12345678)).isEmpty();
    }

    /** docs/domain.md §6.1: meter 123456789012 is sent 12 90 78 56 34 12. */
    @Test
    void addresses_are_bcd_lowest_byte_first() {
        assertThat(HEX.formatHex(MeterAddress.toWire("123456789012"))).isEqualTo("12 90 78 56 34 12");
        assertThat(MeterAddress.fromWire(bytes("12 90 78 56 34 12"))).isEqualTo("123456789012");
        assertThatThrownBy(() -> MeterAddress.fromWire(MeterAddress.WILDCARD)).hasMessageContaining("not BCD");
        assertThatThrownBy(() -> MeterAddress.toWire("12345678901x")).hasMessageContaining("12 decimal digits");
    }

    // ---- the pitfalls of docs/domain.md §6.3 ----------------------------------------------------------------------------

    /** A phase-A current reply whose checksum is 16: the end is found by the length, not by scanning for 16. */
    @Test
    void a_checksum_of_16_does_not_end_the_frame_early() {
        byte[] wire = bytes("68 01 00 00 00 00 00 68 91 07 33 34 35 35 76 33 33 16 16");
        Dlt645Frame frame = frames(Dlt645Decoder.decodeAll(wire)).get(0);
        assertThat(ReadReply.of(frame, DataIdentifier.PHASE_A_CURRENT).value()).isEqualTo(0.043);
    }

    @Test
    void wake_up_bytes_noise_and_back_to_back_frames() {
        byte[] frame = ReadReply.request(MeterAddress.toWire("1"), DataIdentifier.PHASE_A_VOLTAGE).encode(0);
        for (int preamble = 0; preamble <= 4; preamble++) {
            byte[] fe = new byte[preamble];
            Arrays.fill(fe, (byte) 0xFE);
            assertThat(Dlt645Decoder.decodeAll(concat(fe, frame))).hasSize(1).allMatch(r -> r instanceof Decoded);
        }
        List<Result> results = Dlt645Decoder.decodeAll(concat(bytes("01 68 02"), frame, frame));
        assertThat(results).hasSize(5);
        assertThat(results.get(0)).isEqualTo(new Rejected(
                "1 byte(s) before a frame that are neither wake-up bytes (FE) nor a frame start (68)", 1));
        // the lone 68 has no second 68 where it belongs, and the 02 after it is noise again
        assertThat(results.get(1)).isEqualTo(new Rejected("68 not followed by a second 68 after the 6 address bytes (found 00)", 1));
        assertThat(results.get(2)).isInstanceOf(Rejected.class);
        assertThat(frames(results)).hasSize(2);
    }

    @Test
    void a_frame_split_over_reads_waits_for_its_rest() {
        byte[] frame = new Dlt645Frame(MeterAddress.toWire("42"), 0x91, bytes("00 01 01 02 34 12")).encode(2);
        Dlt645Decoder decoder = new Dlt645Decoder();
        decoder.append(frame, 0, 7);
        assertThat(decoder.next()).isNull();
        decoder.append(frame, 7, frame.length - 7);
        assertThat(decoder.next()).isInstanceOf(Decoded.class);
        assertThat(decoder.next()).isNull();
        assertThat(decoder.finish()).isNull();
    }

    @Test
    void a_bad_frame_costs_only_itself() {
        byte[] good = ReadReply.request(MeterAddress.toWire("7"), DataIdentifier.GRID_FREQUENCY).encode(0);
        byte[] bad = good.clone();
        bad[bad.length - 2] ^= 1;
        List<Result> results = Dlt645Decoder.decodeAll(concat(bad, good));
        assertThat(results.get(0)).isInstanceOf(Rejected.class);
        assertThat(frames(results)).containsExactly(frames(Dlt645Decoder.decodeAll(good)).get(0));
        assertThat(Dlt645Decoder.decodeAll(Arrays.copyOf(good, good.length - 1)))
                .containsExactly(new Rejected("15 byte(s) of an incomplete frame at the end of the input", 15));
    }

    /** An abnormal reply (D1) carries one byte of error bits (docs/domain.md §6.1). */
    @Test
    void abnormal_replies_say_which_errors() {
        Dlt645Frame frame = frames(Dlt645Decoder.decodeAll(
                new Dlt645Frame(MeterAddress.toWire("1"), 0xD1, new byte[] {0x06}).encode(0))).get(0);
        assertThat(frame.isAbnormal()).isTrue();
        ReadReply r = ReadReply.of(frame, DataIdentifier.FORWARD_ACTIVE_ENERGY);
        assertThat(r.errors()).containsExactly("no requested data", "password or authorisation error");
        assertThat(r.value()).isNaN();
    }

    /** Request echoes on a half-duplex bus look like frames; the direction bit tells them apart. */
    @Test
    void replies_to_other_questions_and_echoes_are_refused_with_a_reason() {
        Dlt645Frame echo = ReadReply.request(MeterAddress.toWire("1"), DataIdentifier.PHASE_A_VOLTAGE);
        assertThat(echo.isReply()).isFalse();
        assertThatThrownBy(() -> ReadReply.of(echo, DataIdentifier.PHASE_A_VOLTAGE)).hasMessageContaining("not a reply");
        Dlt645Frame voltage = new Dlt645Frame(MeterAddress.toWire("1"), 0x91, concat(DataIdentifier.PHASE_A_VOLTAGE.wire(), bytes("05 22")));
        assertThat(ReadReply.of(voltage, DataIdentifier.PHASE_A_VOLTAGE).value()).isEqualTo(220.5);
        assertThatThrownBy(() -> ReadReply.of(voltage, DataIdentifier.GRID_FREQUENCY)).hasMessageContaining("02010100");
        Dlt645Frame notBcd = new Dlt645Frame(MeterAddress.toWire("1"), 0x91, concat(DataIdentifier.PHASE_A_VOLTAGE.wire(), bytes("0A 22")));
        assertThatThrownBy(() -> ReadReply.of(notBcd, DataIdentifier.PHASE_A_VOLTAGE)).hasMessageContaining("not BCD");
    }

    @Test
    void signed_values_carry_their_sign_in_the_top_bit() {
        assertThat(DataIdentifier.TOTAL_ACTIVE_POWER.decode(bytes("34 12 80"), 0)).isEqualTo(-0.1234);
        assertThat(HEX.formatHex(DataIdentifier.TOTAL_ACTIVE_POWER.encode(-0.1234))).isEqualTo("34 12 80");
        assertThat(DataIdentifier.TOTAL_POWER_FACTOR.decode(bytes("95 09"), 0)).isEqualTo(0.995);
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    @Test
    void any_frame_survives_encoding_and_decoding() {
        qt().forAll(byteArrays(6, 6), integers().between(0, 255), byteArrays(0, 255), integers().between(0, 4))
                .checkAssert((address, control, data, preamble) -> {
                    Dlt645Frame frame = new Dlt645Frame(address, control, data);
                    assertThat(frames(Dlt645Decoder.decodeAll(frame.encode(preamble)))).containsExactly(frame);
                });
    }

    @Test
    void any_value_survives_encoding_and_decoding() {
        for (DataIdentifier d : DataIdentifier.values()) {
            if (d.hasTime()) {
                continue; // the demand's number and time: maximum_demand_and_when_it_occurred
            }
            // signed: the top bit is the sign, so the top digit runs 0-7; unsigned: every digit 0-9
            long limit = d.signed() ? 8 * (long) Math.pow(10, 2 * d.bytes() - 1) : (long) Math.pow(10, 2 * d.bytes());
            qt().forAll(longs().between(-limit + 1, limit - 1)).checkAssert(n -> {
                double value = (d.signed() ? n : Math.abs(n)) / Math.pow(10, d.decimals());
                assertThat(d.decode(d.encode(value), 0)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
            });
        }
    }

    /** Found end to end: 12.3456 kW was refused because the sign bit was taken to cost a whole digit. */
    @Test
    void signed_values_use_every_digit_below_the_sign_bit() {
        DataIdentifier power = DataIdentifier.TOTAL_ACTIVE_POWER;
        assertThat(HEX.formatHex(power.encode(12.3456))).isEqualTo("56 34 12");
        assertThat(HEX.formatHex(power.encode(-79.9999))).isEqualTo("99 99 F9");
        assertThat(power.decode(power.encode(-79.9999), 0)).isEqualTo(-79.9999);
        assertThatThrownBy(() -> power.encode(80.0)).hasMessageContaining("does not fit");
    }

    /** Every single-bit flip inside a frame is caught, with a reason; nothing escapes as an exception. */
    @Test
    void every_single_bit_flip_is_rejected_with_a_reason() {
        List<Dlt645Frame> samples = List.of(
                ReadReply.request(MeterAddress.toWire("000000001234"), DataIdentifier.FORWARD_ACTIVE_ENERGY),
                new Dlt645Frame(MeterAddress.toWire("123456789012"), 0x91, concat(DataIdentifier.PHASE_A_CURRENT.wire(), bytes("43 00 00"))),
                new Dlt645Frame(MeterAddress.WILDCARD, Dlt645Frame.READ_ADDRESS, new byte[0]));
        for (Dlt645Frame frame : samples) {
            byte[] wire = frame.encode(0);
            for (int i = 0; i < wire.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] corrupt = wire.clone();
                    corrupt[i] ^= (byte) (1 << bit);
                    List<Result> results = Dlt645Decoder.decodeAll(corrupt);
                    assertThat(frames(results)).as("byte %d bit %d of %s", i, bit, frame).doesNotContain(frame);
                    assertThat(results).as("byte %d bit %d", i, bit).anySatisfy(r -> assertThat(r).isInstanceOf(Rejected.class));
                }
            }
        }
    }

    @Test
    void random_bytes_never_throw() {
        qt().forAll(byteArrays(0, 600))
                .checkAssert(noise -> {
                    List<Result> results = Dlt645Decoder.decodeAll(concat(noise, bytes("68 68")));
                    int accounted = 0;
                    for (Result r : results) {
                        accounted += r instanceof Rejected rej ? rej.bytes() : 0;
                    }
                    assertThat(accounted).isLessThanOrEqualTo(noise.length + 2);
                });
    }

    static org.quicktheories.core.Gen<byte[]> byteArrays(int min, int max) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(min, max).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i).byteValue();
            }
            return out;
        });
    }

    static byte[] concat(byte[]... parts) {
        List<Byte> all = new ArrayList<>();
        for (byte[] p : parts) {
            for (byte b : p) {
                all.add(b);
            }
        }
        byte[] out = new byte[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
