package io.parkpulse.chaos;

import io.parkpulse.testkit.QueryResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every read the real gateway's meters answered in a {@link GatewayWindow} is stored in InfluxDB exactly once
 * and in order. Each read shows a new energy value ({@link CountingRegisters}), so a stored value names its read: one
 * InfluxQL query of the gateway park's points since the window opened, a series per meter in time order, holds them
 * all. A read never stored is lost, unless it was answered within a poll cycle plus the read timeout before a kill of
 * the gateway: then it may have been under way when the power went ({@link ScenarioResult} allows one per meter).
 */
final class GatewayDeliveryCheck {

    private static final long POLL_MS = 500;
    /** The gateway stamps a reading after the meter answered, on the same clock; a second's slack costs nothing. */
    private static final long CLOCK_SLACK_MS = 1_000;

    private final Stage stage;
    private final GatewayWindow window;
    private final Map<String, CountingRegisters.Reads> answered = new LinkedHashMap<>();
    private final List<Long> kills;

    private GatewayDeliveryCheck(Stage stage, GatewayWindow window) {
        this.stage = stage;
        this.window = window;
        for (String meter : stage.gateway.meters()) {
            answered.put(meter, stage.gateway.registers().answeredBetween(meter, window.fromMs(), window.toMs()));
        }
        this.kills = stage.gateway.killsBetween(window.fromMs(), window.toMs());
    }

    /**
     * The figures of an ended window, once every read in it is stored or {@code limit} has passed: the gateway may still
     * be sending, or waiting to resend, the last ones.
     */
    static GatewayDelivery check(Stage stage, GatewayWindow window, Duration limit) throws InterruptedException {
        GatewayDeliveryCheck check = new GatewayDeliveryCheck(stage, window);
        long deadline = System.nanoTime() + limit.toNanos();
        GatewayDelivery figures = check.count();
        while (figures.lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
            figures = check.count();
        }
        if (figures.inFlightAtKill() > 0) {
            Thread.sleep(1_000); // a read answered just before the kill may have been buffered, its message still on its way
            figures = check.count();
        }
        return figures;
    }

    private GatewayDelivery count() throws InterruptedException {
        Map<String, List<Long>> storedByMeter = storedReads();
        long read = 0;
        long stored = 0;
        long inFlight = 0;
        long worstMeterInFlight = 0;
        long lost = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        for (Map.Entry<String, CountingRegisters.Reads> meter : answered.entrySet()) {
            CountingRegisters.Reads reads = meter.getValue();
            List<Long> storedReads = storedByMeter.getOrDefault(meter.getKey(), List.of()).stream().filter(reads::contains).toList();
            Set<Long> present = new HashSet<>(storedReads);
            read += reads.count();
            stored += storedReads.size();
            duplicates += storedReads.size() - present.size();
            for (int i = 1; i < storedReads.size(); i++) {
                if (storedReads.get(i) < storedReads.get(i - 1)) {
                    outOfOrder++;
                }
            }
            long meterInFlight = 0;
            for (long n = reads.first(); n <= reads.last(); n++) {
                if (!present.contains(n)) {
                    if (answeredJustBeforeAKill(meter.getKey(), n)) {
                        meterInFlight++;
                    } else {
                        lost++;
                    }
                }
            }
            inFlight += meterInFlight;
            worstMeterInFlight = Math.max(worstMeterInFlight, meterInFlight);
        }
        return new GatewayDelivery(read, stored, inFlight, worstMeterInFlight, lost, duplicates, outOfOrder, window.failedReads(),
                window.resends(), window.peakUnconfirmed(), window.peakRssMb());
    }

    private boolean answeredJustBeforeAKill(String meter, long n) {
        long at = stage.gateway.registers().answeredAt(meter, n);
        long reach = stage.plan.gatewayPoll().toMillis() + GatewayRig.READ_TIMEOUT.toMillis();
        return kills.stream().anyMatch(kill -> at >= kill - reach && at <= kill);
    }

    /** Per meter, the read numbers stored since the window opened, in time order. */
    private Map<String, List<Long>> storedReads() throws InterruptedException {
        QueryResult result = stage.query("SELECT energy_kwh FROM electricity WHERE park = '" + GatewayRig.PARK + "' AND time >= "
                + (window.fromMs() - CLOCK_SLACK_MS) + "ms GROUP BY meter");
        Map<String, List<Long>> byMeter = new HashMap<>();
        for (QueryResult.Series series : result.series()) {
            byMeter.put(series.tags().get("meter"), series.column("energy_kwh").stream()
                    .map(kwh -> CountingRegisters.readNumber(((Number) kwh).doubleValue())).toList());
        }
        return byMeter;
    }
}
