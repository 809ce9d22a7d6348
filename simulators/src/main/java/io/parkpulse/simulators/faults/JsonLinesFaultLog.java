package io.parkpulse.simulators.faults;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes fault events as JSON lines (one object per line, fields in a fixed order), with times both
 * as ISO-8601 in the park's time zone and as epoch milliseconds. Format in {@code docs/simulators.md}.
 *
 * <p>Not thread-safe; one writer thread.
 */
public final class JsonLinesFaultLog implements FaultLog {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final ZoneId zone;
    private final String name;

    public JsonLinesFaultLog(Writer out, ZoneId zone, String name) {
        this.out = out;
        this.zone = zone;
        this.name = name;
    }

    public static JsonLinesFaultLog create(Path file, ZoneId zone) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new JsonLinesFaultLog(writer, zone, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void record(FaultEvent event) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.writeStartObject();
            g.writeStringField("type", event.type().wireName());
            g.writeStringField("park", event.park());
            g.writeStringField("gateway", event.gateway());
            if (event.meter() == null) {
                g.writeNullField("meter");
            } else {
                g.writeStringField("meter", event.meter());
            }
            g.writeStringField("start", iso(event.startMs()));
            g.writeNumberField("start_ms", event.startMs());
            if (event.endMs() == null) {
                g.writeNullField("end");
                g.writeNullField("end_ms");
            } else {
                g.writeStringField("end", iso(event.endMs()));
                g.writeNumberField("end_ms", event.endMs());
            }
            g.writeFieldName("details");
            writeValue(g, event.details());
            g.writeEndObject();
            g.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault log " + name + ": " + e.getMessage(), e);
        }
    }

    private String iso(long ms) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(ms), zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(value.toString());
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the fault log " + name + ": " + e.getMessage(), e);
        }
    }
}
