package io.parkpulse.protocols.modbus;

import static io.parkpulse.protocols.modbus.DataType.FLOAT32;
import static io.parkpulse.protocols.modbus.DataType.INT16;
import static io.parkpulse.protocols.modbus.DataType.INT32;
import static io.parkpulse.protocols.modbus.DataType.UINT16;
import static io.parkpulse.protocols.modbus.DataType.UINT32;
import static io.parkpulse.protocols.modbus.RegisterTable.HOLDING;
import static io.parkpulse.protocols.modbus.RegisterTable.INPUT;
import static io.parkpulse.protocols.modbus.WordOrder.HIGH_FIRST;
import static io.parkpulse.protocols.modbus.WordOrder.LOW_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModbusValuesTest {

    static RegisterValue at(int address, DataType type, WordOrder order, double scale) {
        return new RegisterValue(INPUT, address, type, order, scale);
    }

    static double number(DecodedValue decoded) {
        assertThat(decoded).isInstanceOf(DecodedValue.Number.class);
        return ((DecodedValue.Number) decoded).value();
    }

    static String reason(DecodedValue decoded) {
        assertThat(decoded).isInstanceOf(DecodedValue.Rejected.class);
        return ((DecodedValue.Rejected) decoded).reason();
    }

    @Nested
    class KnownVectors {

        /** IEEE 754 single: 230.0 = 1.796875 × 2⁷ → sign 0, exponent 134 (0x86), mantissa 0x660000 → 0x43660000. */
        @Test
        void float32_230_volts_high_word_first_as_eastron_sends_it() {
            RegisterValue voltage = at(0x0000, FLOAT32, HIGH_FIRST, 1);
            assertThat(number(RegisterCodec.decode(voltage, new int[] {0x4366, 0x0000}))).isEqualTo(230.0);
            assertThat(RegisterCodec.encode(voltage, 230.0)).containsExactly(0x4366, 0x0000);
        }

        /**
         * Siemens SITRANS F Modbus RTU operating instructions (A5E00753974-AB, 03/2021), appendix B.8 "Float
         * definition", table B-12 and its example: register N holds the high word.
         */
        @Test
        void float32_vectors_from_the_siemens_sitrans_f_manual() {
            RegisterValue value = at(3000, FLOAT32, HIGH_FIRST, 1);
            assertThat(number(RegisterCodec.decode(value, new int[] {0x42C8, 0x0000}))).isEqualTo(100.0);
            assertThat(number(RegisterCodec.decode(value, new int[] {0x425D, 0x47AE}))).isEqualTo((double) 55.32f);
            assertThat(number(RegisterCodec.decode(value, new int[] {0x4000, 0x0000}))).isEqualTo(2.0);
            assertThat(number(RegisterCodec.decode(value, new int[] {0xBF80, 0x0000}))).isEqualTo(-1.0);
            // "Response: 01,03,04,40,C3,52,93,… Absolute massflow = 6.10383 kg/s"
            assertThat(number(RegisterCodec.decode(value, new int[] {0x40C3, 0x5293}))).isCloseTo(6.10383, within(1e-5));
        }

        /**
         * JUMO dicon touch Modbus description, §2.6.2: set point 20.0 °C (0x41A00000) answered as
         * {@code 01 03 04 00 00 41 A0}: the low word comes first.
         */
        @Test
        void float32_low_word_first_from_the_jumo_example() {
            RegisterValue setpoint = new RegisterValue(HOLDING, 0x122F, FLOAT32, LOW_FIRST, 1);
            assertThat(number(RegisterCodec.decode(setpoint, new int[] {0x0000, 0x41A0}))).isEqualTo(20.0);
            assertThat(RegisterCodec.encode(setpoint, 20.0)).containsExactly(0x0000, 0x41A0);
        }

        /**
         * Modbus Application Protocol Specification V1.1b3, §6.3 example: registers 108…110 answer 02 2B, 00 00,
         * 00 64 — "555 decimal", 0 and 100.
         */
        @Test
        void uint16_from_the_modbus_specification_example() {
            RegisterValue r108 = new RegisterValue(HOLDING, 107, UINT16, HIGH_FIRST, 1);
            RegisterValue r110 = new RegisterValue(HOLDING, 109, UINT16, HIGH_FIRST, 1);
            int[] answer = {0x022B, 0x0000, 0x0064};
            assertThat(number(RegisterCodec.decode(r108, answer, 0))).isEqualTo(555);
            assertThat(number(RegisterCodec.decode(r110, answer, 2))).isEqualTo(100);
        }

        @Test
        void int16_is_twos_complement() {
            RegisterValue current = at(0, INT16, HIGH_FIRST, 0.01);
            assertThat(number(RegisterCodec.decode(current, new int[] {0xFFFF}))).isEqualTo(-0.01);
            assertThat(number(RegisterCodec.decode(current, new int[] {0x8000}))).isEqualTo(-327.68);
            assertThat(number(RegisterCodec.decode(current, new int[] {0x7FFF}))).isEqualTo(327.67);
            // the same 16 bits handed over as a signed short
            assertThat(number(RegisterCodec.decode(current, new int[] {-2}))).isEqualTo(-0.02);
            assertThat(RegisterCodec.encode(current, -1.5)).containsExactly(0xFF6A);
        }

        @Test
        void uint32_uses_all_32_bits_in_either_word_order() {
            RegisterValue high = at(0, UINT32, HIGH_FIRST, 1);
            RegisterValue low = at(0, UINT32, LOW_FIRST, 1);
            assertThat(number(RegisterCodec.decode(high, new int[] {0xFFFF, 0xFFFF}))).isEqualTo(4_294_967_295.0);
            assertThat(number(RegisterCodec.decode(high, new int[] {0x8000, 0x0000}))).isEqualTo(2_147_483_648.0);
            assertThat(number(RegisterCodec.decode(low, new int[] {0x0000, 0x8000}))).isEqualTo(2_147_483_648.0);
            assertThat(number(RegisterCodec.decode(low, new int[] {0x5678, 0x1234}))).isEqualTo(0x12345678);
        }

        @Test
        void uint32_energy_counter_in_hundredths_of_a_kwh() {
            RegisterValue energy = new RegisterValue(HOLDING, 0x0100, UINT32, LOW_FIRST, 0.01);
            // 12 345 678.90 kWh = 1 234 567 890 × 0.01 = 0x499602D2
            assertThat(number(RegisterCodec.decode(energy, new int[] {0x02D2, 0x4996}))).isEqualTo(12_345_678.90);
            assertThat(RegisterCodec.encode(energy, 12_345_678.90)).containsExactly(0x02D2, 0x4996);
        }

        @Test
        void int32_negative_in_both_orders() {
            assertThat(number(RegisterCodec.decode(at(0, INT32, HIGH_FIRST, 1), new int[] {0xFFFF, 0xFFFE}))).isEqualTo(-2);
            assertThat(number(RegisterCodec.decode(at(0, INT32, LOW_FIRST, 1), new int[] {0xFFFE, 0xFFFF}))).isEqualTo(-2);
            assertThat(number(RegisterCodec.decode(at(0, INT32, HIGH_FIRST, 0.1), new int[] {0x8000, 0x0000})))
                    .isEqualTo(-214_748_364.8);
        }

        @Test
        void scale_turns_watts_into_kilowatts() {
            RegisterValue power = at(0x0034, FLOAT32, HIGH_FIRST, 0.001);
            // 1500.0 W = 0x44BB8000
            assertThat(number(RegisterCodec.decode(power, new int[] {0x44BB, 0x8000}))).isEqualTo(1.5);
            assertThat(RegisterCodec.encode(power, 1.5)).containsExactly(0x44BB, 0x8000);
        }

        @Test
        void a_value_is_found_at_its_offset_in_a_block() {
            RegisterValue frequency = at(0x0046, FLOAT32, HIGH_FIRST, 1);
            int[] block = {0x0000, 0x0000, 0x4248, 0x0000, 0x0000};
            assertThat(number(RegisterCodec.decode(frequency, block, 2))).isEqualTo(50.0);
        }
    }

    @Nested
    class BadWords {

        @Test
        void nan_and_infinite_floats_are_rejected_with_the_raw_bits() {
            RegisterValue voltage = at(0, FLOAT32, HIGH_FIRST, 1);
            assertThat(reason(RegisterCodec.decode(voltage, new int[] {0x7FC0, 0x0000})))
                    .isEqualTo("input register 0x0000 (float32 high_first) holds NaN (raw 0x7FC00000), not a number");
            assertThat(reason(RegisterCodec.decode(voltage, new int[] {0xFF80, 0x0000})))
                    .contains("-Infinity").contains("0xFF800000");
        }

        @Test
        void too_few_words_name_what_was_needed() {
            RegisterValue energy = at(0x48, FLOAT32, HIGH_FIRST, 1);
            assertThat(reason(RegisterCodec.decode(energy, new int[] {0x4366})))
                    .isEqualTo("input register 0x0048 (float32 high_first) needs 2 register(s) from word 0, got 1 word(s)");
            assertThat(reason(RegisterCodec.decode(energy, null))).contains("got none");
            assertThat(reason(RegisterCodec.decode(energy, new int[] {1, 2, 3}, 2))).contains("from word 2");
            assertThat(reason(RegisterCodec.decode(energy, new int[] {1, 2, 3}, -1))).contains("from word -1");
        }

        @Test
        void a_word_beyond_16_bits_is_rejected() {
            assertThat(reason(RegisterCodec.decode(at(0, UINT16, HIGH_FIRST, 1), new int[] {0x10000})))
                    .isEqualTo("input register 0x0000 (uint16): word 0 is 65536, not a 16-bit register");
        }

        @Test
        void a_scale_that_overflows_a_double_is_rejected() {
            RegisterValue huge = at(0, FLOAT32, HIGH_FIRST, 1e300);
            assertThat(reason(RegisterCodec.decode(huge, new int[] {0x7F7F, 0xFFFF}))).contains("beyond a double");
        }

        @Test
        void decode_never_throws_whatever_the_words() {
            qt().forAll(lists().of(integers().all()).ofSizeBetween(0, 4), integers().between(-2, 5),
                            arbitrary().enumValues(DataType.class), arbitrary().enumValues(WordOrder.class))
                    .checkAssert((words, offset, type, order) -> {
                        int[] array = words.stream().mapToInt(Integer::intValue).toArray();
                        DecodedValue decoded = RegisterCodec.decode(at(0, type, order, 0.1), array, offset);
                        if (decoded instanceof DecodedValue.Number n) {
                            assertThat(n.value()).isFinite();
                        } else {
                            assertThat(((DecodedValue.Rejected) decoded).reason()).isNotBlank();
                        }
                    });
        }
    }

    @Nested
    class Encoding {

        @Test
        void integers_saturate_at_their_limits() {
            assertThat(RegisterCodec.encode(at(0, INT16, HIGH_FIRST, 1), 70_000)).containsExactly(0x7FFF);
            assertThat(RegisterCodec.encode(at(0, INT16, HIGH_FIRST, 1), Double.NEGATIVE_INFINITY)).containsExactly(0x8000);
            assertThat(RegisterCodec.encode(at(0, UINT16, HIGH_FIRST, 1), -5)).containsExactly(0x0000);
            assertThat(RegisterCodec.encode(at(0, UINT32, HIGH_FIRST, 0.01), 1e12)).containsExactly(0xFFFF, 0xFFFF);
            assertThat(RegisterCodec.encode(at(0, INT32, LOW_FIRST, 1), -1e10)).containsExactly(0x0000, 0x8000);
        }

        @Test
        void integers_round_to_the_nearest_raw_step() {
            RegisterValue energy = at(0, UINT32, HIGH_FIRST, 0.01);
            assertThat(RegisterCodec.encode(energy, 123.456)).containsExactly(0x0000, 12_346);
            assertThat(RegisterCodec.encode(energy, 123.454)).containsExactly(0x0000, 12_345);
        }

        @Test
        void nan_fits_a_float_but_not_an_integer() {
            assertThat(RegisterCodec.encode(at(0, FLOAT32, HIGH_FIRST, 1), Double.NaN)).containsExactly(0x7FC0, 0x0000);
            assertThatThrownBy(() -> RegisterCodec.encode(at(0, UINT32, HIGH_FIRST, 1), Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold NaN");
        }

        @Test
        void a_float_beyond_float_range_becomes_infinity() {
            assertThat(RegisterCodec.encode(at(0, FLOAT32, HIGH_FIRST, 1), 1e39)).containsExactly(0x7F80, 0x0000);
        }
    }

    @Nested
    class RoundTrips {

        private static final double[] SCALES = {1, 0.1, 0.01, 0.001, 10};

        @Test
        void int16_and_uint16() {
            qt().forAll(integers().between(Short.MIN_VALUE, 0xFFFF), integers().between(0, SCALES.length - 1))
                    .checkAssert((raw, s) -> {
                        DataType type = raw < 0 ? INT16 : raw > Short.MAX_VALUE ? UINT16 : (raw % 2 == 0 ? INT16 : UINT16);
                        RegisterValue value = at(0, type, HIGH_FIRST, SCALES[s]);
                        double number = raw * SCALES[s];
                        assertThat(number(RegisterCodec.decode(value, RegisterCodec.encode(value, number)))).isEqualTo(number);
                    });
        }

        @Test
        void int32_in_both_orders() {
            qt().forAll(integers().all(), arbitrary().enumValues(WordOrder.class), integers().between(0, SCALES.length - 1))
                    .checkAssert((raw, order, s) -> {
                        RegisterValue value = at(0, INT32, order, SCALES[s]);
                        double number = raw * SCALES[s];
                        assertThat(number(RegisterCodec.decode(value, RegisterCodec.encode(value, number)))).isEqualTo(number);
                    });
        }

        @Test
        void uint32_in_both_orders() {
            qt().forAll(longs().between(0, 0xFFFF_FFFFL), arbitrary().enumValues(WordOrder.class),
                            integers().between(0, SCALES.length - 1))
                    .checkAssert((raw, order, s) -> {
                        RegisterValue value = at(0, UINT32, order, SCALES[s]);
                        double number = raw * SCALES[s];
                        assertThat(number(RegisterCodec.decode(value, RegisterCodec.encode(value, number)))).isEqualTo(number);
                    });
        }

        @Test
        void float32_in_both_orders_for_every_finite_float() {
            qt().forAll(integers().all(), arbitrary().enumValues(WordOrder.class), integers().between(0, SCALES.length - 1))
                    .assuming((bits, order, s) -> Float.isFinite(Float.intBitsToFloat(bits)))
                    .checkAssert((bits, order, s) -> {
                        RegisterValue value = at(0, FLOAT32, order, SCALES[s]);
                        double number = Float.intBitsToFloat(bits) * SCALES[s];
                        int[] words = RegisterCodec.encode(value, number);
                        assertThat(number(RegisterCodec.decode(value, words))).isEqualTo(number);
                    });
        }

        @Test
        void words_are_always_16_bits() {
            qt().forAll(arbitrary().enumValues(DataType.class), arbitrary().enumValues(WordOrder.class),
                            integers().all())
                    .checkAssert((type, order, raw) -> {
                        int[] words = RegisterCodec.encode(at(0, type, order, 0.5), raw);
                        assertThat(words).hasSize(type.registers());
                        assertThat(java.util.Arrays.stream(words)).allMatch(w -> w >= 0 && w <= 0xFFFF);
                    });
        }
    }

    @Nested
    class ReadPlans {

        /** The SDM630 points the shipped profile reads: voltage, current, power, PF, frequency, import kWh. */
        @Test
        void eastron_points_need_two_reads() {
            List<RegisterValue> points = List.of(at(0x0000, FLOAT32, HIGH_FIRST, 1), at(0x0006, FLOAT32, HIGH_FIRST, 1),
                    at(0x0034, FLOAT32, HIGH_FIRST, 0.001), at(0x003E, FLOAT32, HIGH_FIRST, 1),
                    at(0x0046, FLOAT32, HIGH_FIRST, 1), at(0x0048, FLOAT32, HIGH_FIRST, 1));
            ReadPlan plan = ReadPlan.of(points);
            assertThat(plan.blocks()).extracting(ReadBlock::start, ReadBlock::count)
                    .containsExactly(tuple(0x0000, 8), tuple(0x0034, 0x4A - 0x34));
            assertThat(plan.blocks().get(0).values()).hasSize(2);
            assertThat(plan.blocks().get(1).offsetOf(points.get(5))).isEqualTo(0x48 - 0x34);
            assertThat(plan.blocks().get(1).functionCode()).isEqualTo(4);
        }

        @Test
        void a_gap_wider_than_allowed_splits_the_read() {
            RegisterValue a = at(0, FLOAT32, HIGH_FIRST, 1);
            RegisterValue b = at(2 + 8, FLOAT32, HIGH_FIRST, 1);
            RegisterValue c = at(12 + 9, UINT16, HIGH_FIRST, 1);
            assertThat(ReadPlan.of(List.of(c, b, a)).blocks()).extracting(ReadBlock::start, ReadBlock::count)
                    .containsExactly(tuple(0, 12), tuple(21, 1));
            assertThat(ReadPlan.of(List.of(a, b), 0, 125).blocks()).hasSize(2);
        }

        @Test
        void no_read_exceeds_125_registers() {
            List<RegisterValue> values = new ArrayList<>();
            for (int address = 0; address < 300; address += 2) {
                values.add(at(address, FLOAT32, HIGH_FIRST, 1));
            }
            List<ReadBlock> blocks = ReadPlan.of(values).blocks();
            assertThat(blocks).extracting(ReadBlock::count).containsExactly(124, 124, 52);
            assertThat(blocks.get(1).start()).isEqualTo(124);
        }

        @Test
        void tables_are_read_separately_and_duplicates_once() {
            RegisterValue input = at(0x10, UINT16, HIGH_FIRST, 1);
            RegisterValue holding = new RegisterValue(HOLDING, 0x11, UINT16, HIGH_FIRST, 1);
            List<ReadBlock> blocks = ReadPlan.of(List.of(input, holding, input)).blocks();
            assertThat(blocks).extracting(ReadBlock::table).containsExactly(HOLDING, INPUT);
            assertThat(blocks.get(1).values()).containsExactly(input);
            assertThat(blocks.get(0)).hasToString("holding registers 0x0011…0x0011 (function 03, 1 registers)");
        }

        @Test
        void every_value_is_inside_its_block_and_blocks_respect_the_limits() {
            qt().forAll(lists().of(integers().between(0, 2000)).ofSizeBetween(0, 60), integers().between(0, 20),
                            integers().between(2, 125))
                    .checkAssert((addresses, gap, max) -> {
                        List<RegisterValue> values = addresses.stream()
                                .map(a -> at(a, a % 3 == 0 ? UINT16 : FLOAT32, HIGH_FIRST, 1)).toList();
                        List<ReadBlock> blocks = ReadPlan.of(values, gap, max).blocks();
                        assertThat(blocks.stream().mapToInt(b -> b.values().size()).sum())
                                .isEqualTo(values.stream().distinct().count());
                        for (ReadBlock block : blocks) {
                            assertThat(block.count()).isBetween(1, max);
                            for (RegisterValue v : block.values()) {
                                assertThat(v.address()).isGreaterThanOrEqualTo(block.start());
                                assertThat(v.end()).isLessThanOrEqualTo(block.start() + block.count());
                            }
                        }
                    });
        }

        @Test
        void limits_are_checked() {
            assertThatThrownBy(() -> ReadPlan.of(List.of(), 0, 126)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ReadPlan.of(List.of(), -1, 125)).isInstanceOf(IllegalArgumentException.class);
            assertThat(ReadPlan.of(List.of()).blocks()).isEmpty();
        }
    }

    static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}
