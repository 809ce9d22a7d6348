package io.parkpulse.dashboard.support;

import io.parkpulse.contract.Limits;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.ingest.pipeline.MessagePreparer;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.parkpulse.ingest.pipeline.PreparedPoint;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.NbIotSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.run.MessageSink;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import io.parkpulse.testkit.InfluxDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backfills a simulated park straight into InfluxDB, each message turned into points by ingest's own
 * {@link MessagePreparer}: the stored series are exactly what ingest would store, without the broker round trip that
 * other tests already cover.
 */
public final class SimulatedParkLoader {

    private static final int LINES_PER_WRITE = 20_000;

    private SimulatedParkLoader() {
    }

    /** Ingest's preparation for {@code park}, as it runs at {@code nowMs}, accepting readings of any age. */
    private static MessagePreparer preparer(Park park, long nowMs) {
        TelemetryDecoder decoder = new TelemetryDecoder(Limits.DEFAULT.withMaxAge(Duration.ofDays(4000)),
                Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
        ParkRegistry registry = new ParkRegistry(List.of(park));
        return new MessagePreparer(decoder, () -> registry);
    }

    /** Delivers readings of one gateway as ingest would on receiving them at {@code receivedAtMs}. */
    public static void deliver(Park park, String gateway, List<io.parkpulse.contract.Reading> readings, long receivedAtMs,
                               InfluxDb influx, String db) {
        byte[] payload = new io.parkpulse.contract.TelemetryEncoder().encode(new io.parkpulse.contract.TelemetryMessage(1, readings));
        PreparedMessage prepared = preparer(park, receivedAtMs)
                .prepare(new InboundMessage(Topics.telemetry(park.id(), gateway), payload, 0, 1, 0, receivedAtMs));
        if (!prepared.rejections().isEmpty()) {
            throw new IllegalStateException("ingest rejects: " + prepared.rejections());
        }
        StringBuilder lines = new StringBuilder();
        prepared.points().forEach(p -> p.point().appendTo(lines).append('\n'));
        influx.write(db, lines.toString());
    }

    /** Simulates [fromMs, toMs) in 15-minute steps; returns how many readings were written (late marks not counted). */
    public static long load(Park park, long fromMs, long toMs, InfluxDb influx, String db) throws Exception {
        return load(park, fromMs, toMs, fromMs, influx, db);
    }

    /**
     * Simulates [fromMs, toMs) in 15-minute steps, as the demo sends its history: before {@code dailyUntilMs} wired
     * meters send one reading a day at local midnight (the registers still step every 15 minutes, so the consumption
     * between two readings is exact), NB-IoT meters their hourly values; 15-minute readings from then on. Returns how
     * many readings were written (late marks not counted).
     */
    public static long load(Park park, long fromMs, long toMs, long dailyUntilMs, InfluxDb influx, String db) throws Exception {
        MessagePreparer preparer = preparer(park, toMs);
        StringBuilder lines = new StringBuilder();
        long[] points = {0};
        int[] pending = {0};
        MessageSink sink = message -> {
            PreparedMessage prepared = preparer.prepare(new InboundMessage(Topics.telemetry(park.id(), message.gatewayId()),
                    message.payload(), 0, 1, 0, message.sendTimeMs()));
            if (!prepared.rejections().isEmpty()) {
                throw new IllegalStateException("the simulator sent readings ingest rejects: " + prepared.rejections());
            }
            for (PreparedPoint p : prepared.points()) {
                p.point().appendTo(lines).append('\n');
                points[0] += p.kind() == PreparedPoint.Kind.READING ? 1 : 0;
                if (++pending[0] >= LINES_PER_WRITE) {
                    influx.write(db, lines.toString());
                    lines.setLength(0);
                    pending[0] = 0;
                }
            }
        };
        ParkModel model = ParkModel.build(park, ModelSettings.of(2026));
        SimulationRun run = new SimulationRun(model, RunSettings.between(fromMs, toMs, Duration.ofMinutes(15), 50), Pace.backfill(),
                sink, new RunStats());
        if (dailyUntilMs > fromMs) {
            Set<Integer> nbIot = new HashSet<>();
            for (int g = 0; g < model.gateways().size(); g++) {
                if (model.gateways().get(g).contains(NbIotSettings.GATEWAY_MARKER)) {
                    nbIot.add(g);
                }
            }
            run.thinHistory(Duration.ofDays(1), dailyUntilMs, park.timeZone(), nbIot);
        }
        run.run();
        if (pending[0] > 0) {
            influx.write(db, lines.toString());
        }
        return points[0];
    }
}
