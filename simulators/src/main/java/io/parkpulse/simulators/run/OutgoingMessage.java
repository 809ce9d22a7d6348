package io.parkpulse.simulators.run;

/**
 * One MQTT payload ready to publish on a gateway's telemetry topic.
 *
 * @param gateway     index of the gateway in the model's gateway list
 * @param gatewayId   its id
 * @param seq         the message's sequence number
 * @param payload     the bytes to publish (corrupted ones included)
 * @param sendTimeMs  the simulated instant it is sent at
 * @param readings    readings in it
 * @param copy        whether this is the second publication of a duplicated message
 */
public record OutgoingMessage(int gateway, String gatewayId, long seq, byte[] payload, long sendTimeMs, int readings, boolean copy) {
}
