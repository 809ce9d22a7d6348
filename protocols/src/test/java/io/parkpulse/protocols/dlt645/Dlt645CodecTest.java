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
