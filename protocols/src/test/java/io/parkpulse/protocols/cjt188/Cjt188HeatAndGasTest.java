package io.parkpulse.protocols.cjt188;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.cjt188.HeatMeteringRead.Outcome;
import io.parkpulse.protocols.cjt188.HeatMeteringRead.Read;
import io.parkpulse.protocols.cjt188.HeatMeteringRead.Refused;
import io.parkpulse.protocols.cjt188.HeatMeteringRead.UnitPosition;
import io.parkpulse.protocols.cjt188.HeatMeteringRead.Units;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CJ/T 188 heat meters (meter types 20H–29H, 46-byte reply) and gas meters (30H–39H, the water meters' 22-byte reply):
 * a hand-built heat reply with its checksum, two published heat replies in the unit-before-value vendor variant, every
 * unit conversion, the refusals and the flagged clocks. Expected values are computed by hand in the comments.
 */
class Cjt188HeatAndGasTest {

    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /**
     * Heat meter 00000012345678 (wire {@code 78 56 34 12 00 00 00}), DI 90 1F, SER 05: settlement-day heat
     * {@code 56 34 12 00 05} = 1 234.56 kWh, current heat {@code 19 28 53 00 05} = 5 328.19 kWh, heat power
     * {@code 34 12 00 00 17} = 12.34 kW, flow rate {@code 45 23 01 00 35} = 1.2345 m³/h, cumulative flow
     * {@code 42 33 18 00 2C} = 1 833.42 m³, supply {@code 43 65 00} = 65.43 °C, return {@code 21 45 00} = 45.21 °C,
     * working time {@code 61 27 00} = 2 761 h, real time {@code 00 30 08 15 01 24 20} = 2024-01-15 08:30:00, ST 00 00.
     * Checksum: the sum of the 57 bytes from 68 on is 0x1415 → 15.
     */
    static final String HAND_BUILT = "68 20 78 56 34 12 00 00 00 81 2E 90 1F 05 56 34 12 00 05 19 28 53 00 05 34 12 00 00 17"
            + " 45 23 01 00 35 42 33 18 00 2C 43 65 00 21 45 00 61 27 00 00 30 08 15 01 24 20 00 00 15 16";

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.trim().toUpperCase());
    }

    static Cjt188Frame only(String hex) {
        List<Cjt188Decoder.Result> results = Cjt188Decoder.decodeAll(bytes(hex));
        assertThat(results).as(hex).singleElement().isInstanceOf(Cjt188Decoder.Decoded.class);
        return ((Cjt188Decoder.Decoded) results.get(0)).frame();
    }

    static Read read(Cjt188Frame frame) {
        Outcome outcome = HeatMeteringRead.decode(frame);
        assertThat(outcome).isInstanceOf(Read.class);
        return (Read) outcome;
    }

    static String refusal(Cjt188Frame frame) {
        Outcome outcome = HeatMeteringRead.decode(frame);
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).reason();
    }

    /** The hand-built reply with its data bytes from {@code index} on replaced by {@code hex}. */
    static Cjt188Frame patched(int index, String hex) {
        Cjt188Frame frame = only(HAND_BUILT);
        byte[] data = frame.data();
        byte[] patch = bytes(hex);
        System.arraycopy(patch, 0, data, index, patch.length);
        return new Cjt188Frame(frame.meterType(), frame.address(), frame.control(), data);
    }

    // ---- the standard layout ------------------------------------------------------------------------------------

    @Test
    void a_hand_built_heat_reply_decodes_field_by_field_into_the_contract_units() {
        Cjt188Frame frame = only("FE FE FE " + HAND_BUILT);
        assertThat(frame.meterType()).isEqualTo(0x20);
        assertThat(MeterFamily.of(frame.meterType())).contains(MeterFamily.HEAT);
        assertThat(Cjt188Address.fromWire(frame.address())).isEqualTo("00000012345678");

        Read read = read(frame);
        HeatMeteringData d = read.data();
        assertThat(read.order()).isEqualTo(DiOrder.HIGH_FIRST);
        assertThat(d.serial()).isEqualTo(5);
        assertThat(d.settlementHeatGj()).isEqualTo(4.444416);   // 1 234.56 kWh × 0.0036 GJ/kWh
        assertThat(d.currentHeatGj()).isEqualTo(19.181484);     // 5 328.19 kWh × 0.0036
        assertThat(d.heatPowerKw()).isEqualTo(12.34);
        assertThat(d.flowRateM3h()).isEqualTo(1.2345);          // XXXX.XXXX: four decimals
        assertThat(d.cumulativeFlowM3()).isEqualTo(1833.42);
        assertThat(d.supplyTemperatureC()).isEqualTo(65.43);
        assertThat(d.returnTemperatureC()).isEqualTo(45.21);
        assertThat(d.workingHours()).isEqualTo(2761);
        assertThat(d.meterClock()).contains(LocalDateTime.of(2024, 1, 15, 8, 30, 0));
        assertThat(d.clockProblem()).isEmpty();
        assertThat(d.status()).isEqualTo(MeterStatus.NORMAL);
    }

    @Test
    void the_encoder_writes_the_hand_built_reply_byte_for_byte() {
        HeatMeteringData data = new HeatMeteringData(5, 4.444416, 19.181484, 12.34, 1.2345, 1833.42, 65.43, 45.21, 2761,
                Optional.of(LocalDateTime.of(2024, 1, 15, 8, 30, 0)), MeterStatus.NORMAL);
        Units units = new Units(Cjt188Unit.KILOWATT_HOUR, Cjt188Unit.KILOWATT, Cjt188Unit.CUBIC_METRE_PER_HOUR,
                Cjt188Unit.CUBIC_METRE);
        Cjt188Frame reply = HeatMeteringRead.reply(0x20, Cjt188Address.toWire("00000012345678"), DiOrder.HIGH_FIRST, data, units);
        assertThat(HEX.formatHex(reply.encode(0))).isEqualTo(HAND_BUILT);
    }

    @Test
    void both_identifier_orders_are_read() {
        // the same reply with DI 1F 90: the checksum does not change (same bytes, other order)
        Read read = read(only(HAND_BUILT.replace("2E 90 1F 05", "2E 1F 90 05")));
        assertThat(read.order()).isEqualTo(DiOrder.LOW_FIRST);
        assertThat(read.data()).isEqualTo(read(only(HAND_BUILT)).data());
        assertThat(refusal(patched(0, "90 2F"))).isEqualTo("identifier 90 2F is not 901F in either byte order");
    }

    @Test
    void heat_in_any_energy_unit_becomes_gigajoules() {
        // settlement-day heat, field at data byte 3: four BCD bytes lowest first, then the unit
        assertThat(read(patched(3, "00 00 01 00 08")).data().settlementHeatGj()).isEqualTo(360.0);    // 100.00 MWh × 3.6
        assertThat(read(patched(3, "34 12 00 00 11")).data().settlementHeatGj()).isEqualTo(12.34);    // 12.34 GJ
        assertThat(read(patched(3, "00 00 10 00 0E")).data().settlementHeatGj()).isEqualTo(1.0);      // 1 000.00 MJ
        assertThat(read(patched(3, "00 00 00 36 0B")).data().settlementHeatGj()).isEqualTo(0.36);     // 360 000.00 kJ
        assertThat(read(patched(3, "00 00 00 36 01")).data().settlementHeatGj()).isEqualTo(0.00036);  // 360 000.00 J
        assertThat(read(patched(3, "00 00 00 50 02")).data().settlementHeatGj()).isEqualTo(1.8);      // 500 000.00 Wh = 500 kWh
        assertThat(read(patched(3, "00 01 00 00 0A")).data().settlementHeatGj()).isEqualTo(360.0);    // 1.00 × 100 MWh
        assertThat(read(patched(3, "50 01 00 00 13")).data().settlementHeatGj()).isEqualTo(150.0);    // 1.50 × 100 GJ
        // 1 GJ = 277.78 kWh (rounded): 277.78 kWh is 1.000008 GJ
        assertThat(read(patched(8, "78 77 02 00 05")).data().currentHeatGj()).isEqualTo(1.000008);
        assertThat(Cjt188Unit.KILOWATT_HOUR.fromGigajoules(1)).isCloseTo(277.78, within(0.005));
        assertThat(Cjt188Unit.GIGAJOULE.toGigajoules(1)).isEqualTo(1.0);
        assertThatThrownBy(() -> Cjt188Unit.CUBIC_METRE.toGigajoules(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void power_flow_rate_and_volume_become_kilowatts_cubic_metres_per_hour_and_cubic_metres() {
        assertThat(read(patched(13, "00 00 15 00 14")).data().heatPowerKw()).isEqualTo(1.5);          // 1 500.00 W
        assertThat(read(patched(13, "25 01 00 00 1A")).data().heatPowerKw()).isEqualTo(1250.0);       // 1.25 MW
        assertThat(read(patched(18, "00 00 50 02 32")).data().flowRateM3h()).isEqualTo(0.25);         // 250.0000 L/h
        assertThat(read(patched(18, "99 99 99 99 35")).data().flowRateM3h()).isEqualTo(9999.9999);    // the largest shown
        assertThat(read(patched(23, "00 50 01 00 29")).data().cumulativeFlowM3()).isEqualTo(0.15);    // 150.00 L
    }

    @Test
    void a_unit_of_the_wrong_dimension_refuses_the_reply_naming_the_field() {
        assertThat(refusal(patched(7, "2C"))).isEqualTo("settlement-day heat: unit 2C (m³) is not an energy");
        assertThat(refusal(patched(12, "17"))).isEqualTo("current heat: unit 17 (kW) is not an energy");
        assertThat(refusal(patched(17, "05"))).isEqualTo("heat power: unit 05 (kWh) is not a power");
        assertThat(refusal(patched(22, "2C"))).isEqualTo("flow rate: unit 2C (m³) is not a flow rate");
        assertThat(refusal(patched(27, "35"))).isEqualTo("cumulative flow: unit 35 (m³/h) is not a volume");
        assertThat(refusal(patched(7, "7F"))).isEqualTo("settlement-day heat: unknown unit code 7F");
        assertThat(refusal(patched(29, "6A"))).isEqualTo("supply water temperature: value byte 1 is 6A, not BCD");
        assertThat(refusal(patched(33, "A0"))).isEqualTo("return water temperature: value byte 2 is A0, not BCD");
        assertThat(refusal(patched(36, "F0"))).isEqualTo("cumulative working time: value byte 2 is F0, not BCD");
    }

    @Test
    void a_clock_that_is_not_a_time_is_flagged_and_the_values_are_kept() {
        HeatMeteringData noSuchMonth = read(patched(37, "31 01 22 11 13 15 20")).data();
        assertThat(noSuchMonth.currentHeatGj()).isEqualTo(19.181484);
        assertThat(noSuchMonth.supplyTemperatureC()).isEqualTo(65.43);
        assertThat(noSuchMonth.meterClock()).isEmpty();
        assertThat(noSuchMonth.clockProblem()).hasValueSatisfying(p -> assertThat(p).contains("31 01 22 11 13 15 20")
                .contains("is not a time"));

        // 2015-05-11 22:01:31 written highest byte first would read as the year 3101: never read as a date
        HeatMeteringData reversed = read(patched(37, "20 15 05 11 22 01 31")).data();
        assertThat(reversed.workingHours()).isEqualTo(2761);
        assertThat(reversed.meterClock()).isEmpty();
        assertThat(reversed.clockProblem()).hasValueSatisfying(p -> assertThat(p).contains("the year 3101").contains("2000–2099"));

        assertThat(read(patched(37, "3A 01 22 11 05 15 20")).data().clockProblem()).contains("real time: byte 0 is 3A, not BCD");
        assertThat(read(patched(37, "00 00 00 00 00 00 00")).data().meterClock()).isEmpty();
        assertThat(read(patched(37, "00 00 00 00 00 00 00")).data().clockProblem()).isEmpty();
    }

    @Test
    void a_reply_of_the_wrong_length_or_kind_is_refused_with_the_reason() {
        Cjt188Frame hand = only(HAND_BUILT);
        Cjt188Frame short45 = new Cjt188Frame(0x20, hand.address(), 0x81, java.util.Arrays.copyOf(hand.data(), 45));
        assertThat(refusal(short45)).isEqualTo("a heat meter's metering-data reply has 46 data bytes, got 45");
        Cjt188Frame water = new Cjt188Frame(0x10, hand.address(), 0x81,
                bytes("90 1F 00 00 00 01 00 2C 00 00 00 00 2C 00 00 00 00 00 00 00 00 00"));
        assertThat(refusal(water))
                .isEqualTo("a heat meter's metering-data reply has 46 data bytes, got 22 (the length of a water or gas meter's reply)");
        // and the other way round: a heat reply given to the water/gas decoder
        assertThat(((MeteringRead.Refused) MeteringRead.decode(hand)).reason())
                .isEqualTo("a water or gas meter's metering-data reply has 22 data bytes, got 46 (the length of a heat meter's reply)");
        assertThat(refusal(new Cjt188Frame(0x20, hand.address(), 0xC1, bytes("90 1F 05"))))
                .isEqualTo("the meter answered abnormally (control C1): data 90 1F 05");
        assertThat(refusal(MeteringRead.request(0x20, hand.address(), DiOrder.HIGH_FIRST, 5))).startsWith("control 01 is a request");
    }

    // ---- published frames: the unit-before-value vendor variant --------------------------------------------------

    /**
     * github:Crazyers/NETIOCPDemo {@code LC云平台测试/LCTCPSocket（测试三模拟解包队列存储数据库）/NETUploadClient/TestHeatLiChuang.cs}:
     * a LiChuang heat meter's reply (checksum F7, verified). Its units come before the values ({@code 05 19 28 53 00}:
     * kWh, then 5 328.19); the repository's parser {@code HeatLiChuangProtocol.cs} reads it that way. In the standard
     * layout the first unit byte would be {@code 00}, no unit: refused, never misread.
     */
    @Test
    void the_published_lichuang_reply_is_refused_in_the_standard_layout_and_read_with_units_first() {
        Cjt188Frame frame = only("68 20 38 04 21 08 00 59 42 81 2E 90 1F 00 05 19 28 53 00 05 19 28 53 00 17 00 00 00 00"
                + " 35 00 00 00 00 2C 42 33 18 00 03 19 00 10 19 00 61 27 00 26 57 23 31 03 15 20 03 01 F7 16");
        assertThat(refusal(frame)).isEqualTo("settlement-day heat: unknown unit code 00");

        Read read = (Read) HeatMeteringRead.decode(frame, UnitPosition.BEFORE_VALUE);
        HeatMeteringData d = read.data();
        assertThat(Cjt188Address.fromWire(frame.address())).isEqualTo("42590008210438");
        assertThat(read.order()).isEqualTo(DiOrder.HIGH_FIRST);
        assertThat(d.settlementHeatGj()).isEqualTo(19.181484);  // 5 328.19 kWh
        assertThat(d.currentHeatGj()).isEqualTo(19.181484);
        assertThat(d.heatPowerKw()).isZero();
        assertThat(d.flowRateM3h()).isZero();
        assertThat(d.cumulativeFlowM3()).isEqualTo(1833.42);
        assertThat(d.supplyTemperatureC()).isEqualTo(19.03);
        assertThat(d.returnTemperatureC()).isEqualTo(19.10);
        assertThat(d.workingHours()).isEqualTo(2761);
        assertThat(d.meterClock()).contains(LocalDateTime.of(2015, 3, 31, 23, 57, 26));
        assertThat(d.status()).isEqualTo(new MeterStatus(0x03, 0x01));
    }

    /**
     * https://www.cnblogs.com/llguanli/p/8683992.html ("JY" heat meter, reposted at shuzhiduo.com/A/RnJWxa2v5q): the
     * reply as listed in hex (checksum 31, verified; the page's annotation writes the first unit as 80 and the DI as
     * 1F 90, the hex has 08 and 90 1F): 0.02 MWh twice, 10.34 m³, 25.35 °C / 25.66 °C, 2015-07-10 12:00:53.
     */
    @Test
    void the_published_jy_reply_reads_with_units_first() {
        Cjt188Frame frame = only("FE FE FE FE 68 20 32 41 31 40 00 00 00 81 2E 90 1F 01 08 02 00 00 00 08 02 00 00 00"
                + " 17 00 00 00 00 35 00 00 00 00 2C 34 10 00 00 35 25 00 66 25 00 00 00 00 53 00 12 10 07 15 20 00 00 31 16");
        assertThat(Cjt188Address.fromWire(frame.address())).isEqualTo("00000040314132");
        assertThat(refusal(frame)).isEqualTo("settlement-day heat: unknown unit code 00");
        HeatMeteringData d = ((Read) HeatMeteringRead.decode(frame, UnitPosition.BEFORE_VALUE)).data();
        assertThat(d.serial()).isEqualTo(1);
        assertThat(d.settlementHeatGj()).isEqualTo(0.072);     // 0.02 MWh × 3.6 GJ/MWh
        assertThat(d.currentHeatGj()).isEqualTo(0.072);
        assertThat(d.cumulativeFlowM3()).isEqualTo(10.34);
        assertThat(d.supplyTemperatureC()).isEqualTo(25.35);
        assertThat(d.returnTemperatureC()).isEqualTo(25.66);
        assertThat(d.workingHours()).isZero();
        assertThat(d.meterClock()).contains(LocalDateTime.of(2015, 7, 10, 12, 0, 53));
    }

    @Test
    void the_encoder_writes_either_unit_position() {
        HeatMeteringData data = new HeatMeteringData(9, 100, 123.456789, 45.6, 0.0123, 99.99, 70, 50.5, 123_456,
                Optional.empty(), new MeterStatus(1, 2));
        for (UnitPosition position : UnitPosition.values()) {
            Cjt188Frame frame = HeatMeteringRead.reply(0x21, new byte[7], DiOrder.LOW_FIRST, data,
                    new Units(Cjt188Unit.MEGAWATT_HOUR, Cjt188Unit.WATT, Cjt188Unit.LITRE_PER_HOUR, Cjt188Unit.LITRE), position);
            Read read = (Read) HeatMeteringRead.decode(frame, position);
            // 123.456789 GJ = 34.2935525 MWh, shown to 0.01 MWh: 34.29 MWh = 123.444 GJ
            assertThat(read.data().currentHeatGj()).isEqualTo(123.444);
            assertThat(read.data().settlementHeatGj()).isEqualTo(100.008); // 100 GJ = 27.777… MWh, shown 27.78 MWh
            assertThat(read.data().heatPowerKw()).isEqualTo(45.6);
            assertThat(read.data().flowRateM3h()).isEqualTo(0.0123);
            assertThat(read.data().cumulativeFlowM3()).isEqualTo(99.99);
            assertThat(read.data().workingHours()).isEqualTo(123_456);
            assertThat(read.data().status()).isEqualTo(new MeterStatus(1, 2));
        }
        assertThatThrownBy(() -> new Units(Cjt188Unit.CUBIC_METRE, Cjt188Unit.KILOWATT, Cjt188Unit.CUBIC_METRE_PER_HOUR,
                Cjt188Unit.CUBIC_METRE)).hasMessage("heat is an energy; m³ is not");
        HeatMeteringData negative = new HeatMeteringData(0, 1, 1, 1, 1, 1, -1, 1, 1, Optional.empty(), MeterStatus.NORMAL);
        assertThatThrownBy(() -> HeatMeteringRead.reply(0x20, new byte[7], DiOrder.HIGH_FIRST, negative, Units.BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supply temperature");
    }

    @Test
    void any_heat_reading_survives_a_reply_in_the_base_units() {
        qt().forAll(longs().between(0, 99_999_999), longs().between(0, 99_999_999), integers().between(0, 999_999),
                        integers().between(0, 511))
                .checkAssert((heat, flow, temperatureAndHours, serialAndOrder) -> {
                    int serial = serialAndOrder & 0xFF;
                    DiOrder order = serialAndOrder > 255 ? DiOrder.LOW_FIRST : DiOrder.HIGH_FIRST;
                    HeatMeteringData data = new HeatMeteringData(serial, heat / 100.0, heat / 100.0, flow / 100.0,
                            flow / 10_000.0, flow / 100.0, temperatureAndHours / 100.0, temperatureAndHours / 100.0,
                            temperatureAndHours, Optional.of(LocalDateTime.of(2026, 11, 21, 8, 15, 0)), MeterStatus.NORMAL);
                    Read read = (Read) HeatMeteringRead.decode(HeatMeteringRead.reply(0x20, new byte[7], order, data, Units.BASE));
                    assertThat(read.data()).isEqualTo(data);
                    assertThat(read.order()).isEqualTo(order);
                });
    }

    @Test
    void random_heat_replies_never_throw() {
        qt().forAll(Cjt188CodecTest.byteArrays(43, 43), integers().between(0, 1)).checkAssert((rest, position) -> {
            Outcome outcome = HeatMeteringRead.decode(new Cjt188Frame(0x20, new byte[7], 0x81,
                    Cjt188CodecTest.concat(bytes("90 1F 00"), rest)), UnitPosition.values()[position]);
            if (outcome instanceof Refused refused) {
                assertThat(refused.reason()).isNotBlank();
            }
        });
        qt().forAll(integers().between(0, 255), Cjt188CodecTest.byteArrays(0, 60)).checkAssert((control, data) ->
                assertThat(HeatMeteringRead.decode(new Cjt188Frame(0x20, new byte[7], control, data))).isNotNull());
    }

    // ---- gas meters, families and fields ---------------------------------------------------------------------------

    /**
     * A gas meter (type 30H) answers in the water meters' 22-byte layout: current 1 234.50 m³ ({@code 50 34 12 00 2C}),
     * settlement-day 1 230.00 m³, 2024-01-15 08:30:00; checksum A3 (sum 0x8A3).
     */
    @Test
    void a_gas_meter_reply_is_read_like_a_water_meters_and_published_as_gas_m3() {
        Cjt188Frame frame = only("68 30 01 00 00 00 00 00 00 81 16 90 1F 02 50 34 12 00 2C 00 30 12 00 2C"
                + " 00 30 08 15 01 24 20 00 00 A3 16");
        assertThat(MeterFamily.of(frame.meterType())).contains(MeterFamily.GAS);
        MeteringData d = ((MeteringRead.Read) MeteringRead.decode(frame)).data();
        assertThat(d.currentFlowM3()).isEqualTo(1234.50);
        assertThat(d.settlementFlowM3()).isEqualTo(1230.00);
        assertThat(d.meterClock()).contains(LocalDateTime.of(2024, 1, 15, 8, 30, 0));
        assertThat(Cjt188Field.CURRENT_FLOW.quantity(MeterFamily.GAS)).contains(Quantity.GAS_M3);
        assertThat(Cjt188Field.CURRENT_FLOW.quantity(MeterFamily.WATER)).contains(Quantity.VOLUME_M3);
    }

    @Test
    void meter_types_fall_into_families_of_ten() {
        assertThat(MeterFamily.of(0x0F)).isEmpty();
        assertThat(MeterFamily.of(0x10)).contains(MeterFamily.WATER);
        assertThat(MeterFamily.of(0x19)).contains(MeterFamily.WATER);
        assertThat(MeterFamily.of(0x1A)).isEmpty();
        assertThat(MeterFamily.of(0x20)).contains(MeterFamily.HEAT);
        assertThat(MeterFamily.of(0x29)).contains(MeterFamily.HEAT);
        assertThat(MeterFamily.of(0x30)).contains(MeterFamily.GAS);
        assertThat(MeterFamily.of(0x39)).contains(MeterFamily.GAS);
        assertThat(MeterFamily.of(0x40)).isEmpty();
        assertThat(MeterFamily.of(0xAA)).isEmpty();
        assertThat(MeterFamily.HEAT.describe()).isEqualTo("heat meter (meter type 0x20–0x29)");
    }

    @Test
    void each_field_belongs_to_its_family_and_is_one_quantity() {
        assertThat(Cjt188Field.CURRENT_HEAT.quantity(MeterFamily.HEAT)).contains(Quantity.HEAT_GJ);
        assertThat(Cjt188Field.SETTLEMENT_HEAT.quantity(MeterFamily.HEAT)).contains(Quantity.HEAT_GJ);
        assertThat(Cjt188Field.HEAT_POWER.quantity(MeterFamily.HEAT)).contains(Quantity.HEAT_POWER_KW);
        assertThat(Cjt188Field.FLOW_RATE.quantity(MeterFamily.HEAT)).contains(Quantity.FLOW_M3H);
        assertThat(Cjt188Field.CUMULATIVE_FLOW.quantity(MeterFamily.HEAT)).contains(Quantity.HEAT_VOLUME_M3);
        assertThat(Cjt188Field.SUPPLY_TEMPERATURE.quantity(MeterFamily.HEAT)).contains(Quantity.SUPPLY_TEMPERATURE_C);
        assertThat(Cjt188Field.RETURN_TEMPERATURE.quantity(MeterFamily.HEAT)).contains(Quantity.RETURN_TEMPERATURE_C);
        assertThat(Cjt188Field.WORKING_HOURS.quantity(MeterFamily.HEAT)).contains(Quantity.RUN_HOURS);
        assertThat(Cjt188Field.CURRENT_FLOW.quantity(MeterFamily.HEAT)).isEmpty();
        assertThat(Cjt188Field.CURRENT_HEAT.quantity(MeterFamily.WATER)).isEmpty();
        assertThat(Cjt188Field.CURRENT_HEAT.quantity(MeterFamily.GAS)).isEmpty();
        // every quantity a field can be is allowed for the meter kind of its family by the contract
        for (Cjt188Field f : Cjt188Field.values()) {
            for (MeterFamily family : MeterFamily.values()) {
                f.quantity(family).ifPresent(q -> assertThat(q.kinds()).as("%s on a %s meter", f, family)
                        .contains(io.parkpulse.contract.MeterKind.valueOf(family.name())));
            }
        }
    }
}
