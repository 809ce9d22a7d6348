package io.parkpulse.contract;

import io.parkpulse.testkit.fuzz.FuzzInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzes the wire-JSON decoder with {@link FuzzInputs#INPUTS} inputs per generator (system property
 * {@code parkpulse.fuzz.inputs}): no exception may escape, and every rejection names a reason and a detail.
 */
class TelemetryDecoderFuzzTest {

    static final long NOW = 1795305600000L;
    static final TelemetryDecoder DECODER = new TelemetryDecoder(Limits.DEFAULT,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    /** Valid messages that together use every quantity, both time forms and every state. */
    static List<String> samples() {
        List<String> samples = new ArrayList<>();
        StringBuilder all = new StringBuilder("{\"seq\":7,\"readings\":[");
        int i = 0;
        for (Quantity q : Quantity.values()) {
            String value = q.isNumeric() ? String.valueOf(q.max() == null ? 12.5 : Math.max(q.min() == null ? 0.5 : q.min(), Math.min(q.max(), 0.5))) : "\"running\"";
            all.append(i++ == 0 ? "" : ",").append("{\"meter\":\"M-").append(i).append("\",\"ts\":").append(NOW - i * 1000L)
                    .append(",\"values\":{\"").append(q.wireName()).append("\":").append(value).append("}}");
        }
        samples.add(all.append("]}").toString());
        samples.add("{\"seq\":0,\"readings\":[{\"meter\":\"E-HD-MAIN\",\"ts\":\"2026-11-21T08:15:00+08:00\",\"values\":"
                + "{\"energy_kwh\":1234.5,\"power_kw\":12.25,\"voltage_v\":230.1,\"power_factor\":0.93}}]}");
        samples.add("{\"readings\":[{\"values\":{\"state\":\"fault\",\"run_hours\":12},\"ts\":" + NOW + ",\"meter\":\"EQ.kiln:1\"},"
                + "{\"meter\":\"W-01\",\"ts\":\"2026-11-21T00:15:00Z\",\"values\":{\"volume_m3\":5.125,\"battery_v\":3.6,"
                + "\"signal_dbm\":-91}}],\"seq\":9007199254740993}");
        return samples;
    }

    @Test
    void theSamplesThemselvesAreAccepted() {
        for (String sample : samples()) {
            assertThat(DECODER.decode(sample.getBytes(java.nio.charset.StandardCharsets.UTF_8)).rejections()).as(sample).isEmpty();
        }
    }

    @Test
    void mutatedMessagesAreDecodedOrRejectedWithAReason() {
        fuzz("TelemetryDecoder (JSON-aware mutations)", FuzzInputs.mutatedJson(samples()));
    }

    @Test
    void mutatedBytesAreDecodedOrRejectedWithAReason() {
        fuzz("TelemetryDecoder (byte mutations)", FuzzInputs.mutatedBytes(
                samples().stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList()));
    }

    private static void fuzz(String decoder, Gen<byte[]> inputs) {
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(FuzzInputs.EXAMPLES).withShrinkCycles(200).forAll(inputs).checkAssert(input -> {
            DecodedTelemetry decoded = DECODER.decode(input);
            for (Rejection r : decoded.rejections()) {
                assertThat(r.reason()).as("reason of %s", r).isNotNull();
                assertThat(r.detail()).as("detail of %s", r).isNotBlank();
                assertThat(r.path()).as("path of %s", r).isNotBlank();
            }
            (decoded.rejections().isEmpty() ? accepted : rejected).incrementAndGet();
        });
        System.out.printf("fuzz %s: %d inputs, %d rejected with a reason, %d accepted, 0 escaped%n",
                decoder, rejected.get() + accepted.get(), rejected.get(), accepted.get());
    }
}
