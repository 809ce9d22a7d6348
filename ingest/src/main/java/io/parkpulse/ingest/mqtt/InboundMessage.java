package io.parkpulse.ingest.mqtt;

/**
 * A message as it came from the broker.
 *
 * @param topic        the concrete topic it was published to
 * @param payload      its bytes; not copied, do not modify
 * @param mqttId       the packet id to acknowledge (0 for QoS 0)
 * @param qos          its quality of service as delivered
 * @param connection   which connection of the client delivered it; an acknowledgement is only valid
 *                     on that connection, because packet ids are reused after a reconnect
 * @param receivedAtMs when it arrived (epoch ms)
 */
public record InboundMessage(String topic, byte[] payload, int mqttId, int qos, long connection, long receivedAtMs) {
}
