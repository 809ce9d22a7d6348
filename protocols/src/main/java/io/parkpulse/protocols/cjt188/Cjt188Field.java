package io.parkpulse.protocols.cjt188;

/** Fields of a CJ/T 188 metering-data reply that a gateway point can take. */
public enum Cjt188Field {
    /** current cumulative flow, converted from its unit code to m³ */
    CURRENT_FLOW,
    /** cumulative flow on the settlement day, in m³ */
    SETTLEMENT_FLOW
}
