package io.parkpulse.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one fault did to the steady load and to the real gateway's reads.
 *
 * @param published           readings the broker acknowledged for a subscriber
 * @param stored              readings of the load in InfluxDB once the pipeline drained
 * @param duplicateDeliveries points ingest wrote more than once (redelivered messages, absorbed by InfluxDB's
 *                            overwrite of an identical point); a lower bound: a killed instance's last writes are not seen
 * @param recoveryMs          from the moment the fault was lifted until every reading of the rounds produced by then was
 *                            stored; -1 if not within the plan's limit
 * @param ingestBackMs        from the same moment until every ingest instance was subscribed again
 * @param baselineHeapMb      the peak heap in use of an ingest instance during the warm-up before the fault
 * @param peakHeapMb          the peak heap in use (garbage included) of an ingest instance from the fault to the drain
 * @param peakLiveHeapMb      the peak live heap (kept by the last collection) of an instance over the same time
 * @param peakRssMb           the largest resident memory of one ingest instance over the same time
 * @param failedAttempts      publish attempts the load's gateways had to repeat (broker gone, no subscriber yet)
 * @param resends             messages the load's gateways sent again for want of an end-to-end ack (0 without acks):
 *                            each wrote its readings again, so stored = published shows they collapsed into the same points
 * @param outOfMemory         an ingest log reports an OutOfMemoryError
 * @param cutsTheLoad         the fault lay in the load's path (the recovery figure means something)
 * @param gateway             what became of the real gateway's reads in the fault's window
 * @param replay              for the uplink fault, what the restarted gateway found in its buffer; null otherwise
 */
record ScenarioResult(String name, String fault, long published, long stored, long duplicateDeliveries, long recoveryMs,
                      long ingestBackMs, double baselineHeapMb, double peakHeapMb, double peakLiveHeapMb, double peakRssMb,
                      long failedAttempts, long resends, boolean ingestsAlive, boolean outOfMemory, boolean cutsTheLoad,
                      GatewayDelivery gateway, BufferReplay replay, int heapLimitMb, long recoveryLimitMs) {

    ScenarioResult {
        Objects.requireNonNull(gateway, "every fault checks the gateway's reads");
    }

    long missing() {
        return published - stored;
    }

    /** What did not hold, empty when the scenario passed. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (stored != published) {
            problems.add(published + " readings published, " + stored + " stored");
        }
        if (cutsTheLoad && recoveryMs < 0) {
            problems.add("not recovered within " + recoveryLimitMs / 1000 + " s");
        }
        if (ingestBackMs < 0) {
            problems.add("ingest not subscribed again within " + recoveryLimitMs / 1000 + " s");
        }
        if (!ingestsAlive) {
            problems.add("an ingest instance died");
        }
        if (outOfMemory) {
            problems.add("an ingest instance ran out of memory");
        }
        // each instance has -Xmx heapLimitMb; bounded means what survives collections stays well below it
        if (peakLiveHeapMb >= heapLimitMb * 0.9) {
            problems.add("ingest live heap reached " + Math.round(peakLiveHeapMb) + " MiB");
        }
        gatewayProblems(problems);
        if (replay != null) {
            replayProblems(problems);
        }
        return problems;
    }

    private void gatewayProblems(List<String> problems) {
        if (gateway.read() == 0) {
            problems.add("the gateway's meters answered no read in the fault's window: nothing checked");
        }
        if (gateway.lost() > 0) {
            problems.add(gateway.lost() + " gateway readings lost (" + gateway.failedReads() + " reads failed in the window)");
        }
        if (gateway.worstMeterInFlight() > 1) {
            problems.add(gateway.worstMeterInFlight() + " reads of one meter lost at the kill (one may be in flight)");
        }
        if (gateway.duplicates() > 0) {
            problems.add(gateway.duplicates() + " gateway readings stored twice");
        }
        if (gateway.outOfOrder() > 0) {
            problems.add(gateway.outOfOrder() + " gateway readings out of order");
        }
    }

    private void replayProblems(List<String> problems) {
        if (replay.drainMs() < 0) {
            problems.add("gateway buffer did not drain within " + recoveryLimitMs / 1000 + " s");
        }
        if (replay.foundAtRestart() <= 0) {
            problems.add("the restarted gateway found nothing in its buffer");
        }
    }

    boolean passed() {
        return problems().isEmpty();
    }
}
