package io.parkpulse.ingest.live;

/** A gateway's connection state as its retained status message last said, and when ingest received that. */
record GatewayState(boolean online, long sinceMs) {
}
