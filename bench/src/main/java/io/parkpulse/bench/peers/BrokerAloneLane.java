package io.parkpulse.bench.peers;

import io.parkpulse.bench.load.CpuWindow;
import io.parkpulse.bench.load.ProcessCpu;
import io.parkpulse.simulators.load.LoadTraffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker alone: the publisher → Mosquitto → {@code mosquitto_sub} on the same filter, its output thrown away,
 * exiting after the run's last message ({@code -C}). Nothing is stored: this is the most the publisher and the broker
 * allow on this machine, the ceiling for one reading per message.
 */
final class BrokerAloneLane implements PeerLane {

    private final PeerRig rig;
    private final String mosquittoSub;

    BrokerAloneLane(PeerRig rig, String mosquittoSub) {
        this.rig = rig;
        this.mosquittoSub = mosquittoSub;
    }

    @Override
    public PeerRun run(PlannedRun plan) throws Exception {
        ReadingBlock block = rig.measuredBlock();
        LoadTraffic traffic = new LoadTraffic(rig.publisher().park(), plan.shape().readingsPerMessage(), block.baseMs());
        long messages = (long) block.rounds() * rig.publisher().park().gateways() * traffic.messagesPerRound();
        String clientId = "peers-" + plan.name() + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Path log = rig.work().resolve(plan.name()).resolve("mosquitto_sub.log");
        long mark = rig.brokerLog().mark();
        // QoS 1 subscription as ingest's: messages arrive at the publisher's QoS
        Process sub = ChildProcesses.start(List.of(mosquittoSub, "-h", rig.host(), "-p", Integer.toString(rig.port()), "-V", "5",
                "-i", clientId, "-q", "1", "-t", PeerRig.TELEMETRY_FILTER, "-C", Long.toString(messages)), Map.of(), log, true);
        AtomicLong exitedAt = new AtomicLong();
        sub.onExit().thenRun(() -> exitedAt.set(System.nanoTime()));
        try {
            rig.brokerLog().awaitSubscription(mark, clientId, PeerRig.TELEMETRY_FILTER, Duration.ofSeconds(30),
                    () -> sub.isAlive() ? null : "mosquitto_sub exited with " + sub.exitValue() + "; see " + log);
            CpuWindow cpu = new CpuWindow(rig.watched(null, null));
            double subCpuBefore = ProcessCpu.seconds(sub.pid()).orElse(Double.NaN);
            LastCpuSample subCpu = LastCpuSample.follow(sub.pid());
            long start = System.nanoTime();
            PeerPublisher.Published published = rig.publisher().publish(block, plan.shape());
            boolean received = sub.waitFor(PeerRig.STALL.toSeconds(), TimeUnit.SECONDS) && sub.exitValue() == 0;
            long end = received ? waitForExitTime(exitedAt) : System.nanoTime();
            cpu.stop();
            Map<String, Double> used = new LinkedHashMap<>();
            used.put(ProcessNames.MOSQUITTO_SUB, subCpu.stop() - subCpuBefore);
            used.putAll(cpu.used());
            return new PeerRun(plan, published.readings(), received ? block.readings(rig.publisher().park()) : -1, 0, (end - start) / 1e9,
                    used, Double.NaN, received ? null : "mosquitto_sub did not receive every message within "
                    + PeerRig.STALL.toSeconds() + " s of the last publish");
        } finally {
            ChildProcesses.stop(sub, Duration.ofSeconds(5));
        }
    }

    private static long waitForExitTime(AtomicLong exitedAt) throws InterruptedException {
        while (exitedAt.get() == 0) {
            Thread.sleep(1);
        }
        return exitedAt.get();
    }
}
