package io.parkpulse.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real gateway's uplink cut (bytes swallowed, no reset) while it keeps reading its meters; half-way through it
 * is killed (a power cut) and started again, still without uplink. When the link is back, everything it read must
 * reach InfluxDB once and in order, but the read in flight at the kill: the suite checks that of every fault
 * ({@link GatewayDeliveryCheck}); this fault adds what the restarted gateway found in its buffer and how fast it
 * emptied it ({@link BufferReplay}).
 */
final class GatewayUplinkCut implements Scenario {

    private final AtomicLong foundAtRestart = new AtomicLong(-1);
    private volatile long restoredAt;
    private volatile long drainedAt = -1;
    private Thread drainWatch;

    @Override
    public String name() {
        return "gateway-uplink-cut";
    }

    @Override
    public String fault(ChaosPlan plan) {
        return "gateway uplink cut for " + plan.uplinkCut().toSeconds() + " s; gateway killed and restarted half-way";
    }

    @Override
    public Duration length(ChaosPlan plan) {
        return plan.uplinkCut();
    }

    @Override
    public boolean cutsTheLoad() {
        return false;
    }

    @Override
    public void inject(Stage stage) {
        stage.gateway.uplink().cut();
    }

    @Override
    public void during(Stage stage, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        Thread.sleep(length.toMillis() / 2);
        stage.gateway.kill();
        stage.gateway.start();
        foundAtRestart.set(stage.gateway.bufferedReadings());
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
    }

    @Override
    public void heal(Stage stage) {
        stage.gateway.uplink().restore();
        restoredAt = System.currentTimeMillis();
        drainWatch = new Thread(() -> {
            long deadline = restoredAt + stage.plan.recoveryLimit().toMillis();
            while (System.currentTimeMillis() < deadline) {
                if (stage.gateway.bufferedReadings() == 0) {
                    drainedAt = System.currentTimeMillis();
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gateway-drain-watch");
        drainWatch.setDaemon(true);
        drainWatch.start();
    }

    @Override
    public BufferReplay bufferReplay(Stage stage) throws InterruptedException {
        drainWatch.join(stage.plan.recoveryLimit().toMillis() + 1_000);
        return new BufferReplay(foundAtRestart.get(), drainedAt < 0 ? -1 : drainedAt - restoredAt);
    }
}
