package io.parkpulse.chaos;

/**
 * What the real gateway's meters served and what InfluxDB holds of it, over the whole run.
 *
 * @param served            reads the emulated meters answered
 * @param stored            readings of those meters in InfluxDB
 * @param lostInFlight      answered by a meter but never stored: the reads in flight when the gateway was killed
 * @param duplicates        a read stored at two times (its value appears twice)
 * @param outOfOrder        a later read stored at an earlier time than a former one
 * @param bufferedAtRestart readings the restarted gateway found in its on-disk buffer
 * @param drainMs           from the uplink's return until the gateway's buffer was empty, -1 if it did not empty
 * @param peakRssMb         the gateway process's peak resident memory after its restart
 */
record GatewayFigures(long served, long stored, long lostInFlight, long duplicates, long outOfOrder, long bufferedAtRestart,
                      long drainMs, long peakRssMb) {
}
