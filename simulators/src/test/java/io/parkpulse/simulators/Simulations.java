package io.parkpulse.simulators;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.generator.ParkFileWriter;
import io.parkpulse.simulators.generator.ParkGenerator;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.run.MessageSink;
import io.parkpulse.simulators.run.OutgoingMessage;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Parks, runs and decoding shared by the simulator tests. */
public final class Simulations {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Simulations() {
    }

    public static Park demoPark() {
        return new ParkFileReader().read(Path.of("..", "test-kit", "parks", "demo-park.yaml"));
    }

    /** A generated park, written and read back through the park-file reader, as a user would get it. */
    public static Park generatedPark(int enterprises, long seed) {
        String yaml = ParkFileWriter.write(new ParkGenerator(new ParkGenerator.Settings("test-park", "测试园区", SHANGHAI, seed,
                enterprises, 0)).generate());
        return new ParkFileReader().read("test-park.yaml", yaml);
    }

    public static long localMidnight(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
    }

    /** A backfill without a broker: every message, in the order the run made them. */
    public static List<OutgoingMessage> dryRun(ParkModel model, long from, long to, Duration step, int readingsPerMessage)
            throws Exception {
        List<OutgoingMessage> messages = new ArrayList<>();
        MessageSink sink = messages::add;
        new SimulationRun(model, RunSettings.between(from, to, step, readingsPerMessage), Pace.backfill(), sink, new RunStats()).run();
        return messages;
    }

    /** A reading with the simulated instant of the step that emitted it and its gateway. */
    public record Emitted(long stepMs, int gateway, Reading reading) {
    }

    /** Steps the model directly (warm-up, then published steps) and keeps every reading with its step time. */
    public static List<Emitted> drive(ParkModel model, long from, long to, Duration step) {
        long s = step.toMillis();
        long warm = Math.min(from, Math.floorDiv(model.warmUpStart(from), s) * s);
        model.start(warm, from);
        for (long t = warm; t < from; t += s) {
            model.step(t, false, null);
        }
        List<Emitted> out = new ArrayList<>();
        for (long t = from; t < to; t += s) {
            long now = t;
            model.step(t, true, (g, r) -> out.add(new Emitted(now, g, r)));
        }
        model.finish();
        return out;
    }

    /** A decoder whose clock stands just after {@code endMs}, accepting readings up to 30 days old. */
    public static TelemetryDecoder decoderAt(long endMs) {
        return new TelemetryDecoder(Limits.DEFAULT, Clock.fixed(Instant.ofEpochMilli(endMs), SHANGHAI));
    }

    public static List<Reading> readings(List<OutgoingMessage> messages, TelemetryDecoder decoder) {
        List<Reading> readings = new ArrayList<>();
        for (OutgoingMessage m : messages) {
            DecodedTelemetry d = decoder.decode(m.payload());
            readings.addAll(d.readings());
        }
        return readings;
    }

    public static OptionalDouble value(Reading r, Quantity q) {
        for (Value v : r.values()) {
            if (v.quantity() == q) {
                return OptionalDouble.of(v.number());
            }
        }
        return OptionalDouble.empty();
    }
}
