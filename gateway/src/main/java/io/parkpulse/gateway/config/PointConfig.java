package io.parkpulse.gateway.config;

import io.parkpulse.contract.Quantity;

/**
 * One point of a device: the wire quantity it becomes, how it matters, and where the protocol finds
 * it ({@code source}: a {@link io.parkpulse.protocols.dlt645.DataIdentifier}, a
 * {@link io.parkpulse.protocols.modbus.RegisterValue}, a CJ/T 188 field or an NB-IoT payload field).
 */
public record PointConfig<S>(Quantity quantity, Importance importance, S source) {
}
