package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes telemetry messages in the contract's JSON form. Used by the gateway and the simulators;
 * {@link TelemetryDecoder} reads what this writes.
 *
 * <p>Thread-safe.
 */
public final class TelemetryEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    public byte[] encode(TelemetryMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 96 * message.readings().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", message.seq());
            g.writeArrayFieldStart("readings");
            for (Reading reading : message.readings()) {
                writeReading(g, reading);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeReading(JsonGenerator g, Reading reading) throws IOException {
        g.writeStartObject();
        g.writeStringField("meter", reading.meter());
        g.writeNumberField("ts", reading.timeMs());
        g.writeObjectFieldStart("values");
        for (Value value : reading.values()) {
            if (value.quantity().isNumeric()) {
                g.writeNumberField(value.quantity().wireName(), value.number());
            } else {
                g.writeStringField(value.quantity().wireName(), value.state().wireName());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
