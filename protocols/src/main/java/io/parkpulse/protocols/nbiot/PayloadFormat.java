package io.parkpulse.protocols.nbiot;

/** Layouts of an NB-IoT meter's application payload that the gateway understands (docs/gateway.md). */
public enum PayloadFormat {
    /** ParkPulse's documented water-meter payload: current register plus the day's frozen values */
    PARKPULSE_WATER_V1
}
