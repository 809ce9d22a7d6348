package io.parkpulse.chaos;

/**
 * What the real gateway's meters answered over the whole run and what InfluxDB holds of it.
 *
 * @param served            reads the emulated meters answered
 * @param stored            readings of those meters in InfluxDB
 * @param inFlightAtKill    answered within a poll cycle (plus the read timeout) before the kill and never stored: the
 *                          read under way when the power went; at most one per meter is allowed
 * @param worstMeterInFlight the most such reads of one meter
 * @param lost              answered at any other time and never stored: a loss
 * @param duplicates        a read stored at two times (its value appears twice)
 * @param outOfOrder        a later read stored at an earlier time than a former one
 * @param failedReads       reads the restarted gateway reports as failed (timeouts), for explaining a loss
 * @param bufferedAtRestart readings the restarted gateway found in its on-disk buffer
 * @param drainMs           from the uplink's return until the gateway's buffer was empty, -1 if it did not empty
 * @param peakRssMb         the gateway process's peak resident memory during and after the cut
 */
record GatewayFigures(long served, long stored, long inFlightAtKill, long worstMeterInFlight, long lost, long duplicates,
                      long outOfOrder, long failedReads, long bufferedAtRestart, long drainMs, long peakRssMb) {
}
