package io.parkpulse.chaos;

/**
 * What a gateway restarted without uplink found in its on-disk buffer, and how fast it emptied it once the link was back.
 *
 * @param foundAtRestart readings the restarted gateway found in its buffer
 * @param drainMs        from the uplink's return until the gateway's buffer was empty, -1 if it did not empty in time
 */
record BufferReplay(long foundAtRestart, long drainMs) {
}
