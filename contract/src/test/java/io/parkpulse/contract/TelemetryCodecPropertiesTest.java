package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the codec over generated messages: round trips, and no exception on any input. */
class TelemetryCodecPropertiesTest {

    static final long NOW = 1795305600000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    static final TelemetryDecoder DECODER = new TelemetryDecoder(Limits.DEFAULT, CLOCK);
    static final TelemetryEncoder ENCODER = new TelemetryEncoder();

    static final List<Character> ID_START = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    static final List<Character> ID_REST = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }

    static Gen<String> meterIds() {
        return Generate.pick(ID_START).zip(lists().of(Generate.pick(ID_REST)).ofSizeBetween(0, 63), (first, rest) -> {
            StringBuilder sb = new StringBuilder().append(first);
            rest.forEach(sb::append);
            return sb.toString();
        });
    }

    static Gen<Value> values() {
        return Generate.enumValues(Quantity.class).flatMap(q -> {
            if (!q.isNumeric()) {
                return Generate.enumValues(EquipmentState.class).map((EquipmentState s) -> Value.of(s));
            }
            double lo = q.min() == null ? -1e12 : q.min();
            double hi = q.max() == null ? 1e12 : q.max();
            return doubles().between(lo, hi).map(x -> Value.of(q, x));
        });
    }

    static Gen<Reading> readings() {
        Gen<Long> times = longs().between(NOW - Limits.DEFAULT.maxAge().toMillis(), NOW + Limits.DEFAULT.maxFutureSkew().toMillis());
        return meterIds().zip(times, lists().of(values()).ofSizeBetween(1, 12), (meter, ts, vs) -> {
            EnumSet<Quantity> seen = EnumSet.noneOf(Quantity.class);
            List<Value> distinct = vs.stream().filter(v -> seen.add(v.quantity())).toList();
            return new Reading(meter, ts, distinct);
        });
    }

    static Gen<TelemetryMessage> messages() {
        return longs().between(0, Long.MAX_VALUE).zip(lists().of(readings()).ofSizeBetween(1, 40), TelemetryMessage::new);
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBackUnchanged() {
        qt().withExamples(2000).forAll(messages()).checkAssert(message -> {
            DecodedTelemetry decoded = DECODER.decode(ENCODER.encode(message));
            assertThat(decoded.rejections()).isEmpty();
            assertThat(decoded.seq()).isEqualTo(message.seq());
            assertThat(decoded.readings()).isEqualTo(message.readings());
        });
    }

    @Test
    void corruptedMessagesNeverThrowAndEveryRejectionHasAReason() {
        qt().withExamples(3000).forAll(messages(), longs().all(), integers().between(1, 8)).checkAssert((message, seed, edits) -> {
            byte[] corrupted = corrupt(ENCODER.encode(message), new Random(seed), edits);
            DecodedTelemetry decoded = DECODER.decode(corrupted);

            assertThat(decoded.rejections()).allSatisfy(r -> {
                assertThat(r.reason()).isNotNull();
                assertThat(r.path()).startsWith("$");
                assertThat(r.detail()).isNotBlank();
            });
            assertThat(decoded.readings()).allSatisfy(TelemetryCodecPropertiesTest::satisfiesTheContract);
            if (decoded.wholeMessageRejected()) {
                assertThat(decoded.readings()).isEmpty();
            }
        });
    }

    @Test
    void arbitraryBytesNeverThrow() {
        qt().withExamples(3000).forAll(longs().all(), integers().between(0, 600)).checkAssert((seed, length) -> {
            byte[] bytes = new byte[length];
            new Random(seed).nextBytes(bytes);
            DecodedTelemetry decoded = DECODER.decode(bytes);
            assertThat(decoded.rejections()).isNotEmpty();
            assertThat(decoded.readings()).isEmpty();
        });
    }

    static void satisfiesTheContract(Reading r) {
        assertThat(Ids.isValid(r.meter())).as("meter id " + r.meter()).isTrue();
        assertThat(r.timeMs()).isBetween(NOW - Duration.ofDays(30).toMillis(), NOW + Duration.ofMinutes(5).toMillis());
        assertThat(r.values()).isNotEmpty().hasSizeLessThanOrEqualTo(Limits.DEFAULT.maxValuesPerReading());
        for (Value v : r.values()) {
            if (v.quantity().isNumeric()) {
                assertThat(Double.isFinite(v.number())).isTrue();
                if (v.quantity().min() != null) {
                    assertThat(v.number()).isGreaterThanOrEqualTo(v.quantity().min());
                }
                if (v.quantity().max() != null) {
                    assertThat(v.number()).isLessThanOrEqualTo(v.quantity().max());
                }
            }
        }
    }

    /** Applies random byte-level edits: flip, delete a range, insert noise, duplicate a slice, or splice in JSON tokens. */
    static byte[] corrupt(byte[] original, Random random, int edits) {
        List<Byte> bytes = new ArrayList<>(original.length + 32);
        for (byte b : original) {
            bytes.add(b);
        }
        String[] tokens = {"NaN", "-Infinity", "null", "{", "}", "[", "]", ",", ":", "\"", "\\", "1e999", "\"ts\":", "\"values\":{}"};
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256));
                case 1 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(16));
                    bytes.subList(at, end).clear();
                }
                case 2 -> bytes.add(at, (byte) random.nextInt(256));
                case 3 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(32));
                    bytes.addAll(at, new ArrayList<>(bytes.subList(at, end)));
                }
                default -> {
                    byte[] token = tokens[random.nextInt(tokens.length)].getBytes();
                    for (int i = token.length - 1; i >= 0; i--) {
                        bytes.add(at, token[i]);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return Arrays.copyOf(out, out.length);
    }
}
