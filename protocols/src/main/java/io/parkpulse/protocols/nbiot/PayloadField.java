package io.parkpulse.protocols.nbiot;

/** Fields of a decoded NB-IoT meter payload that a gateway point can take. */
public enum PayloadField {
    /** the cumulative volume register (current and frozen values), m³ */
    VOLUME,
    /** battery voltage, V */
    BATTERY,
    /** received signal power, dBm */
    SIGNAL
}
