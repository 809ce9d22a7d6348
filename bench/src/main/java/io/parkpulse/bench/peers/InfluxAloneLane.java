package io.parkpulse.bench.peers;

import io.parkpulse.bench.load.CpuWindow;
import io.parkpulse.bench.load.InfluxBaseline;
import io.parkpulse.storage.InfluxConfig;

/**
 * InfluxDB alone: the bench's {@link InfluxBaseline} writes the run's number of points — the measurement, tags and
 * fields ingest writes for the load park — straight to InfluxDB in 5,000-point batches, two writes in flight (ingest's
 * defaults), from this JVM. The most storage allows on this machine, the ceiling for batched messages. The message
 * shape does not matter to it; it runs beside every shape so each round has its own ceiling.
 */
final class InfluxAloneLane implements PeerLane {

    private static final int BATCH_POINTS = 5_000;
    private static final int WRITES_IN_FLIGHT = 2;

    private final PeerRig rig;

    InfluxAloneLane(PeerRig rig) {
        this.rig = rig;
    }

    @Override
    public PeerRun run(PlannedRun plan) throws Exception {
        rig.freshStorage();
        InfluxReadings influx = rig.influx();
        InfluxBaseline baseline = new InfluxBaseline(rig.publisher().park(), InfluxConfig.of(influx.url().toString(), influx.database()),
                BATCH_POINTS, WRITES_IN_FLIGHT);
        long points = (long) rig.sizes().rounds() * rig.publisher().park().meters();
        CpuWindow cpu = new CpuWindow(rig.watched(null, null));
        InfluxBaseline.Report report = baseline.run(points);
        cpu.stop();
        long stored = influx.countAll();
        return new PeerRun(plan, report.points(), stored, 0, report.seconds(), cpu.used(), Double.NaN,
                stored < report.points() ? (report.points() - stored) + " points written but not queryable" : null);
    }
}
