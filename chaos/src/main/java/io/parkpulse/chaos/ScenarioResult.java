package io.parkpulse.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What one fault did to the steady load (and, for the gateway fault, to the real gateway's readings).
 *
 * @param published           readings the broker acknowledged for a subscriber
 * @param stored              of those, readings in InfluxDB once the pipeline drained
 * @param duplicateDeliveries points ingest wrote more than once (redelivered messages, absorbed by InfluxDB's
 *                            overwrite of an identical point); a lower bound: a killed instance's last writes are not seen
 * @param recoveryMs          from the end of the fault until every reading produced before it was stored; -1 if not
 *                            within the plan's limit
 * @param ingestBackMs        from the end of the fault until every ingest instance was subscribed again (0: they never left)
 * @param baselineHeapMb      the peak heap in use of an ingest instance during the warm-up before the fault
 * @param peakHeapMb          the peak heap in use of an ingest instance from the fault to the end of the drain
 * @param peakRssMb           the largest resident memory of one ingest instance over the same time
 * @param failedAttempts      publish attempts the load's gateways had to repeat (broker gone, no subscriber yet)
 * @param gateway             the real gateway's figures, for the uplink fault; null otherwise
 */
record ScenarioResult(String name, String fault, long published, long stored, long duplicateDeliveries, long recoveryMs,
                      long ingestBackMs, double baselineHeapMb, double peakHeapMb, double peakRssMb, long failedAttempts,
                      boolean ingestsAlive,
                      GatewayFigures gateway, int heapLimitMb, long recoveryLimitMs, int gatewayMeters) {

    long missing() {
        return published - stored;
    }

    /** What did not hold, empty when the scenario passed. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (stored != published) {
            problems.add(published + " readings published, " + stored + " stored");
        }
        if (recoveryMs < 0) {
            problems.add("not recovered within " + recoveryLimitMs / 1000 + " s");
        }
        if (ingestBackMs < 0) {
            problems.add("ingest not subscribed again within " + recoveryLimitMs / 1000 + " s");
        }
        if (!ingestsAlive) {
            problems.add("an ingest instance died");
        }
        // each instance has -Xmx heapLimitMb; bounded means none came near it (a collection would have been too late)
        if (peakHeapMb >= heapLimitMb * 0.9) {
            problems.add("ingest heap reached " + Math.round(peakHeapMb) + " MiB");
        }
        if (gateway != null) {
            if (gateway.duplicates() > 0) {
                problems.add(gateway.duplicates() + " gateway readings stored twice");
            }
            if (gateway.outOfOrder() > 0) {
                problems.add(gateway.outOfOrder() + " gateway readings out of order");
            }
            if (gateway.lostInFlight() > gatewayMeters) {
                problems.add(gateway.lostInFlight() + " gateway readings lost (at most one per meter may be in flight at the kill)");
            }
            if (gateway.drainMs() < 0) {
                problems.add("gateway buffer did not drain within " + recoveryLimitMs / 1000 + " s");
            }
            if (gateway.bufferedAtRestart() <= 0) {
                problems.add("the restarted gateway found nothing in its buffer");
            }
        }
        return problems;
    }

    boolean passed() {
        return problems().isEmpty();
    }
}
