package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryDecoderTest {

    /** 2026-11-22T00:00:00Z, 08:00 in Beijing. */
    static final long T0 = 1795305600000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0 + 60_000), ZoneOffset.UTC);
    final TelemetryDecoder decoder = new TelemetryDecoder(Limits.DEFAULT, CLOCK);

    DecodedTelemetry decode(String json) {
        return decoder.decode(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static String reading(String meter, Object ts, String values) {
        String time = ts instanceof String ? "'" + ts + "'" : String.valueOf(ts);
        return "{'meter':'" + meter + "','ts':" + time + ",'values':{" + values + "}}";
    }

    static String message(String... readings) {
        return "{'seq':7,'readings':[" + String.join(",", readings) + "]}";
    }

    static List<String> reasons(DecodedTelemetry d) {
        return d.rejections().stream().map(r -> r.reason().code()).collect(Collectors.toList());
    }

    @Test
    void decodesAWellFormedMessage() {
        DecodedTelemetry d = decode(message(
                reading("E-1", T0, "'energy_kwh':1234.5,'power_kw':-3"),
                reading("M-1", "2026-11-22T08:00:00+08:00", "'state':'running','output_count':10")));

        assertThat(d.seq()).isEqualTo(7L);
        assertThat(d.rejections()).isEmpty();
        assertThat(d.readings()).containsExactly(
                new Reading("E-1", T0, List.of(Value.of(Quantity.ENERGY_KWH, 1234.5), Value.of(Quantity.POWER_KW, -3))),
                new Reading("M-1", T0, List.of(Value.of(EquipmentState.RUNNING), Value.of(Quantity.OUTPUT_COUNT, 10))));
    }

    @Test
    void fieldsMayComeInAnyOrder() {
        DecodedTelemetry d = decode("{'readings':[{'values':{'volume_m3':1},'ts':" + T0 + ",'meter':'W-1'}],'seq':0}");
        assertThat(d.rejections()).isEmpty();
        assertThat(d.readings()).hasSize(1);
        assertThat(d.seq()).isZero();
    }

    @Nested
    class KeepsGoodReadingsBesideBadOnes {
        @Test
        void aBadReadingCostsOnlyThatReading() {
            DecodedTelemetry d = decode(message(
                    reading("E-1", T0, "'energy_kwh':1"),
                    "{'meter':'E-2','values':{'energy_kwh':2}}",
                    reading("E-3", T0, "'energy_kwh':3")));

            assertThat(d.readings()).extracting(Reading::meter).containsExactly("E-1", "E-3");
            assertThat(d.positions()).containsExactly(0, 2);
            assertThat(d.pathOf(1)).isEqualTo("$.readings[2]");
            assertThat(d.rejections()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
                assertThat(r.path()).isEqualTo("$.readings[1].ts");
                assertThat(r.meter()).isEqualTo("E-2");
            });
        }

        @Test
        void aBadValueCostsOnlyThatValue() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'energy_kwh':NaN,'power_kw':12.5,'voltage_v':'230'")));

            assertThat(d.readings()).singleElement()
                    .satisfies(r -> assertThat(r.values()).containsExactly(Value.of(Quantity.POWER_KW, 12.5)));
            assertThat(d.rejections()).extracting(Rejection::reason, Rejection::path, Rejection::meter, Rejection::timeMs)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(RejectReason.VALUE_NOT_FINITE, "$.readings[0].values.energy_kwh", "E-1", T0),
                            org.assertj.core.groups.Tuple.tuple(RejectReason.WRONG_TYPE, "$.readings[0].values.voltage_v", "E-1", T0));
        }

        @Test
        void aReadingWithOnlyBadValuesIsNotKeptEmpty() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'energy_kwh':-5")));
            assertThat(d.readings()).isEmpty();
            assertThat(reasons(d)).containsExactly("value_out_of_range");
        }

        @Test
        void aReadingThatIsNotAnObjectIsRejectedAlone() {
            DecodedTelemetry d = decode(message("42", "[1,2]", reading("E-1", T0, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("wrong_type", "wrong_type");
            assertThat(d.rejections()).extracting(Rejection::path).containsExactly("$.readings[0]", "$.readings[1]");
            assertThat(d.readings()).hasSize(1);
        }
    }

    @Nested
    class NonFiniteNumbers {
        @ParameterizedTest
        @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "1e400", "-1e999"})
        void areRejectedPerValue(String literal) {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'power_kw':" + literal + ",'energy_kwh':5")));
            assertThat(reasons(d)).containsExactly("value_not_finite");
            assertThat(d.rejections().get(0).detail()).contains("power_kw").contains("finite");
            assertThat(d.readings()).singleElement()
                    .satisfies(r -> assertThat(r.values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 5)));
        }

        @Test
        void nanAsTextIsAWrongType() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'power_kw':'NaN'")));
            assertThat(reasons(d)).containsExactly("wrong_type");
            assertThat(d.rejections().get(0).detail()).contains("must be a number").contains("\"NaN\"");
        }
    }

    @Nested
    class Limits_ {
        @Test
        void messageLargerThanTheLimitIsRejectedWhole() {
            TelemetryDecoder small = new TelemetryDecoder(new Limits(200, 1000, 32, Duration.ofMinutes(5), Duration.ofDays(30)), CLOCK);
            String json = message(reading("E-1", T0, "'energy_kwh':1"), reading("E-2", T0, "'energy_kwh':1"),
                    reading("E-3", T0, "'energy_kwh':1"));
            DecodedTelemetry d = small.decode(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("message_too_large");
            assertThat(d.rejections().get(0).detail()).contains("the limit is 200");
        }

        @Test
        void exactlyTheMaximumNumberOfReadingsIsAccepted() {
            String[] readings = IntStream.range(0, 1000).mapToObj(i -> reading("E-" + i, T0, "'energy_kwh':" + i)).toArray(String[]::new);
            DecodedTelemetry d = decode(message(readings));
            assertThat(d.rejections()).isEmpty();
            assertThat(d.readings()).hasSize(1000);
        }

        @Test
        void oneReadingMoreThanTheMaximumRejectsTheMessage() {
            String[] readings = IntStream.range(0, 1001).mapToObj(i -> reading("E-" + i, T0, "'energy_kwh':" + i)).toArray(String[]::new);
            DecodedTelemetry d = decode(message(readings));
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("too_many_readings");
            assertThat(d.seq()).isEqualTo(7L);
        }

        @Test
        void tooManyValuesInOneReadingRejectsTheReading() {
            TelemetryDecoder twoValues = new TelemetryDecoder(new Limits(262144, 1000, 2, Duration.ofMinutes(5), Duration.ofDays(30)), CLOCK);
            String json = message(reading("E-1", T0, "'energy_kwh':1,'power_kw':2,'voltage_v':3"), reading("E-2", T0, "'energy_kwh':1,'power_kw':2"));
            DecodedTelemetry d = twoValues.decode(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
            assertThat(reasons(d)).containsExactly("too_many_values");
            assertThat(d.readings()).extracting(Reading::meter).containsExactly("E-2");
        }

        @Test
        void timestampsWithinTheFutureSkewAreAccepted() {
            long now = T0 + 60_000;
            DecodedTelemetry d = decode(message(reading("E-1", now + Duration.ofMinutes(5).toMillis(), "'energy_kwh':1")));
            assertThat(d.rejections()).isEmpty();
        }

        @Test
        void timestampsTooFarAheadAreRejected() {
            long now = T0 + 60_000;
            DecodedTelemetry d = decode(message(reading("E-1", now + Duration.ofMinutes(5).toMillis() + 1, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("timestamp_in_future");
            assertThat(d.rejections().get(0).detail()).contains("ahead of the platform clock");
        }

        @Test
        void aDayLateNbIotUplinkIsAccepted() {
            DecodedTelemetry d = decode(message(reading("W-1", T0 - Duration.ofHours(30).toMillis(), "'volume_m3':1")));
            assertThat(d.rejections()).isEmpty();
        }

        @Test
        void timestampsOlderThanTheMaximumAgeAreRejected() {
            long now = T0 + 60_000;
            DecodedTelemetry d = decode(message(reading("E-1", now - Duration.ofDays(30).toMillis() - 1, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("timestamp_too_old");
        }

        @Test
        void epochSecondsGetAHint() {
            DecodedTelemetry d = decode(message(reading("E-1", T0 / 1000, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("timestamp_too_old");
            assertThat(d.rejections().get(0).detail()).contains("looks like epoch seconds");
        }

        @Test
        void aDeploymentCanAcceptOlderHistory() {
            TelemetryDecoder backfill = new TelemetryDecoder(Limits.DEFAULT.withMaxAge(Duration.ofDays(400)), CLOCK);
            String json = message(reading("E-1", T0 - Duration.ofDays(365).toMillis(), "'energy_kwh':1"));
            assertThat(backfill.decode(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)).rejections()).isEmpty();
        }
    }

    @Nested
    class Timestamps {
        @ParameterizedTest
        @ValueSource(strings = {"2026-11-22T08:00:00+08:00", "2026-11-22T00:00:00Z", "2026-11-22T00:00Z", "2026-11-21T19:00:00.000-05:00"})
        void isoWithAnOffsetIsAccepted(String iso) {
            DecodedTelemetry d = decode(message(reading("E-1", iso, "'energy_kwh':1")));
            assertThat(d.rejections()).isEmpty();
            assertThat(d.readings().get(0).timeMs()).isEqualTo(T0);
        }

        @Test
        void isoWithoutOffsetIsRejectedWithAHint() {
            DecodedTelemetry d = decode(message(reading("E-1", "2026-11-22T08:00:00", "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("invalid_timestamp");
            assertThat(d.rejections().get(0).detail()).contains("has no UTC offset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "", "1795305600000"})
        void unparseableTextIsRejected(String text) {
            DecodedTelemetry d = decode(message(reading("E-1", text, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("invalid_timestamp");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.7953056E12", "true", "null", "{}", "[1]"})
        void otherTypesAreRejected(String ts) {
            DecodedTelemetry d = decode("{'seq':1,'readings':[{'meter':'E-1','ts':" + ts + ",'values':{'energy_kwh':1}}]}");
            assertThat(reasons(d)).containsExactly("wrong_type");
            assertThat(d.rejections().get(0).path()).isEqualTo("$.readings[0].ts");
        }

        @Test
        void anIntegerBeyondLongIsRejected() {
            DecodedTelemetry d = decode("{'seq':1,'readings':[{'meter':'E-1','ts':99999999999999999999,'values':{'energy_kwh':1}}]}");
            assertThat(reasons(d)).containsExactly("invalid_timestamp");
        }
    }

    @Nested
    class MissingExtraAndWrongFields {
        @Test
        void missingSeqRejectsTheMessage() {
            DecodedTelemetry d = decode("{'readings':[" + reading("E-1", T0, "'energy_kwh':1") + "]}");
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("missing_field");
            assertThat(d.rejections().get(0).detail()).contains("$.seq");
        }

        @Test
        void missingReadingsRejectsTheMessage() {
            assertThat(reasons(decode("{'seq':1}"))).containsExactly("missing_field");
        }

        @Test
        void emptyReadingsRejectsTheMessage() {
            assertThat(reasons(decode("{'seq':1,'readings':[]}"))).containsExactly("no_readings");
        }

        @Test
        void anUnknownTopLevelFieldRejectsTheMessage() {
            DecodedTelemetry d = decode("{'seq':1,'gateway':'gw-1','readings':[" + reading("E-1", T0, "'energy_kwh':1") + "]}");
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("unknown_field");
            assertThat(d.rejections().get(0).detail()).contains("$.gateway");
        }

        @Test
        void anUnknownFieldInAReadingRejectsThatReading() {
            DecodedTelemetry d = decode(message("{'meter':'E-1','ts':" + T0 + ",'unit':'kWh','values':{'energy_kwh':1}}",
                    reading("E-2", T0, "'energy_kwh':1")));
            assertThat(reasons(d)).containsExactly("unknown_field");
            assertThat(d.rejections().get(0).path()).isEqualTo("$.readings[0].unit");
            assertThat(d.readings()).extracting(Reading::meter).containsExactly("E-2");
        }

        @Test
        void anUnknownValueNameCostsThatValue() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'energy':1,'energy_kwh':2")));
            assertThat(reasons(d)).containsExactly("unknown_quantity");
            assertThat(d.rejections().get(0).detail()).contains("\"energy\"");
            assertThat(d.readings().get(0).values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 2));
        }

        @Test
        void missingMeterOrValuesRejectsTheReading() {
            DecodedTelemetry d = decode(message("{'ts':" + T0 + ",'values':{'energy_kwh':1}}", "{'meter':'E-1','ts':" + T0 + "}"));
            assertThat(d.rejections()).extracting(Rejection::path).containsExactly("$.readings[0].meter", "$.readings[1].values");
            assertThat(reasons(d)).containsExactly("missing_field", "missing_field");
        }

        @Test
        void emptyValuesRejectsTheReading() {
            assertThat(reasons(decode(message(reading("E-1", T0, ""))))).containsExactly("no_values");
        }

        @Test
        void duplicateFieldsAreRejected() {
            assertThat(reasons(decode("{'seq':1,'seq':2,'readings':[]}"))).containsExactly("duplicate_field");
            DecodedTelemetry d = decode(message("{'meter':'E-1','meter':'E-2','ts':" + T0 + ",'values':{'energy_kwh':1}}",
                    reading("E-3", T0, "'energy_kwh':1,'energy_kwh':2")));
            assertThat(reasons(d)).containsExactly("duplicate_field", "duplicate_field");
            assertThat(d.readings()).isEmpty();
        }

        @Test
        void theSameMeterAndInstantTwiceInOneMessageKeepsTheFirstAndReportsTheSecond() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'energy_kwh':10"), reading("E-2", T0, "'energy_kwh':5"),
                    reading("E-1", T0, "'energy_kwh':11"), reading("E-1", T0 + 1000, "'energy_kwh':12")));

            assertThat(d.readings()).extracting(Reading::meter, Reading::timeMs)
                    .containsExactly(tuple("E-1", T0), tuple("E-2", T0), tuple("E-1", T0 + 1000));
            assertThat(d.readings().get(0).values().get(0).number()).isEqualTo(10.0);
            assertThat(d.rejections()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE_READING);
                assertThat(r.path()).isEqualTo("$.readings[2]");
                assertThat(r.meter()).isEqualTo("E-1");
                assertThat(r.detail()).contains("already sent at $.readings[0]");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1.5", "'7'", "null", "99999999999999999999"})
        void seqMustBeANonNegativeInteger(String seq) {
            DecodedTelemetry d = decode("{'seq':" + seq + ",'readings':[" + reading("E-1", T0, "'energy_kwh':1") + "]}");
            assertThat(reasons(d)).containsExactly("wrong_type");
            assertThat(d.wholeMessageRejected()).isTrue();
        }

        @Test
        void readingsMustBeAnArray() {
            assertThat(reasons(decode("{'seq':1,'readings':{}}"))).containsExactly("wrong_type");
        }

        @Test
        void meterMustBeAValidIdString() {
            DecodedTelemetry d = decode(message(reading("E 1", T0, "'energy_kwh':1"), reading("x".repeat(65), T0, "'energy_kwh':1"),
                    "{'meter':12,'ts':" + T0 + ",'values':{'energy_kwh':1}}"));
            assertThat(reasons(d)).containsExactly("invalid_meter_id", "invalid_meter_id", "wrong_type");
            assertThat(d.rejections().get(1).detail()).contains("65 characters");
            assertThat(d.rejections().get(1).meter()).hasSizeLessThan(70);
        }

        @Test
        void stateMustBeAKnownStateText() {
            DecodedTelemetry d = decode(message(reading("M-1", T0, "'state':'broken','run_hours':1"), reading("M-2", T0, "'state':1")));
            assertThat(reasons(d)).containsExactly("invalid_state", "wrong_type");
            assertThat(d.readings()).singleElement().satisfies(r -> assertThat(r.meter()).isEqualTo("M-1"));
        }

        @Test
        void valuesOutsideTheirPhysicalRangeAreRejected() {
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'power_factor':1.2,'voltage_v':-1,'energy_kwh':-0.01,'power_kw':-50")));
            assertThat(reasons(d)).containsExactly("value_out_of_range", "value_out_of_range", "value_out_of_range");
            assertThat(d.readings().get(0).values()).containsExactly(Value.of(Quantity.POWER_KW, -50));
        }
    }

    @Nested
    class MalformedPayloads {
        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "{'seq':1,'readings':[", "{'seq':1,'readings':[]}}", "{'seq':1,'readings':[]} x",
                "{'seq':1 'readings':[]}"})
        void areRejectedWholeWithAPosition(String json) {
            DecodedTelemetry d = decode(json);
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("malformed_json");
        }

        @Test
        void nonObjectPayloadsAreAWrongType() {
            assertThat(reasons(decode("[1,2,3]"))).containsExactly("wrong_type");
            assertThat(reasons(decode("42"))).containsExactly("wrong_type");
        }

        @Test
        void theErrorNamesWhereTheJsonBroke() {
            DecodedTelemetry d = decode("{'seq':1,\n'readings':[}");
            assertThat(d.rejections().get(0).detail()).contains("line 2");
        }

        @Test
        void invalidUtf8IsRejectedNotThrown() {
            byte[] payload = {'{', '"', 's', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
            DecodedTelemetry d = decoder.decode(payload);
            assertThat(d.wholeMessageRejected()).isTrue();
        }

        @Test
        void deeplyNestedGarbageIsRejectedNotThrown() {
            String deep = "[".repeat(5000) + "]".repeat(5000);
            DecodedTelemetry d = decode("{'seq':1,'readings':[{'meter':'E-1','ts':" + T0 + ",'values':{'x':" + deep + "}}]}");
            assertThat(d.wholeMessageRejected()).isTrue();
            assertThat(reasons(d)).containsExactly("malformed_json");
        }

        @Test
        void longUnknownNamesAreNotEchoedInFull() {
            String name = "n".repeat(5000);
            DecodedTelemetry d = decode(message(reading("E-1", T0, "'" + name + "':1,'energy_kwh':1")));
            assertThat(d.rejections().get(0).detail()).hasSizeLessThan(200);
            assertThat(d.rejections().get(0).path()).hasSizeLessThan(120);
        }
    }
}
