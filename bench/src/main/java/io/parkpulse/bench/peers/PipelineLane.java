package io.parkpulse.bench.peers;

import io.parkpulse.bench.load.CpuWindow;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A lane whose system under test is a process of its own that takes the telemetry from the broker and writes it to
 * InfluxDB — ingest or Node-RED. Each run: a fresh database, a fresh process (its own client id, a clean session)
 * started and subscribed, in a warm run the warm-up readings stored first, then the measured readings published as
 * fast as the broker takes them and timed from the first publish until the last is queryable. The process is stopped
 * and its session swept afterwards.
 */
final class PipelineLane implements PeerLane {

    /** A running system under test. */
    interface PipelineProcess extends AutoCloseable {
        long pid();

        /** What went wrong so far (it exited, ran out of memory, logged an error), or null. */
        String problem();

        /** Peak resident memory so far, MB. */
        double peakRssMb();

        /** Stops the process and ends its broker session. */
        @Override
        void close() throws MqttException;
    }

    /** Starts a fresh process and returns once it is subscribed. */
    interface Launcher {
        PipelineProcess launch(String clientId, Path runDir) throws Exception;
    }

    private final PeerRig rig;
    private final String processName;
    private final Launcher launcher;

    PipelineLane(PeerRig rig, String processName, Launcher launcher) {
        this.rig = rig;
        this.processName = processName;
        this.launcher = launcher;
    }

    @Override
    public PeerRun run(PlannedRun plan) throws Exception {
        rig.freshStorage();
        String clientId = "peers-" + plan.name() + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        try (PipelineProcess process = launcher.launch(clientId, rig.work().resolve(plan.name()))) {
            WarmUp warm = plan.phase() == Phase.WARM ? warmUp(plan.shape()) : new WarmUp(0, null);
            ReadingBlock block = rig.measuredBlock();
            long writtenBefore = rig.influx().pointsWritten();
            CpuWindow cpu = new CpuWindow(rig.watched(processName, process.pid()));
            long start = System.nanoTime();
            PeerPublisher.Published published = rig.publisher().publish(block, plan.shape());
            InfluxReadings.Stored stored = rig.influx().awaitStored(published.readings(), block.baseMs(), block.endMs(), writtenBefore,
                    PeerRig.STALL);
            cpu.stop();
            long strays = Math.max(0, rig.influx().countAll() - warm.stored() - stored.count());
            String problem = firstOf(process.problem(), warm.problem(),
                    published.failed() > 0 ? published.failed() + " readings not acknowledged by the broker" : null);
            return new PeerRun(plan, published.readings(), stored.count(), strays, (stored.atNanos() - start) / 1e9, cpu.used(),
                    process.peakRssMb(), problem);
        }
    }

    /** Readings the warm-up stored, and what went wrong in it. */
    private record WarmUp(long stored, String problem) {
    }

    /** Stores the warm-up readings block after block, each waited for, in the run's shape. */
    private WarmUp warmUp(Shape shape) throws Exception {
        long stored = 0;
        long lost = 0;
        int left = rig.sizes().warmUpRounds();
        if (left == 0) {
            return new WarmUp(0, null);
        }
        ReadingBlock block = rig.firstWarmUpBlock();
        while (left > 0) {
            long writtenBefore = rig.influx().pointsWritten();
            PeerPublisher.Published published = rig.publisher().publish(block, shape);
            InfluxReadings.Stored done = rig.influx().awaitStored(published.readings(), block.baseMs(), block.endMs(), writtenBefore,
                    PeerRig.STALL);
            stored += done.count();
            lost += Math.max(0, published.readings() - done.count());
            left -= block.rounds();
            block = block.next(Math.max(1, Math.min(left, rig.sizes().rounds())));
        }
        return new WarmUp(stored, lost > 0 ? lost + " warm-up readings not stored" : null);
    }

    private static String firstOf(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
