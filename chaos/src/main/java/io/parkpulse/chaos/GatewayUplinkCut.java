package io.parkpulse.chaos;

import io.parkpulse.testkit.QueryResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real gateway's uplink cut (bytes swallowed, no reset) while it keeps reading its meters; half-way through it
 * is killed (a power cut) and started again, still without uplink. When the link is back, everything it read must
 * reach InfluxDB once and in order, but the read in flight at the kill.
 *
 * <p>Runs last: it switches the emulated meters off for good to settle its counts.
 */
final class GatewayUplinkCut implements Scenario {

    private static final Duration COUNT_LIMIT = Duration.ofSeconds(60);

    private final AtomicLong bufferedAtRestart = new AtomicLong(-1);
    private final AtomicLong peakRssMb = new AtomicLong(-1);
    private volatile long killedAt;
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
        killedAt = System.currentTimeMillis();
        stage.gateway.kill();
        stage.gateway.start();
        bufferedAtRestart.set(stage.gateway.bufferedReadings());
        while (System.nanoTime() < end) {
            peakRssMb.accumulateAndGet(stage.gateway.rssMbOrMinusOne(), Math::max);
            Thread.sleep(Math.min(1_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    @Override
    public void heal(Stage stage) {
        stage.gateway.uplink().restore();
        restoredAt = System.currentTimeMillis();
        drainWatch = new Thread(() -> {
            long deadline = restoredAt + stage.plan.recoveryLimit().toMillis();
            while (System.currentTimeMillis() < deadline) {
                peakRssMb.accumulateAndGet(stage.gateway.rssMbOrMinusOne(), Math::max);
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

    /** Switches the meters off so the counts can settle, waits for the drain, then compares each meter's reads with storage. */
    @Override
    public GatewayFigures figuresAfterDrain(Stage stage) throws Exception {
        drainWatch.join(stage.plan.recoveryLimit().toMillis() + 1_000);
        stage.gateway.registers().switchOff();
        long deadline = System.nanoTime() + COUNT_LIMIT.toNanos();
        while (stage.gateway.bufferedReadings() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long inFlightFrom = killedAt - stage.plan.gatewayPoll().toMillis() - GatewayRig.READ_TIMEOUT.toMillis();
        long served = 0;
        long stored = 0;
        long inFlight = 0;
        long worstMeterInFlight = 0;
        long lost = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        for (String meter : stage.gateway.meters()) {
            long servedByMeter = stage.gateway.registers().served(meter);
            List<Long> reads = awaitStoredReads(stage, meter, servedByMeter, deadline);
            served += servedByMeter;
            stored += reads.size();
            for (int i = 1; i < reads.size(); i++) {
                if (reads.get(i).equals(reads.get(i - 1))) {
                    duplicates++;
                } else if (reads.get(i) < reads.get(i - 1)) {
                    outOfOrder++;
                }
            }
            Set<Long> present = new HashSet<>(reads);
            long meterInFlight = 0;
            for (long n = 1; n <= servedByMeter; n++) {
                if (!present.contains(n)) {
                    long at = stage.gateway.registers().answeredAt(meter, n);
                    if (at >= inFlightFrom && at <= killedAt) {
                        meterInFlight++;
                    } else {
                        lost++;
                    }
                }
            }
            inFlight += meterInFlight;
            worstMeterInFlight = Math.max(worstMeterInFlight, meterInFlight);
        }
        return new GatewayFigures(served, stored, inFlight, worstMeterInFlight, lost, duplicates, outOfOrder,
                stage.gateway.failedReads(), bufferedAtRestart.get(), drainedAt < 0 ? -1 : drainedAt - restoredAt, peakRssMb.get());
    }

    /** The read numbers stored for a meter in time order, once ingest has written what the gateway delivered. */
    private static List<Long> awaitStoredReads(Stage stage, String meter, long served, long deadline) throws InterruptedException {
        String query = "SELECT energy_kwh FROM electricity WHERE park = '" + GatewayRig.PARK + "' AND meter = '" + meter
                + "' ORDER BY time ASC";
        List<Long> reads = storedReads(stage, query);
        while (reads.size() < served - 1 && System.nanoTime() < deadline) { // the read in flight at the kill may never come
            Thread.sleep(250);
            reads = storedReads(stage, query);
        }
        if (reads.size() < served) {
            Thread.sleep(1_000); // the last one may still be on its way from ingest to InfluxDB
            reads = storedReads(stage, query);
        }
        return reads;
    }

    private static List<Long> storedReads(Stage stage, String query) {
        QueryResult result = stage.influx.query(Stage.DB, query);
        return result.isEmpty() ? List.of() : result.single().values().stream()
                .map(row -> CountingRegisters.readNumber(((Number) row.get(1)).doubleValue())).toList();
    }
}
