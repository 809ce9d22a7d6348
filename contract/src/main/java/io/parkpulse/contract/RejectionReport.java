package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the platform publishes on a gateway's {@code rejected} topic about one telemetry message:
 * <pre>{@code {"seq": 42, "received_at": 1763776800123, "rejections": [
 *    {"reason": "unknown_meter", "path": "$.readings[3]", "meter": "E-9", "ts": 1763776800000,
 *     "detail": "meter E-9 is not in park demo-park"}], "omitted": 0}}</pre>
 *
 * @param seq          the message's sequence number, or {@code null} when it could not be read
 * @param receivedAtMs when the platform received the message (epoch ms)
 * @param rejections   what was rejected, at most {@link #MAX_LISTED}
 * @param omitted      how many further rejections were counted but not listed
 */
public record RejectionReport(Long seq, long receivedAtMs, List<Rejection> rejections, int omitted) {

    /** Keeps a report of a message full of bad values well below the broker's packet limits. */
    public static final int MAX_LISTED = 200;

    private static final JsonFactory JSON = new JsonFactory();

    public RejectionReport {
        rejections = List.copyOf(rejections);
    }

    /** A report listing at most {@link #MAX_LISTED} of {@code all}, counting the rest. */
    public static RejectionReport of(Long seq, long receivedAtMs, List<Rejection> all) {
        int listed = Math.min(all.size(), MAX_LISTED);
        return new RejectionReport(seq, receivedAtMs, all.subList(0, listed), all.size() - listed);
    }

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 160 * rejections.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (seq == null) {
                g.writeNullField("seq");
            } else {
                g.writeNumberField("seq", seq);
            }
            g.writeNumberField("received_at", receivedAtMs);
            g.writeArrayFieldStart("rejections");
            for (Rejection r : rejections) {
                g.writeStartObject();
                g.writeStringField("reason", r.reason().code());
                g.writeStringField("path", r.path());
                if (r.meter() != null) {
                    g.writeStringField("meter", r.meter());
                }
                if (r.timeMs() != null) {
                    g.writeNumberField("ts", r.timeMs());
                }
                g.writeStringField("detail", r.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("omitted", omitted);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a report, as a gateway does.
     *
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a report
     */
    public static RejectionReport fromJson(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "report");
            Long seq = null;
            long receivedAt = 0;
            int omitted = 0;
            List<Rejection> rejections = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "seq" -> seq = token == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "received_at" -> receivedAt = p.getLongValue();
                    case "omitted" -> omitted = p.getIntValue();
                    case "rejections" -> {
                        expect(token, JsonToken.START_ARRAY, "rejections");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            rejections.add(readRejection(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new RejectionReport(seq, receivedAt, rejections, omitted);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rejection report: " + e.getMessage(), e);
        }
    }

    private static Rejection readRejection(JsonParser p) throws IOException {
        RejectReason reason = null;
        String path = null;
        String detail = "";
        String meter = null;
        Long ts = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "reason" -> reason = RejectReason.byCode(p.getText())
                        .orElseThrow(() -> new IllegalArgumentException("unknown rejection reason " + safeText(p)));
                case "path" -> path = p.getText();
                case "detail" -> detail = p.getText();
                case "meter" -> meter = p.getText();
                case "ts" -> ts = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        if (reason == null || path == null) {
            throw new IllegalArgumentException("a rejection needs reason and path");
        }
        return new Rejection(reason, path, detail, meter, ts);
    }

    private static String safeText(JsonParser p) {
        try {
            return TelemetryDecoder.echo(p.getText());
        } catch (IOException e) {
            return "?";
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " must start with " + expected + ", got " + actual);
        }
    }
}
