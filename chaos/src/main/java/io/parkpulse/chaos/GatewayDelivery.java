package io.parkpulse.chaos;

/**
 * What became of the reads the real gateway's meters answered in one fault's {@link GatewayWindow}, and what the
 * gateway went through meanwhile.
 *
 * @param read               reads the emulated meters answered in the window
 * @param stored             points of those reads in InfluxDB (a read stored at two times counts twice)
 * @param inFlightAtKill     never stored, answered within a poll cycle plus the read timeout before a kill of the
 *                           gateway: the read under way when the power went; at most one per meter is allowed
 * @param worstMeterInFlight the most such reads of one meter
 * @param lost               never stored, answered at any other time: a loss
 * @param duplicates         points beyond one per read: a read's value stored at two times (a message sent again
 *                           lands on the same points, so resends do not count here)
 * @param outOfOrder         a later read stored at an earlier time than a former one
 * @param failedReads        reads the gateway reported failed in the window (the meter may have answered too late),
 *                           to explain a loss; -1 if unknown
 * @param resends            messages the gateway sent again for want of an end-to-end ack in the window; -1 if unknown
 * @param peakUnconfirmed    the most messages awaiting ingest's end-to-end ack at once: the backlog the gateway held
 * @param peakRssMb          the gateway process's peak resident memory in the window
 */
record GatewayDelivery(long read, long stored, long inFlightAtKill, long worstMeterInFlight, long lost, long duplicates,
                       long outOfOrder, long failedReads, long resends, long peakUnconfirmed, long peakRssMb) {
}
